/**
 * Docker in CI jobs: docker (and podman) command lines read the way the docker CLI reads them, and
 * `DOCKER_HOST` values.
 */
import type { SourceFile, Span } from '../../engine/types.js';
import { parseArgs, type ParsedOption } from '../../shell/args.js';
import type { ShellCommand, ShellScript, ShellWord } from '../../shell/model.js';
import type { CiJob, GitlabCiDoc } from '../model/types.js';
import { scriptLines } from '../shell-rule.js';
import type { YScalar } from '../yaml/nodes.js';
import { variableDefinitions, type VariableDefinition } from './variables.js';

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
  options: ParsedOption[];
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
    const v = words[i]!.value;
    if (v === undefined || !v.startsWith('-')) break;
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
  const withValue = WITH_VALUE[action] ?? [];
  const stopsAtOperand = action === 'run' || action === 'create' || action === 'exec';
  let split = rest.length;
  if (stopsAtOperand) {
    // Options end at the image (run) or container (exec): what follows is the container's command.
    for (let k = 0; k < rest.length; k++) {
      const v = rest[k]!.value;
      if (v === undefined || !v.startsWith('-') || v === '-') {
        split = k + 1;
        break;
      }
      if (v === '--') {
        split = k + 2;
        break;
      }
      if (v.includes('=')) continue;
      if (v.startsWith('--')) {
        if (withValue.includes(v)) k++;
      } else {
        // A short cluster: a value-taking letter takes the rest of the word or the next word.
        for (let c = 1; c < v.length; c++) {
          if (withValue.includes(`-${v[c]}`)) {
            if (c === v.length - 1) k++;
            break;
          }
        }
      }
    }
  }
  const parsed = parseArgs({ ...cmd, args: rest.slice(0, split) }, { withValue });
  return { cmd, action, options: parsed.options, operands: parsed.positionals, containerCommand: rest.slice(split), args: rest };
}

/** The values of an option (`-t a -t b`, `--tag=c`), with the word holding each value. */
export function optionValues(call: DockerCall, ...names: string[]): Array<{ value: string | undefined; word: ShellWord; option: ParsedOption }> {
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
