/**
 * Ports written in a repository's files: Dockerfile `EXPOSE` and the port a `HEALTHCHECK`
 * probes, and the container side of port mappings that run the project's own image (`docker run
 * -p host:container` in CI scripts, CI variables and Makefile recipes; `ports:`/`expose:` of
 * compose services that build the project or take their image from a variable).
 */
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { ProjectDoc } from '../../engine/project.js';
import type { SourceFile, Span } from '../../engine/types.js';
import type { DockerfileDoc, Instruction } from '../../dockerfile/index.js';
import { reachesFinalImage } from '../../dockerfile/queries.js';
import { valueSpan, type YScalar } from '../../gitlab-ci/index.js';
import type { MakefileDoc } from '../../makefile/index.js';
import { ciDocs, ciJobs } from './ci.js';
import { composeServices } from './compose.js';
import { lintedDockerfiles } from './dockerfiles.js';
import type { Site } from './where.js';
import { pushAll } from '../../../util/push-all.js';

export interface PortSite extends Site {
  port: number;
  /** For messages: "`EXPOSE`", "the HEALTHCHECK URL", "`docker run -p 8080:8000` in job `deploy`". */
  what: string;
}

export interface DockerfilePorts {
  file: SourceFile;
  /** EXPOSE ports of the stages that reach the final image. */
  exposed: PortSite[];
  /** Ports HEALTHCHECK commands of those stages probe. */
  probed: PortSite[];
}

const PORT = /^\d{1,5}$/;

function toPort(text: string | undefined): number | undefined {
  if (text === undefined || !PORT.test(text)) return undefined;
  const n = Number(text);
  return n > 0 && n < 65536 ? n : undefined;
}

/** `$PORT`, `${PORT}` resolved with the Dockerfile state at the instruction; literal digits as they are. */
function resolveDockerPort(ins: Instruction, text: string): number | undefined {
  const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(text)?.[1];
  return toPort(variable === undefined ? text : ins.state.variable(variable));
}

/** A probe of the container itself: `http://localhost:8000/health`, `127.0.0.1:8000`, `http://localhost/`. */
const PROBE = /(?:(https?):\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(\d{1,5}|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?))?(?=[/'"\s?#)\]]|$)/g;

export function dockerfilePorts(project: ProjectDoc): DockerfilePorts[] {
  return lintedDockerfiles(project).map(({ file, doc }) => portsOf(file, doc));
}

function portsOf(file: SourceFile, doc: DockerfileDoc): DockerfilePorts {
  const exposed: PortSite[] = [];
  const probed: PortSite[] = [];
  for (const stage of doc.stages) {
    if (!reachesFinalImage(stage)) continue;
    for (const ins of stage.instructions) {
      if (ins.keyword === 'EXPOSE') {
        for (const arg of ins.args) {
          const text = arg.value.replace(/\/(tcp|udp|sctp)$/i, '');
          const port = resolveDockerPort(ins, text);
          if (port !== undefined) exposed.push({ file, span: arg.span, port, what: '`EXPOSE`' });
        }
      } else if (ins.keyword === 'HEALTHCHECK' && ins.type?.value === 'CMD' && ins.command) {
        const raw = doc.text.slice(ins.span.start, ins.span.end);
        for (const m of raw.matchAll(PROBE)) {
          if (m[1] === undefined && m[2] === undefined) continue; // a bare host name says nothing about a port
          const port = m[2] !== undefined ? resolveDockerPort(ins, m[2]) : m[1] === 'https' ? 443 : 80;
          if (port === undefined) continue;
          const start = ins.span.start + m.index + (m[2] !== undefined ? m[0].lastIndexOf(m[2]) : 0);
          const end = m[2] !== undefined ? start + m[2].length : ins.span.start + m.index + m[0].length;
          probed.push({ file, span: { start, end }, port, what: 'the HEALTHCHECK' });
        }
      }
    }
  }
  return { file, exposed, probed };
}

// ---------------------------------------------------------------------------------------------
// docker run -p in shell text

/** Options of `docker run`/`create` that take the next word as their value. */
const RUN_WITH_VALUE = new Set([
  '-a', '--attach', '-c', '--cpu-shares', '--cidfile', '--cpus', '--cpuset-cpus', '--device', '--dns', '-e', '--env',
  '--env-file', '--entrypoint', '--expose', '--gpus', '--group-add', '-h', '--hostname', '--health-cmd',
  '--health-interval', '--health-retries', '--health-timeout', '--health-start-period', '--ip', '--ipc', '-l', '--label',
  '--label-file', '--link', '--log-driver', '--log-opt', '-m', '--memory', '--mount', '--name', '--network', '--net',
  '--network-alias', '-p', '--publish', '--pid', '--platform', '--pull', '--restart', '--runtime', '--security-opt',
  '--shm-size', '--stop-signal', '--stop-timeout', '--tmpfs', '-u', '--user', '--ulimit', '-v', '--volume',
  '--volumes-from', '-w', '--workdir', '--cap-add', '--cap-drop', '--add-host', '--userns', '--uts', '--cgroupns',
  '--memory-swap', '--memory-reservation', '--kernel-memory', '--oom-score-adj', '--sysctl', '--storage-opt',
]);
const SHORT_WITH_VALUE = new Set(['a', 'c', 'e', 'h', 'l', 'm', 'p', 'u', 'v', 'w']);

export interface Publish {
  /** The container port. */
  port: number;
  /** Offsets of the container port in the text. */
  start: number;
  end: number;
  /** The mapping as written, e.g. `8080:8000`. */
  mapping: string;
}

interface Token {
  text: string;
  start: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[^\s;&|]+|[;&|\n]/g)) out.push({ text: m[0], start: m.index });
  return out;
}

