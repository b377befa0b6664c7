/**
 * Reading the commands of CI jobs that name files: image builds (docker, podman, buildah,
 * kaniko), pip requirement files, make, docker compose, scripts run by path.
 */
import type { ShellCommand, ShellWord } from '../../shell/index.js';

export interface Option {
  name: string;
  /** The option's value as a word (attached values become a word of their own); undefined for a flag. */
  value: ShellWord | undefined;
  word: ShellWord;
}

export interface Options {
  options: Option[];
  positionals: ShellWord[];
}

/** The part of a word after `skip` characters, as a word of its own (for `--file=x`, `-fx`). */
function tail(word: ShellWord, skip: number): ShellWord {
  // The option part (`--file=`, `-f`) is written without quotes or escapes: offsets match the file.
  const plain = !/["'\\$`]/.test(word.raw.slice(0, skip));
  const raw = word.raw.slice(skip);
  const start = plain ? word.span.start + skip : word.span.start;
  return { raw, value: word.value?.slice(skip), span: { start, end: word.span.end } };
}

/** Options and operands of a word list; `withValue` names the options that take a value (short `-f`, long `--file`). */
export function readOptions(words: readonly ShellWord[], withValue: ReadonlySet<string>): Options {
  const options: Option[] = [];
  const positionals: ShellWord[] = [];
  let operands = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const v = word.value ?? word.raw;
    if (operands || !v.startsWith('-') || v === '-') {
      positionals.push(word);
      continue;
    }
    if (v === '--') {
      operands = true;
      continue;
    }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      if (eq >= 0) options.push({ name: v.slice(0, eq), value: tail(word, eq + 1), word });
      else if (withValue.has(v)) options.push({ name: v, value: words[++i], word });
      else options.push({ name: v, value: undefined, word });
      continue;
    }
    // -f x, -fx, -qf x
    let done = false;
    for (let k = 1; k < v.length && !done; k++) {
      const name = `-${v[k]}`;
      if (!withValue.has(name)) {
        options.push({ name, value: undefined, word });
        continue;
      }
      options.push({ name, value: k + 1 < v.length ? tail(word, k + 1) : words[++i], word });
      done = true;
    }
  }
  return { options, positionals };
}

/** The last value of any of `names`. */
export function optionValue(opts: Options, ...names: string[]): Option | undefined {
  return [...opts.options].reverse().find((o) => names.includes(o.name) && o.value !== undefined);
}

export type BuildTool = 'docker' | 'podman' | 'buildah' | 'kaniko';

export interface BuildCall {
  tool: BuildTool;
  /** How the call is written in messages: `docker build`, `docker buildx build`, `/kaniko/executor`. */
  label: string;
  cmd: ShellCommand;
  /** `-f`/`--file` (kaniko `--dockerfile`). */
  file: ShellWord | undefined;
  /** The build context (kaniko `--context`); undefined when not given. */
  context: ShellWord | undefined;
  /** `--target`. */
  target: ShellWord | undefined;
  /** The `--build-arg` values (`NAME=value` or `NAME`). */
  buildArgs: ShellWord[];
}

const BUILD_WITH_VALUE = new Set([
  '-f', '--file', '-t', '--tag', '--target', '--build-arg', '--label', '--platform', '--cache-from', '--cache-to',
  '--network', '--secret', '--ssh', '-o', '--output', '--progress', '--add-host', '--iidfile', '--build-context',
  '--shm-size', '-m', '--memory', '--memory-swap', '--ulimit', '--cgroup-parent', '--isolation', '--metadata-file',
  '--builder', '--annotation', '--attest', '--allow', '--call', '--cpu-shares', '-c', '--cpuset-cpus', '--cpu-period',
  '--cpu-quota', '--security-opt', '--format', '--layers', '--jobs', '--logfile', '--os', '--arch', '--variant',
  '--volume', '-v', '--authfile', '--creds', '--cert-dir', '--sign-by', '--timestamp', '--retry', '--retry-delay',
  '--from', '--manifest', '--env', '--unsetenv', '--runtime', '--userns', '--hooks-dir', '--ignorefile',
]);
const KANIKO_WITH_VALUE = new Set([
  '-c', '--context', '-f', '--dockerfile', '-d', '--destination', '--target', '--build-arg', '--cache-repo',
  '--cache-dir', '--cache-ttl', '--label', '--tar-path', '--digest-file', '--image-name-with-digest-file',
  '--registry-mirror', '--registry-certificate', '--skip-tls-verify-registry', '--snapshot-mode', '--verbosity',
  '--custom-platform', '--ignore-path', '--kaniko-dir', '--oci-layout-path', '--compressed-caching', '--push-retry',
  '--image-fs-extract-retry', '--git', '--compression', '--compression-level', '--log-format', '--log-timestamp',
  '--insecure-registry', '--registry-map', '--credential-helpers', '--build-arg-file',
]);

/** An image build, when `cmd` is one: `docker [buildx|image] build`, `podman build`, `buildah bud`, kaniko's executor. */
export function buildCall(cmd: ShellCommand): BuildCall | undefined {
  const name = cmd.name;
  const words = cmd.args;
  const values = words.map((w) => w.value);
  let tool: BuildTool;
  let rest: readonly ShellWord[];
  let label: string;
  if (name === 'docker' || name === 'podman') {
    tool = name;
    if (values[0] === 'build') [label, rest] = [`${name} build`, words.slice(1)];
    else if ((values[0] === 'buildx' || values[0] === 'image' || values[0] === 'builder') && values[1] === 'build') {
      [label, rest] = [`${name} ${values[0]} build`, words.slice(2)];
    } else return undefined;
  } else if (name === 'buildah' && (values[0] === 'bud' || values[0] === 'build' || values[0] === 'build-using-dockerfile')) {
    [tool, label, rest] = ['buildah', `buildah ${values[0]}`, words.slice(1)];
  } else if (name === 'executor' && /kaniko/.test(cmd.nameWord?.raw ?? '')) {
    const opts = readOptions(words, KANIKO_WITH_VALUE);
    return {
      tool: 'kaniko',
      label: cmd.nameWord?.value ?? 'executor',
      cmd,
      file: optionValue(opts, '-f', '--dockerfile')?.value,
      context: optionValue(opts, '-c', '--context')?.value,
      target: optionValue(opts, '--target')?.value,
      buildArgs: buildArgs(opts),
    };
  } else return undefined;
  const opts = readOptions(rest, BUILD_WITH_VALUE);
  return {
    tool,
    label,
    cmd,
    file: optionValue(opts, '-f', '--file')?.value,
    context: opts.positionals[0],
    target: optionValue(opts, '--target')?.value,
    buildArgs: buildArgs(opts),
  };
}

function buildArgs(opts: Options): ShellWord[] {
  return opts.options.filter((o) => o.name === '--build-arg' && o.value !== undefined).map((o) => o.value!);
}
