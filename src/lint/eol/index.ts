/**
 * End-of-life status of base images and of the runtimes they carry, from the dated table in
 * `table.ts`. Used by the Dockerfile rule `dockerfile/base-image-end-of-life` and by the generators
 * (an end-of-life version is never a default, and asking for one is warned about).
 *
 * - `eolStatus('python', '3.8-slim-buster', today)` reads an official image's tag: the runtime version
 *   and the operating system release it names (`3.8` → Python 3.8, `buster` → Debian 10).
 * - `cycleStatus('node', '20', today)` answers for a product version directly.
 * - `supportedCycles('python', today)` lists what may be offered.
 *
 * Only Docker Hub's official images are read (`python`, `library/python`, `docker.io/library/python`,
 * their architecture mirrors `arm64v8/python` …): a tag of another repository may mean anything. A tag
 * that names no known version (`latest`, `3`, `slim`, `edge`, a build argument) gives `unknown`, never a
 * guess.
 */
import { EOL_PRODUCTS, EOL_TABLE_CHECKED, type EolCycle, type EolProduct, type EolProductId } from './table.js';

export { EOL_PRODUCTS, EOL_TABLE_CHECKED, type EolCycle, type EolProduct, type EolProductId };

export type EolState = 'eol' | 'supported' | 'unknown';

/** One product an image carries, with its support status. */
export interface EolComponent {
  product: EolProduct;
  cycle: EolCycle;
  /** `Python 3.8`, `Debian 10 (buster)`. */
  label: string;
  status: 'eol' | 'supported';
  /** Days from `today` to the end of life; zero or negative once it is reached. */
  daysLeft: number;
  /** Where in the tag the version is named: [start, end) offsets into the tag string. */
  range: [number, number];
  /** The newest supported release to move to (an LTS one where the product has them); undefined when none. */
  upgrade: EolCycle | undefined;
}

export interface EolStatus {
  /** `eol` when any component reached its end of life; `unknown` when the tag names no known version. */
  status: EolState;
  components: EolComponent[];
}

