/**
 * Image references of `image:` and `services:` (and of docker commands in scripts): expanded with
 * the variables the file defines, split into registry, repository, tag and digest, with where the
 * tag is written (for fixes), and judged pinned or not.
 */
import { splitReference } from '../../dockerfile/image-ref.js';
import type { CiImage, CiJob, GitlabCiDoc } from '../model/types.js';
import type { YScalar } from '../yaml/nodes.js';
import { expandForJob, expandVariables, type Expanded } from './variables.js';
import { pushAll } from '../../../util/push-all.js';

/** One part of a reference. */
export interface RefPart {
  value: string;
  /** False when an unknown variable is part of it. */
  known: boolean;
  /** Where the part is in the text as written, when it is written there literally (not from a variable). */
  written?: [number, number];
}

export interface ImageRef {
  /** The reference as written. */
  text: string;
  expanded: Expanded;
  registry?: RefPart;
  /** The repository path without the registry (`library/python`, `group/app`). */
  repository: RefPart;
  tag?: RefPart;
  digest?: RefPart;
}

/** Parses a reference after expanding the variables the text uses (`expanded`). */
export function parseImageRef(text: string, expanded: Expanded): ImageRef {
  // Unknown variables stay as written; hide their characters from the grammar so a `:` or `/`
  // inside `${X}` is not read as a separator.
  let parseable = '';
  const bounds: Array<{ start: number; end: number; known: boolean; from?: number }> = [];
  for (const p of expanded.pieces) {
    bounds.push({ start: parseable.length, end: parseable.length + p.text.length, known: p.known, ...(p.from !== undefined ? { from: p.from } : {}) });
    parseable += p.known ? p.text : 'x'.repeat(p.text.length);
  }
  const part = (range: [number, number] | undefined): RefPart | undefined => {
    if (!range) return undefined;
    const [start, end] = range;
    const overlapping = bounds.filter((b) => b.start < end && b.end > start);
    const out: RefPart = { value: expanded.value.slice(start, end), known: overlapping.every((b) => b.known) };
    const single = overlapping.length === 1 ? overlapping[0]! : undefined;
    if (single?.known && single.from !== undefined && text.slice(single.from, single.from + (single.end - single.start)) === expanded.value.slice(single.start, single.end)) {
      out.written = [single.from + (start - single.start), single.from + (end - single.start)];
    }
    return out;
  };
  const ranges = splitReference(parseable);
  const ref: ImageRef = { text, expanded, repository: part(ranges.name) ?? { value: '', known: true } };
  const registry = part(ranges.registry);
  const tag = part(ranges.tag);
  const digest = part(ranges.digest);
  if (registry) ref.registry = registry;
  if (tag) ref.tag = tag;
  if (digest) ref.digest = digest;
  return ref;
}

/** The reference of an `image:`/`services:` entry as job `job` sees it (undefined for a component input or no name). */
export function ciImageRef(doc: GitlabCiDoc, job: CiJob | undefined, image: CiImage): ImageRef | undefined {
  const name = image.name;
  if (!name || typeof name.value !== 'string' || name.value.includes('$[[')) return undefined;
  return parseImageRef(name.value, expandForJob(doc, job, name.value));
}

/** A reference written in a script (after quote removal), expanded with the job's variables. */
export function scriptImageRef(doc: GitlabCiDoc, job: CiJob | undefined, text: string): ImageRef {
  return parseImageRef(text, expandForJob(doc, job, text));
}

/** A reference on its own (no variables known). */
export function plainImageRef(text: string): ImageRef {
  return parseImageRef(text, expandVariables(text, () => undefined));
}

/** The last path segment of the repository (`docker` for `registry.example.com/mirror/docker`). */
export function imageBaseName(ref: ImageRef): string | undefined {
  if (!ref.repository.known) {
    // `$PREFIX/docker`: the last segment may still be written literally.
    const m = /\/([a-z0-9._-]+)$/.exec(ref.repository.value);
    return m && !/^x+$/.test(m[1]!) ? m[1] : undefined;
  }
  return ref.repository.value.split('/').pop();
}

/** Tags that name a moving target whatever the image. */
const MOVING_TAGS = new Set(['latest', 'stable', 'edge', 'nightly', 'rolling', 'lts', 'current', 'mainline', 'testing', 'unstable']);

/**
 * Why the reference is not pinned: 'no tag' (Docker pulls `latest`), or the moving tag; undefined
 * when it is pinned (a version tag or a digest) or cannot be known (an unknown variable in it).
 * A moving word at the start of a tag counts too (`lts-alpine`, `stable-dind`); for the docker
 * image, a tag without a version (`cli`, `dind`, `git`) follows each Docker release.
 */
export function unpinnedReason(ref: ImageRef): string | undefined {
  if (ref.digest) return undefined;
  if (!ref.repository.known && !imageBaseName(ref)) return undefined;
  if (!ref.tag) {
    // `$IMAGE` alone: the variable may hold the tag.
    if (!ref.expanded.known) return undefined;
    return 'no tag';
  }
  if (!ref.tag.known) return undefined;
  const tag = ref.tag.value;
  const first = tag.split('-')[0]!.toLowerCase();
  if (MOVING_TAGS.has(first)) return `the moving tag \`${tag}\``;
  if (imageBaseName(ref) === 'docker' && !/\d/.test(tag)) return `the moving tag \`${tag}\``;
  return undefined;
}

/** `24.0.7` of `24.0.7-dind`, as numbers; undefined when the tag has no version. */
export function tagVersion(tag: string | undefined): number[] | undefined {
  const m = tag === undefined ? null : /^v?(\d+(?:\.\d+){0,3})(?![\d])/.exec(tag);
  return m ? m[1]!.split('.').map(Number) : undefined;
}

/** True when two versions agree as far as both go (`24` and `24.0.7` agree, `24.0` and `27` do not). */
export function versionsAgree(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The aliases a service is reachable at from its job: `alias:`, and the names GitLab derives from the image. */
export function serviceAliases(service: CiImage): string[] {
  const out: string[] = [];
  const alias = service.alias?.value;
  if (typeof alias === 'string') pushAll(out, alias.split(',').map((a) => a.trim()).filter(Boolean));
  const name = service.name?.value;
  if (typeof name === 'string') {
    // GitLab: the image name without tag; `/` becomes `__` and, as a second alias, `-`.
    const base = name.replace(/@.*/s, '').replace(/:[^/:]*$/, '');
    out.push(base.replace(/\//g, '__'), base.replace(/\//g, '-'));
  }
  return out;
}

/** Whether an image name scalar is written literally (no variable, no component input). */
export function isLiteralName(node: YScalar | undefined): boolean {
  return typeof node?.value === 'string' && !node.value.includes('$');
}