const unquote = (s: string) => s.replace(/^["']|["']$/g, '');

/**
 * The `-p`/`--publish` mappings of `docker run`/`docker create` (also `podman`, `docker container
 * run`) in a shell text, when the container is the project's own image: an image given by a
 * variable (`"$IMAGE:$TAG"`, `$(IMAGE)`) or one of `ownImages`. Read from the words of the text,
 * so a command inside a quoted `ssh host "docker run …"` or a variable value is found too.
 */
export function publishedPorts(text: string, ownImages: ReadonlySet<string>): Publish[] {
  const tokens = tokenize(text);
  const out: Publish[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const program = unquote(tokens[i]!.text).replace(/^.*\//, '');
    if (program !== 'docker' && program !== 'podman') continue;
    let j = i + 1;
    if (tokens[j]?.text === 'container') j++;
    if (tokens[j]?.text !== 'run' && tokens[j]?.text !== 'create') continue;
    const found: Publish[] = [];
    let image: string | undefined;
    for (j++; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (/^[;&|\n]$/.test(t.text)) break;
      const word = unquote(t.text);
      if (!word.startsWith('-') || word === '-') {
        image = word;
        break;
      }
      let value: Token | undefined;
      let valueText: string | undefined;
      let name = word;
      if (word.startsWith('--')) {
        const eq = word.indexOf('=');
        if (eq >= 0) {
          name = word.slice(0, eq);
          valueText = word.slice(eq + 1);
          value = { text: valueText, start: t.start + t.text.indexOf('=') + 1 };
        } else if (RUN_WITH_VALUE.has(word)) value = tokens[++j];
      } else {
        const letters = word.slice(1);
        const k = [...letters].findIndex((c) => SHORT_WITH_VALUE.has(c));
        if (k >= 0) {
          name = `-${letters[k]}`;
          if (k < letters.length - 1) value = { text: letters.slice(k + 1), start: t.start + t.text.indexOf(word) + 2 + k };
          else value = tokens[++j];
        }
      }
      if ((name === '-p' || name === '--publish') && value) {
        const publish = readMapping(value);
        if (publish) found.push(publish);
      }
    }
    if (image === undefined) continue;
    const own = image.includes('$') || ownImages.has(image) || ownImages.has(image.replace(/:[^/:]*$/, ''));
    if (own) pushAll(out, found);
  }
  return out;
}

/** `8080:8000`, `127.0.0.1:8080:8000/tcp`, `8000`: the container port with its offsets. */
function readMapping(token: Token): Publish | undefined {
  const quoted = /^["']/.test(token.text) ? 1 : 0;
  const mapping = unquote(token.text);
  const bare = mapping.replace(/\/(tcp|udp|sctp)$/i, '');
  const colon = bare.lastIndexOf(':');
  const container = bare.slice(colon + 1);
  const port = toPort(container);
  if (port === undefined) return undefined;
  const start = token.start + quoted + colon + 1;
  return { port, start, end: start + container.length, mapping };
}

/** Image names the CI or the Makefile builds (`docker build -t name:tag`), without their tags. */
export function builtImages(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\b(?:docker|podman)\s+(?:image\s+|buildx\s+)?build\b[^\n;&|]*/g)) {
      for (const t of m[0].matchAll(/(?:-t|--tag)(?:\s+|=)["']?([^\s"']+)/g)) {
        const name = t[1]!;
        if (name.includes('$')) continue;
        out.add(name);
        out.add(name.replace(/:[^/:]*$/, ''));
      }
    }
  }
  return out;
}

export interface MappingSite extends PortSite {
  mapping: string;
}

/** Port mappings of the project's image in CI scripts and variables, and in Makefile recipes. */
export function mappingSites(project: ProjectDoc): MappingSite[] {
  const texts: { text: string; file: SourceFile; span: (start: number, end: number) => Span; what: string }[] = [];
  const scalar = (node: YScalar, what: string) => {
    if (typeof node.value !== 'string') return;
    texts.push({ text: node.value, file: node.file, span: (s, e) => valueSpan(node, s, e), what });
  };
  for (const { job } of ciJobs(project)) {
    for (const line of [...job.beforeScript, ...job.script]) scalar(line.node, `job \`${job.name}\``);
    for (const v of job.variables) if (v.value) scalar(v.value, `job \`${job.name}\``);
  }
  for (const { doc } of ciDocs(project)) for (const v of doc.variables) if (v.value) scalar(v.value, 'the CI variables');
  for (const f of project.ofKind('makefile')) {
    const doc = f.doc as MakefileDoc | undefined;
    for (const rule of doc?.rules ?? []) {
      for (const line of rule.recipe) {
        const base = f.file.text.indexOf(line.text, line.span.start);
        if (base < 0) continue;
        const target = rule.targets[0]?.text;
        texts.push({ text: line.text, file: f.file, span: (s, e) => ({ start: base + s, end: base + e }), what: target ? `target \`${target}\`` : 'a recipe' });
      }
    }
  }
  const own = builtImages(texts.map((t) => t.text));
  const out: MappingSite[] = [];
  const seen = new Set<string>();
  for (const t of texts) {
    for (const p of publishedPorts(t.text, own)) {
      const span = t.span(p.start, p.end);
      const key = `${t.file.path}:${span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ file: t.file, span, port: p.port, mapping: p.mapping, what: `\`-p ${p.mapping}\` in ${t.what}` });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// compose files

/** Container ports of the compose services that run the project's image. */
export function composeSites(project: ProjectDoc): MappingSite[] {
  const out: MappingSite[] = [];
  for (const service of composeServices(project)) {
    if (!service.ownImage) continue;
    for (const kind of ['ports', 'expose'] as const) {
      const list = service.node.get(kind, true);
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        const site = composePort(service.file, item as YamlNode, kind);
        if (site) out.push({ ...site, what: `\`${kind}\` of service \`${service.name}\`` });
      }
    }
  }
  return out;
}

function composePort(file: SourceFile, item: YamlNode, kind: 'ports' | 'expose'): Omit<MappingSite, 'what'> | undefined {
  if (isMap(item)) {
    const target = item.get('target', true);
    if (!isScalar(target) || !target.range) return undefined;
    const port = toPort(String(target.value));
    return port === undefined ? undefined : { file, span: { start: target.range[0], end: target.range[1] }, port, mapping: String(target.value) };
  }
  if (!isScalar(item) || !item.range) return undefined;
  const value = String(item.value);
  const bare = value.replace(/\/(tcp|udp|sctp)$/i, '');
  const container = kind === 'expose' ? bare : bare.slice(bare.lastIndexOf(':') + 1);
  const port = toPort(container);
  if (port === undefined) return undefined;
  const written = file.text.slice(item.range[0], item.range[1]);
  const at = written.lastIndexOf(container);
  const start = item.range[0] + Math.max(0, at);
  return { file, span: { start, end: start + container.length }, port, mapping: value };
}
