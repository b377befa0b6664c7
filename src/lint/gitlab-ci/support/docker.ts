/**
 * Docker in CI jobs: docker (and podman) command lines read the way the docker CLI reads them, and
 * `DOCKER_HOST` values.
 */
import type { SourceFile, Span } from '../../engine/types.js';
import type { ShellCommand, ShellScript, ShellWord } from '../../shell/model.js';
import { unquoteWord } from '../../shell/words.js';
import type { CiJob, GitlabCiDoc, ScriptLine } from '../model/types.js';
import { scriptLines, scriptOf } from '../shell-rule.js';
import type { YScalar } from '../yaml/nodes.js';
import { locate } from './text.js';
import { expandForJob, variableDefinitions, type VariableDefinition } from './variables.js';
import { pushAll } from '../../../util/push-all.js';

/** Programs with docker's command line. */
export const DOCKER_CLIS = new Set(['docker', 'podman']);

const GLOBAL_WITH_VALUE = ['--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--url', '--connection', '--root', '--runroot', '--storage-driver', '--cgroup-manager', '--log-level'];

const RUN_WITH_VALUE = [
  '-a', '--attach', '--add-host', '--annotation', '--blkio-weight', '--blkio-weight-device', '--cap-add', '--cap-drop', '--cgroup-parent',
  '--cgroupns', '--cidfile', '--cpu-count', '--cpu-percent', '--cpu-period', '--cpu-quota', '--cpu-rt-period', '--cpu-rt-runtime', '-c',
  '--cpu-shares', '--cpus', '--cpuset-cpus', '--cpuset-mems', '--detach-keys', '--device', '--device-cgroup-rule', '--device-read-bps',
  '--device-read-iops', '--device-write-bps', '--device-write-iops', '--dns', '--dns-option', '--dns-search', '--domainname', '--entrypoint',
  '-e', '--env', '--env-file', '--expose', '--gpus', '--group-add', '--health-cmd', '--health-interval', '--health-retries',
  '--health-start-period', '--health-start-interval', '--health-timeout', '-h', '--hostname', '--ip', '--ip6', '--ipc', '--isolation',
  '--kernel-memory', '-l', '--label', '--label-file', '--link', '--link-local-ip', '--log-driver', '--log-opt', '--mac-address', '-m',
  '--memory', '--memory-reservation', '--memory-swap', '--memory-swappiness', '--mount', '--name', '--network', '--net', '--network-alias',
  '--net-alias', '--oom-score-adj', '--pid', '--pids-limit', '--platform', '-p', '--publish', '--pull', '--restart', '--runtime',
  '--security-opt', '--shm-size', '--stop-signal', '--stop-timeout', '--storage-opt', '--sysctl', '--tmpfs', '--ulimit', '-u', '--user',
  '--userns', '--uts', '-v', '--volume', '--volume-driver', '--volumes-from', '-w', '--workdir',
];

const BUILD_WITH_VALUE = [
  '--add-host', '--allow', '--annotation', '--attest', '--build-arg', '--build-context', '--builder', '--cache-from', '--cache-to',
  '--cgroup-parent', '--cpu-period', '--cpu-quota', '-c', '--cpu-shares', '--cpuset-cpus', '--cpuset-mems', '-f', '--file', '--iidfile',
  '--isolation', '--label', '-m', '--memory', '--memory-swap', '--metadata-file', '--network', '-o', '--output', '--platform', '--progress',
  '--provenance', '--sbom', '--secret', '--shm-size', '--ssh', '-t', '--tag', '--target', '--ulimit', '--call', '--check', '--format',
];

const WITH_VALUE: Record<string, readonly string[]> = {
  run: RUN_WITH_VALUE,
  create: RUN_WITH_VALUE,
  exec: ['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys'],
  build: BUILD_WITH_VALUE,
  'buildx build': BUILD_WITH_VALUE,
  login: ['-u', '--username', '-p', '--password', '-e', '--email', '--authfile', '--cert-dir'],
  push: ['--platform', '--authfile', '--creds', '--cert-dir', '--digestfile', '--format', '--sign-by'],
  pull: ['--platform', '--authfile', '--creds', '--cert-dir', '--arch', '--os', '--variant'],
  tag: [],
};

