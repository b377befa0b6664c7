/**
 * References to other stages or images outside FROM: `COPY --from=<x>` and `RUN --mount=…,from=<x>`.
 * Used by the rules about unknown, self and untrusted `--from` sources.
 */
import type { Span } from '../engine/types.js';
import type { CopyInstruction, DockerfileDoc, Instruction, Mount, RunInstruction, Stage } from './model.js';
import { expand } from './variables.js';

export interface FromReference {
  instruction: CopyInstruction | RunInstruction;
  /** The value as written (quotes removed). */
  written: string;
  /** The value with the stage's variables substituted; undefined when a variable has no known value. */
  resolved: string | undefined;
  /** Where the value is written. */
  span: Span;
  /** The mount, for `RUN --mount=…,from=`. */
  mount: Mount | undefined;
}

/** Every `COPY --from` and `RUN --mount from=` of the top-level instructions (ONBUILD triggers excluded). */
export function fromReferences(doc: DockerfileDoc): FromReference[] {
  const out: FromReference[] = [];
  for (const ins of doc.instructions) {
    if (ins.keyword === 'COPY') {
      const flag = ins.flag('from');
      if (flag?.value === undefined || !flag.valueSpan) continue;
      out.push({ instruction: ins, written: flag.value, resolved: resolve(doc, ins, flag.value, flag.valueSpan.start), span: flag.valueSpan, mount: undefined });
    } else if (ins.keyword === 'RUN') {
      for (const mount of ins.mounts) {
        if (mount.from === undefined || !mount.flag.valueSpan) continue;
        const span = mountFromSpan(doc.text, mount);
        out.push({ instruction: ins, written: mount.from, resolved: resolve(doc, ins, mount.from, span.start), span, mount });
      }
    }
  }
  return out;
}

function resolve(doc: DockerfileDoc, ins: Instruction, value: string, start: number): string | undefined {
  const raw = doc.text.slice(start, start + value.length);
  const exp = expand(raw === value ? raw : value, start, (n) => ins.state.variable(n), doc.escapeChar);
  return exp.unresolved.length > 0 ? undefined : exp.value;
}

/** The span of the `from=` value inside a `--mount=` flag (the whole flag value when not found verbatim). */
function mountFromSpan(text: string, mount: Mount): Span {
  const span = mount.flag.valueSpan!;
  const raw = text.slice(span.start, span.end);
  const m = /(^|,)\s*from=/i.exec(raw);
  if (m && raw.startsWith(mount.from!, m.index + m[0].length)) {
    const start = span.start + m.index + m[0].length;
    return { start, end: start + mount.from!.length };
  }
  return span;
}

/** The stage a `--from` value names: an index or a name (case-insensitive, as BuildKit compares). */
export function stageOfReference(doc: DockerfileDoc, value: string): Stage | undefined {
  if (/^\d+$/.test(value)) return doc.stages[Number(value)];
  return doc.stageNamed(value);
}

/** Docker Hub official images often copied from (`COPY --from=nginx …`): a bare name among them is an image. */
export const OFFICIAL_IMAGES: ReadonlySet<string> = new Set([
  'alpine', 'amazoncorretto', 'bash', 'busybox', 'buildpack-deps', 'caddy', 'centos', 'composer', 'debian', 'docker',
  'eclipse-temurin', 'fedora', 'gcc', 'golang', 'gradle', 'haproxy', 'httpd', 'mariadb', 'maven', 'memcached', 'mongo',
  'mysql', 'nginx', 'node', 'openjdk', 'perl', 'php', 'postgres', 'python', 'rabbitmq', 'redis', 'registry', 'ruby',
  'rust', 'tomcat', 'traefik', 'ubuntu',
]);

/**
 * A `--from` value that names no stage, read as an image when it has a tag, digest or path, or is a
 * well-known image; any other bare name is taken for a named build context (`--build-context name=…`).
 */
export function isImageReference(value: string): boolean {
  return /[:@/]/.test(value) || OFFICIAL_IMAGES.has(value.toLowerCase());
}