/** A day as `YYYY-MM-DD` (UTC). */
export function isoDay(day: Date | string): string {
  if (typeof day === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a YYYY-MM-DD day: ${day}`);
    return day;
  }
  return day.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The cycle of `product` that `version` belongs to (`3.12.4` → 3.12, `bookworm` → 12, `hydrogen` → 18). */
export function findCycle(product: EolProductId, version: string): EolCycle | undefined {
  const p = EOL_PRODUCTS[product];
  const v = version.trim().toLowerCase();
  const byName = p.cycles.find((c) => c.cycle === v || c.aliases?.includes(v));
  if (byName) return byName;
  const key = cycleKey(product, v);
  return key === undefined ? undefined : p.cycles.find((c) => c.cycle === key);
}

/** The cycle name a version string belongs to, or undefined when it names none precisely. */
function cycleKey(product: EolProductId, v: string): string | undefined {
  switch (product) {
    case 'node': {
      const m = /^v?(0\.\d+|\d+)(?:\.\d+){0,2}$/.exec(v);
      return m?.[1];
    }
    case 'golang': {
      const m = /^(?:go)?1\.(\d+)(?:\.\d+)?(?:rc\d+|beta\d+)?$/.exec(v);
      return m ? `1.${m[1]}` : undefined;
    }
    case 'debian': {
      const m = /^(\d+)(?:\.\d+)?$/.exec(v);
      return m?.[1];
    }
    case 'ubuntu': {
      const m = /^(\d\d\.\d\d)(?:\.\d+)?$/.exec(v);
      return m?.[1];
    }
    default: {
      // python, ruby, php, alpine: MAJOR.MINOR[.PATCH][pre-release].
      const m = /^(\d+)\.(\d+)(?:\.\d+)?(?:(?:a|b|rc|alpha|beta|preview)\.?\d*)?$/.exec(v);
      if (m) return `${m[1]}.${m[2]}`;
      // A bare major names a cycle only when that major line has ended (`python:2` is 2.7); `python:3`
      // follows the newest 3.x and names no cycle.
      const major = /^(\d+)$/.exec(v)?.[1];
      if (major === undefined) return undefined;
      const cycles = EOL_PRODUCTS[product].cycles;
      const last = [...cycles].reverse().find((c) => c.cycle.split('.')[0] === major);
      const newerMajor = cycles.some((c) => Number(c.cycle.split('.')[0]) > Number(major));
      return last && newerMajor ? last.cycle : undefined;
    }
  }
}

/** The support status of one version of a product, e.g. `cycleStatus('python', '3.9', '2026-11-23')`. */
export function cycleStatus(product: EolProductId, version: string, today: Date | string = new Date()): EolState {
  const cycle = findCycle(product, version);
  if (!cycle) return 'unknown';
  return isoDay(today) >= cycle.eol ? 'eol' : 'supported';
}

/** The cycles of a product released by `today` and not yet at their end of life, oldest first. */
export function supportedCycles(product: EolProductId, today: Date | string = new Date()): EolCycle[] {
  const day = isoDay(today);
  return EOL_PRODUCTS[product].cycles.filter((c) => c.released <= day && day < c.eol);
}

/** The newest supported cycle, preferring long-term-support releases where the product has them. */
export function recommendedCycle(product: EolProductId, today: Date | string = new Date()): EolCycle | undefined {
  const supported = supportedCycles(product, today);
  const hasLts = EOL_PRODUCTS[product].cycles.some((c) => c.lts) && EOL_PRODUCTS[product].cycles.some((c) => !c.lts);
  const day = isoDay(today);
  const pool = hasLts ? supported.filter((c) => c.lts && (c.ltsFrom ?? c.released) <= day) : supported;
  return pool[pool.length - 1] ?? supported[supported.length - 1];
}

/** Official images that carry a language runtime, and the product of that runtime. */
const RUNTIME_IMAGES: Readonly<Record<string, EolProductId>> = {
  python: 'python',
  node: 'node',
  golang: 'golang',
  ruby: 'ruby',
  php: 'php',
};

/** Official images whose tags name the operating system release they are built on (`-bookworm`, `-alpine3.20`). */
const OS_VARIANT_IMAGES = new Set([
  'python', 'node', 'golang', 'ruby', 'php', 'rust', 'perl', 'buildpack-deps', 'openjdk', 'eclipse-temurin',
  'haskell', 'erlang', 'elixir', 'gcc', 'julia', 'pypy', 'maven', 'gradle', 'clojure', 'swift', 'ibmjava', 'amazoncorretto',
]);

/** Operating system images: their tag's first part is the release. */
const OS_IMAGES: Readonly<Record<string, EolProductId>> = { debian: 'debian', ubuntu: 'ubuntu', alpine: 'alpine' };

const ARCH_NAMESPACES = new Set(['amd64', 'arm32v5', 'arm32v6', 'arm32v7', 'arm64v8', 'i386', 'ppc64le', 's390x', 'riscv64', 'mips64le']);
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
/** Registries that mirror Docker Hub's official images under `library/` (or `docker/library/`). */
const HUB_MIRRORS = new Set(['mirror.gcr.io', 'public.ecr.aws']);

/**
 * The official image an image name refers to (`python` for `docker.io/library/python`), or undefined
 * for any other repository.
 */
export function officialImageName(image: string): string | undefined {
  let parts = image.toLowerCase().split('/');
  const first = parts[0]!;
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    if (DOCKER_HUB.has(first)) parts = parts.slice(1);
    else if (HUB_MIRRORS.has(first)) parts = parts.slice(parts[1] === 'docker' ? 2 : 1);
    else return undefined;
  }
  if (parts.length === 2 && (parts[0] === 'library' || ARCH_NAMESPACES.has(parts[0]!))) parts = parts.slice(1);
  return parts.length === 1 && parts[0] ? parts[0] : undefined;
}

interface Segment {
  text: string;
  start: number;
}

function segments(tag: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (const text of tag.split('-')) {
    out.push({ text, start });
    start += text.length + 1;
  }
  return out;
}

interface Named {
  product: EolProductId;
  cycle: EolCycle;
  range: [number, number];
}

/** The OS release a tag segment names: a Debian/Ubuntu codename, or `alpine3.20`. */
function osSegment(seg: Segment): Named | undefined {
  const t = seg.text.toLowerCase();
  const alpine = /^alpine(\d+\.\d+)(?:\.\d+)?$/.exec(t);
  if (alpine) {
    const cycle = findCycle('alpine', alpine[1]!);
    return cycle ? { product: 'alpine', cycle, range: [seg.start, seg.start + seg.text.length] } : undefined;
  }
  if (!/^[a-z]+$/.test(t)) return undefined;
  for (const product of ['debian', 'ubuntu'] as const) {
    const cycle = EOL_PRODUCTS[product].cycles.find((c) => c.aliases?.includes(t));
    if (cycle) return { product, cycle, range: [seg.start, seg.start + seg.text.length] };
  }
  return undefined;
}

/** What the tag of an official image names, before dates are applied. */
function namedInTag(name: string, tag: string): Named[] {
  const segs = segments(tag);
  const out: Named[] = [];
  const osProduct = OS_IMAGES[name];
  if (osProduct) {
    const first = segs[0]!;
    const cycle = findCycle(osProduct, first.text);
    if (cycle) out.push({ product: osProduct, cycle, range: [first.start, first.start + first.text.length] });
    return out;
  }
  const runtime = RUNTIME_IMAGES[name];
  let rest = segs;
  if (runtime) {
    const first = segs[0]!;
    // Node.js LTS codenames name a major (`hydrogen`, `lts-hydrogen`), but `node:lts` follows the newest.
    const versionSeg = runtime === 'node' && first.text === 'lts' && segs[1] ? segs[1] : first;
    const cycle = findCycle(runtime, versionSeg.text);
    if (cycle) out.push({ product: runtime, cycle, range: [versionSeg.start, versionSeg.start + versionSeg.text.length] });
    rest = segs.slice(segs.indexOf(versionSeg) + 1);
  }
  if (OS_VARIANT_IMAGES.has(name)) {
    for (const seg of rest) {
      const os = osSegment(seg);
      if (os) {
        out.push(os);
        break;
      }
    }
  }
  return out;
}

function label(product: EolProduct, cycle: EolCycle): string {
  const codename = product.id === 'debian' || product.id === 'ubuntu' ? cycle.aliases?.[0] : undefined;
  return codename ? `${product.name} ${cycle.cycle} (${codename})` : `${product.name} ${cycle.cycle}`;
}

/**
 * The support status of an image tag on `today` (default: now): the runtime and operating system
 * releases the tag names, each with its end-of-life date. `image` is the repository as written in FROM
 * (`python`, `docker.io/library/node`); `tag` without the `:`.
 */
export function eolStatus(image: string, tag: string | undefined, today: Date | string = new Date()): EolStatus {
  const day = isoDay(today);
  const name = officialImageName(image);
  if (name === undefined || !tag) return { status: 'unknown', components: [] };
  const components: EolComponent[] = namedInTag(name, tag).map(({ product: id, cycle, range }) => {
    const product = EOL_PRODUCTS[id];
    const eol = day >= cycle.eol;
    const upgrade = recommendedCycle(id, day);
    return {
      product,
      cycle,
      label: label(product, cycle),
      status: eol ? 'eol' : 'supported',
      daysLeft: daysBetween(day, cycle.eol),
      range,
      upgrade: upgrade && upgrade !== cycle ? upgrade : undefined,
    };
  });
  const status: EolState = components.length === 0 ? 'unknown' : components.some((c) => c.status === 'eol') ? 'eol' : 'supported';
  return { status, components };
}

/** `eolStatus` for a whole reference, `python:3.8-slim` (a digest is ignored). */
export function eolStatusOfReference(reference: string, today: Date | string = new Date()): EolStatus {
  const noDigest = reference.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  if (colon <= slash) return eolStatus(noDigest, undefined, today);
  return eolStatus(noDigest.slice(0, colon), noDigest.slice(colon + 1), today);
}