/** Management commands whose second word is the action (`docker container run` is `run`). */
const MANAGEMENT = new Set(['container', 'image', 'builder']);

/** One docker (or podman) command line, read as the CLI reads it. */
export interface DockerCall {
  cmd: ShellCommand;
  /** `run`, `exec`, `build`, `buildx build`, `push`, `pull`, `tag`, `login`, … (management prefixes dropped). */
  action: string;
  /** The action's options (global options not included). */
  options: DockerOption[];
  /** The action's operands; for `run`/`create`/`exec`: the image or container only. */
  operands: ShellWord[];
  /** For `run`/`create`/`exec`: the words of the command run in the container (never read as options). */
  containerCommand: ShellWord[];
  /** Every word after the action. */
  args: ShellWord[];
}

const calls = new WeakMap<ShellScript, DockerCall[]>();

/** The docker and podman commands of a script with their action, options and operands. */
export function dockerCalls(script: ShellScript): DockerCall[] {
  let out = calls.get(script);
  if (out) return out;
  out = [];
  for (const cmd of script.commands) {
    if (cmd.name === undefined || !DOCKER_CLIS.has(cmd.name)) continue;
    const call = readCall(cmd);
    if (call) out.push(call);
  }
  calls.set(script, out);
  return out;
}

function readCall(cmd: ShellCommand): DockerCall | undefined {
  const words = cmd.args;
  let i = 0;
  // Global options before the command.
  while (i < words.length) {
    const v = words[i]!.raw;
    if (!v.startsWith('-')) break;
    const name = v.includes('=') ? v.slice(0, v.indexOf('=')) : v;
    i += GLOBAL_WITH_VALUE.includes(name) && !v.includes('=') && !(v.length > 2 && !v.startsWith('--')) ? 2 : 1;
  }
  let first = words[i]?.value;
  if (first === undefined) return undefined;
  i++;
  if (MANAGEMENT.has(first)) {
    const second = words[i]?.value;
    if (second === undefined) return undefined;
    first = second;
    i++;
  } else if (first === 'buildx') {
    const second = words[i]?.value;
    if (second === 'build' || second === 'b') {
      first = 'buildx build';
      i++;
    } else return { cmd, action: `buildx ${second ?? ''}`.trim(), options: [], operands: words.slice(i + 1), containerCommand: [], args: words.slice(i + 1) };
  }
  const action = first;
  const rest = words.slice(i);
  const stopsAtOperand = action === 'run' || action === 'create' || action === 'exec';
  const read = readOptions(rest, WITH_VALUE[action] ?? [], stopsAtOperand);
  return { cmd, action, options: read.options, operands: read.operands, containerCommand: read.rest, args: rest };
}

/** An option of a docker command line. */
export interface DockerOption {
  /** `-t`, `--tag` (one letter of a short cluster `-it` each). */
  name: string;
  /** The value after quote removal; undefined when it has none or expands variables. */
  value: string | undefined;
  /** The value as written (quotes kept), when it has one. */
  raw?: string;
  /** The word the option is written in. */
  word: ShellWord;
  /** The word holding the value when it is the next word. */
  valueWord?: ShellWord;
}

/**
 * Options and operands, read on the words as written so that `--tag=$IMAGE` (an expansion) is an
 * option too. With `stopAtOperand`, the first operand (an image, a container) ends the options and
 * the words after it are returned as `rest`.
 */
