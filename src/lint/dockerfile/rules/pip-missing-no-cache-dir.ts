import { defineRule } from '../../engine/types.js';
import type { ShellCommand } from '../../shell/model.js';
import { hasOption, insertAfter, pathCovers, pipInstall } from '../../shell/packages.js';
import type { DockerfileDoc, RunInstruction } from '../model.js';
import { finalImageRuns, safeFix } from '../package-cache.js';

/**
 * Values pip accepts for PIP_NO_CACHE_DIR (strtobool). Every one of them disables the cache, `false` and `0`
 * included: pip kept that old behaviour for compatibility.
 */
const BOOLEAN = /^(y|yes|t|true|on|1|n|no|f|false|off|0)$/i;

const set = (v: string | undefined) => v !== undefined && BOOLEAN.test(v.trim());
const setsNoCacheDir = (c: ShellCommand) => c.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR' && set(a.value?.value));

/** What the RUN's other commands say, read once per RUN (per pip command, a RUN of n installs took n² steps). */
interface RunFacts {
  /** The first `export PIP_NO_CACHE_DIR=…` (a command that is not simple); Infinity when none. */
  firstExport: number;
  /** The last command that purges pip's cache; -1 when none. */
  lastPurge: number;
}

function runFacts(commands: readonly ShellCommand[]): RunFacts {
  let firstExport = Infinity;
  let lastPurge = -1;
  for (const c of commands) {
    if (c.kind !== 'simple' && firstExport === Infinity && setsNoCacheDir(c)) firstExport = c.index;
    if (purgesCache(c)) lastPurge = c.index;
  }
  return { firstExport, lastPurge };
}

/** True when PIP_NO_CACHE_DIR is set for the command: ENV/ARG, `VAR=… pip`, or an earlier `export` in the RUN. */
function cacheDisabled(run: RunInstruction, cmd: ShellCommand, facts: RunFacts): boolean {
  if (set(run.state.variable('PIP_NO_CACHE_DIR'))) return true;
  return facts.firstExport <= cmd.index || setsNoCacheDir(cmd);
}

/** A cache or tmpfs mount on pip's cache: any `…/.cache/pip` (or `…/.cache`), or the folder set by `--cache-dir`/`PIP_CACHE_DIR`. */
function cacheMounted(run: RunInstruction, folders: (string | undefined)[]): boolean {
  return run.mounts.some((m) => {
    if ((m.type !== 'cache' && m.type !== 'tmpfs') || m.target === undefined) return false;
    const target = m.target;
    return /\/\.cache(\/pip)?\/?$/.test(target) || folders.some((f) => f !== undefined && pathCovers(target, f));
  });
}

/** `pip cache purge`, or an `rm` of pip's cache (`rm -rf /root/.cache/pip`, `rm -rf ~/.cache`). */
function purgesCache(cmd: ShellCommand): boolean {
  if (cmd.name !== undefined && /^pip\d*(\.\d+)*$/.test(cmd.name)) return cmd.args[0]?.value === 'cache' && cmd.args[1]?.value === 'purge';
  return cmd.name === 'rm' && cmd.args.some((a) => /\.cache(\/pip)?\/?\*?["']?$/.test(a.raw));
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/pip-missing-no-cache-dir',
    kind: 'dockerfile',
    severity: 'warning',
    description: '`pip install` without `--no-cache-dir` (and no `PIP_NO_CACHE_DIR`) in an image.',
    rationale:
      'pip keeps every wheel it downloads or builds in ~/.cache/pip, which doubles what an install adds to the layer ' +
      '(hundreds of MB for numpy or torch) and is never used again in the image. As in hadolint (DL3042), ' +
      '`--no-cache-dir`, `ENV PIP_NO_CACHE_DIR` (also inherited through `FROM <stage>`) and an inline ' +
      '`PIP_NO_CACHE_DIR=…` count, a cache or tmpfs mount on the pip cache counts, and pipx is not checked. Unlike ' +
      "hadolint, any value pip accepts for PIP_NO_CACHE_DIR counts (pip disables the cache for `0` and `false` too, " +
      'which hadolint reports), so does a mount on the folder named by `--cache-dir`/`PIP_CACHE_DIR`, `pip cache ' +
      'purge` or removing ~/.cache/pip later in the same RUN, and only stages that end up in the final image are ' +
      "checked: a builder stage's cache is thrown away with it (hadolint issues #497, #983).",
    howToFix:
      'Add `--no-cache-dir` (`pip install --no-cache-dir -r requirements.txt`), set `ENV PIP_NO_CACHE_DIR=1` once, or ' +
      'keep the cache for later builds with `RUN --mount=type=cache,target=/root/.cache/pip pip install …`.',
    fixable: true,
    aliases: ['DL3042'],
    examples: {
      bad: [
        {
          code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
          output: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
        },
        {
          code: 'FROM python:3.12-slim\nRUN python3 -m pip install --upgrade pip==24.2\n',
          output: 'FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir --upgrade pip==24.2\n',
        },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
        { code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask==3.0.3\n', note: 'any value disables the cache' },
        { code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3\n' },
        {
          code: 'FROM python:3.12 AS build\nRUN pip wheel --wheel-dir /wheels flask==3.0.3 && pip install flask==3.0.3\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\n',
          note: 'a builder stage',
        },
      ],
    },
  },
  check(ctx) {
    for (const run of finalImageRuns(ctx.doc)) {
      const commands = run.script?.commands;
      if (!commands) continue;
      let facts: RunFacts | undefined;
      for (const cmd of commands) {
        const install = pipInstall(cmd);
        if (!install || hasOption(install.parsed, '--no-cache-dir')) continue;
        facts ??= runFacts(commands);
        if (cacheDisabled(run, cmd, facts)) continue;
        const folders = [run.state.variable('PIP_CACHE_DIR'), ...install.parsed.options.filter((o) => o.name === '--cache-dir').map((o) => o.value)];
        if (cacheMounted(run, folders) || facts.lastPurge > cmd.index) continue;
        const fix = safeFix(run, insertAfter(install.installWord, '--no-cache-dir'));
        ctx.report({
          message: `\`${install.verb}\` keeps every downloaded wheel in ~/.cache/pip in this layer; add \`--no-cache-dir\` (or set \`ENV PIP_NO_CACHE_DIR=1\`)`,
          span: { start: cmd.nameWord!.span.start, end: install.installWord.span.end },
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