function readOptions(words: readonly ShellWord[], withValue: readonly string[], stopAtOperand: boolean): { options: DockerOption[]; operands: ShellWord[]; rest: ShellWord[] } {
  const options: DockerOption[] = [];
  const operands: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const raw = word.raw.replace(/^(["'])(-[^"']*)\1$/, '$2');
    if (raw === '--') {
      pushAll(operands, words.slice(i + 1, stopAtOperand ? i + 2 : undefined));
      return { options, operands, rest: stopAtOperand ? words.slice(i + 2) : [] };
    }
    if (!raw.startsWith('-') || raw === '-') {
      operands.push(word);
      if (stopAtOperand) return { options, operands, rest: words.slice(i + 1) };
      continue;
    }
    if (raw.startsWith('--')) {
      const eq = raw.indexOf('=');
      if (eq >= 0) {
        const valueRaw = raw.slice(eq + 1);
        options.push({ name: raw.slice(0, eq), value: unquoteWord(valueRaw), raw: valueRaw, word });
      } else if (withValue.includes(raw) && i + 1 < words.length) {
        const next = words[++i]!;
        options.push({ name: raw, value: next.value, raw: next.raw, word, valueWord: next });
      } else options.push({ name: raw, value: undefined, word });
      continue;
    }
    for (let k = 1; k < raw.length; k++) {
      const name = `-${raw[k]}`;
      if (!withValue.includes(name)) {
        options.push({ name, value: undefined, word });
        continue;
      }
      const attached = raw.slice(k + 1).replace(/^=/, '');
      if (attached !== '') options.push({ name, value: unquoteWord(attached), raw: attached, word });
      else if (i + 1 < words.length) {
        const next = words[++i]!;
        options.push({ name, value: next.value, raw: next.raw, word, valueWord: next });
      } else options.push({ name, value: undefined, word });
      break;
    }
  }
  return { options, operands, rest: [] };
}

/** The values of an option (`-t a -t b`, `--tag=c`), with the word holding each value. */
export function optionValues(call: DockerCall, ...names: string[]): Array<{ value: string | undefined; word: ShellWord; option: DockerOption }> {
  return call.options.filter((o) => names.includes(o.name)).map((o) => ({ value: o.value, word: o.valueWord ?? o.word, option: o }));
}

/** A `DOCKER_HOST` value, e.g. `tcp://docker:2375`. */
export interface DockerHost {
  scheme: string;
  host: string;
  port?: string;
  /** Index range of the host and of the port in the value. */
  hostRange: [number, number];
  portRange?: [number, number];
}

export function parseDockerHost(value: string): DockerHost | undefined {
  const m = /^\s*([a-z][a-z0-9+.-]*):\/\/(?:[^@/\s]*@)?(\[[^\]]*\]|[^:/\s]*)(?::(\d+))?/i.exec(value);
  if (!m) return undefined;
  const lead = m[0].length - (m[3] !== undefined ? m[3].length + 1 : 0) - m[2]!.length;
  const out: DockerHost = { scheme: m[1]!.toLowerCase(), host: m[2]!, hostRange: [lead, lead + m[2]!.length] };
  if (m[3] !== undefined) {
    out.port = m[3];
    const start = lead + m[2]!.length + 1;
    out.portRange = [start, start + m[3].length];
  }
  return out;
}

const LOCAL_HOSTS = new Set(['docker', 'localhost', '[::1]', '::1', '0.0.0.0']);

/** Whether a Docker host is the job's own daemon: a local socket, the dind service, localhost or one of `aliases`. */
export function isJobDaemon(host: DockerHost, aliases: readonly string[]): boolean {
  if (host.scheme === 'unix' || host.scheme === 'npipe' || host.scheme === 'fd') return true;
  const name = host.host.toLowerCase();
  return LOCAL_HOSTS.has(name) || /^127\./.test(name) || aliases.some((a) => a.toLowerCase() === name);
}

/** A Docker setting written somewhere in the file: a variable, an assignment in a script, a `docker -H`. */
export interface DockerSetting {
  /** `DOCKER_HOST`, `DOCKER_TLS_CERTDIR`, `DOCKER_TLS_VERIFY`. */
  name: string;
  /** The value (after quote removal). */
  value: string;
  file: SourceFile;
  /** Where the value is written (a scalar, with its quotes; a shell word). */
  span: Span;
  /** The variable's scalar, for values written in `variables:`. */
  scalar?: YScalar;
  /** For values written in `variables:`. */
  definition?: VariableDefinition;
  /** The jobs it applies to (maybe hidden, for a template no job uses). */
  jobs: CiJob[];
  /** How it is written, for messages: `DOCKER_HOST: tcp://…`, `export DOCKER_HOST=…`, `docker -H …`. */
  form: 'variable' | 'script' | 'option';
}

const SETTINGS = ['DOCKER_HOST', 'DOCKER_TLS_CERTDIR', 'DOCKER_TLS_VERIFY'];

/** Every `DOCKER_HOST`/`DOCKER_TLS_*` value of the file: `variables:`, script assignments and `docker -H`. */
export function dockerSettings(doc: GitlabCiDoc): DockerSetting[] {
  const out: DockerSetting[] = [];
  for (const def of variableDefinitions(doc)) {
    const v = def.variable;
    if (!SETTINGS.includes(v.name) || !v.value || v.text === undefined || v.text.includes('$[[')) continue;
    const jobs = def.jobs.length > 0 ? def.jobs : def.owner ? [def.owner] : [];
    out.push({ name: v.name, value: v.text, file: v.value.file, span: v.value.span, scalar: v.value, definition: def, jobs, form: 'variable' });
  }
  const inScripts = new Map<string, DockerSetting>();
  const add = (setting: DockerSetting, job: CiJob) => {
    const id = `${setting.file.path}\u0000${setting.span.start}\u0000${setting.span.end}`;
    const known = inScripts.get(id);
    if (known) {
      if (!known.jobs.includes(job)) known.jobs.push(job);
      return;
    }
    inScripts.set(id, setting);
    out.push(setting);
  };
  for (const { job, line, script } of scriptLines(doc)) {
    for (const cmd of script.commands) {
      for (const a of cmd.assignments) {
        if (!SETTINGS.includes(a.name) || !a.value) continue;
        // `tcp://$DIND:2375`: the value with its variables as written still says the port.
        const value = a.value.value ?? a.value.raw.replace(/^(["'])(.*)\1$/s, '$2');
        add({ name: a.name, value, file: line.file, span: a.value.span, jobs: [job], form: 'script' }, job);
      }
      if (cmd.name !== undefined && DOCKER_CLIS.has(cmd.name)) {
        for (let i = 0; i < cmd.args.length; i++) {
          const v = cmd.args[i]!.value;
          if (v === undefined || !v.startsWith('-')) break;
          const attached = /^(?:--host=|-H=?)(.+)$/.exec(v);
          const next = v === '-H' || v === '--host' ? cmd.args[i + 1] : undefined;
          const word = next ?? (attached ? cmd.args[i]! : undefined);
          const value = next ? next.value : attached?.[1];
          if (word && value !== undefined) add({ name: 'DOCKER_HOST', value, file: line.file, span: word.span, jobs: [job], form: 'option' }, job);
          if (next) i++;
        }
      }
    }
  }
  return out;
}

/** What a job's scripts do with images, in the order the job does it. */
export type ImageEvent =
  | { kind: 'pull'; ref: string; word: ShellWord; line: ScriptLine }
  | {
      kind: 'build';
      /** The tags given (`-t`, kaniko `--destination`). */
      tags: Array<{ ref: string; word: ShellWord }>;
      /** `--cache-from` values, one per image (comma lists split), with where each is written. */
      cacheFrom: Array<{ ref: string; word: ShellWord; span: Span }>;
      /** Pushed by the build itself (`buildx --push`, kaniko). */
      push: boolean;
      cmd: ShellCommand;
      /** `docker buildx build` (or `buildx b`). */
      buildx: boolean;
      line: ScriptLine;
    }
  | { kind: 'tag'; from: string; to: string; word: ShellWord; line: ScriptLine }
  | {
      kind: 'push';
      /** Where it is pushed to. */
      ref: string;
      /** The local image pushed (differs from `ref` for `buildah push SRC DEST`). */
      source: string;
      word: ShellWord;
      allTags: boolean;
      line: ScriptLine;
    };

const BUILDAH_WITH_VALUE = ['-t', '--tag', '-f', '--file', '--build-arg', '--format', '--layers', '--cache-from', '--cache-to', '--authfile', '--creds', '--platform', '--target', '--secret'];

/**
 * The image pulls, builds, tags and pushes of a job's scripts (before_script, script), in order:
 * docker and podman, buildah, kaniko's executor. References are compared as written after the
 * job's variables are expanded (quotes removed, `${X}` written `$X`).
 */
export function imageEvents(doc: GitlabCiDoc, job: CiJob): ImageEvent[] {
  const out: ImageEvent[] = [];
  const key = (raw: string) => refKey(doc, job, raw);
  for (const line of [...job.beforeScript, ...job.script]) {
    const script = scriptOf(line);
    const calls = new Map(dockerCalls(script).map((c) => [c.cmd, c]));
    for (const cmd of script.commands) {
      const call = calls.get(cmd);
      if (call) {
        if (call.action === 'pull' && call.operands[0]) out.push({ kind: 'pull', ref: key(call.operands[0].raw), word: call.operands[0], line });
        else if (call.action === 'push' && call.operands[0]) {
          const ref = key(call.operands[0].raw);
          out.push({ kind: 'push', ref, source: ref, word: call.operands[0], allTags: call.options.some((o) => o.name === '-a' || o.name === '--all-tags'), line });
        } else if (call.action === 'tag' && call.operands.length >= 2) {
          out.push({ kind: 'tag', from: key(call.operands[0]!.raw), to: key(call.operands[1]!.raw), word: call.operands[1]!, line });
        } else if (call.action === 'build' || call.action === 'buildx build') {
          const values = (...names: string[]) => call.options.filter((o) => names.includes(o.name) && o.raw !== undefined);
          const push =
            call.options.some((o) => o.name === '--push') ||
            values('--output', '-o').some((o) => /type=registry|push=true/.test(o.raw!));
          out.push({
            kind: 'build',
            tags: values('-t', '--tag').map((o) => ({ ref: key(o.raw!), word: o.valueWord ?? o.word })),
            cacheFrom: values('--cache-from').flatMap((o) => {
              const word = o.valueWord ?? o.word;
              return splitList(o.raw!).map((ref) => ({ ref: key(ref), word, span: locate(line.file, word.span, ref) }));
            }),
            push,
            cmd,
            buildx: call.action === 'buildx build',
            line,
          });
        }
        continue;
      }
      const args = cmd.args.map((w) => w.value);
      if (cmd.name === 'buildah' && (args[0] === 'bud' || args[0] === 'build')) {
        const read = readOptions(cmd.args.slice(1), BUILDAH_WITH_VALUE, false);
        const tags = read.options.filter((o) => (o.name === '-t' || o.name === '--tag') && o.raw !== undefined);
        out.push({ kind: 'build', tags: tags.map((o) => ({ ref: key(o.raw!), word: o.valueWord ?? o.word })), cacheFrom: [], push: false, cmd, buildx: false, line });
      } else if (cmd.name === 'buildah' && args[0] === 'push') {
        const read = readOptions(cmd.args.slice(1), BUILDAH_WITH_VALUE, false);
        const [source, dest] = read.operands;
        const target = dest ?? source;
        if (source && target) out.push({ kind: 'push', ref: key(target.raw.replace(/^docker:\/\//, '')), source: key(source.raw), word: target, allTags: false, line });
      } else if (cmd.name === 'buildah' && args[0] === 'tag' && cmd.args.length >= 3) {
        out.push({ kind: 'tag', from: key(cmd.args[1]!.raw), to: key(cmd.args[2]!.raw), word: cmd.args[2]!, line });
      } else if (cmd.name === 'executor' || cmd.name === 'kaniko') {
        const read = readOptions(cmd.args, ['-d', '--destination', '-c', '--context', '-f', '--dockerfile', '--build-arg', '--cache-repo', '--target'], false);
        if (read.options.some((o) => o.name === '--no-push')) continue;
        const destinations = read.options.filter((o) => (o.name === '-d' || o.name === '--destination') && o.raw !== undefined);
        if (destinations.length === 0) continue;
        out.push({ kind: 'build', tags: destinations.map((o) => ({ ref: key(o.raw!), word: o.valueWord ?? o.word })), cacheFrom: [], push: true, cmd, buildx: false, line });
      }
    }
  }
  return out;
}

/** `a,b` of `--cache-from a,b` (a `type=…` value is one entry). */
function splitList(raw: string): string[] {
  const text = raw.replace(/^(["'])(.*)\1$/s, '$2');
  return /(?:^|,)type=/.test(text) ? [text] : text.split(',').filter((v) => v !== '');
}

/** An image reference as written in a script, comparable with others: quotes removed, the job's variables expanded, `${X}` as `$X`. */
export function refKey(doc: GitlabCiDoc, job: CiJob, raw: string): string {
  const text = raw.replace(/["']/g, '');
  return expandForJob(doc, job, text).value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '$$$1');
}
