import { defineRule } from '../../engine/types.js';
import { hasFlag } from '../../shell/args.js';
import { dependencyInstalls, pipCommand, type DependencyInstall, type InstallTool } from '../../shell/installs.js';
import type { DockerfileDoc, RunInstruction } from '../model.js';

/** Where each tool keeps its download cache when it runs as root in the usual images. */
const CACHE_TARGET: Record<InstallTool, string> = {
  pip: '/root/.cache/pip',
  uv: '/root/.cache/uv',
  poetry: '/root/.cache/pypoetry',
  pipenv: '/root/.cache/pipenv',
  npm: '/root/.npm',
  yarn: '/usr/local/share/.cache/yarn',
  pnpm: '/root/.local/share/pnpm/store',
  go: '/go/pkg/mod',
  bundler: '/usr/local/bundle/cache',
};

/** Environment variables that move a tool's cache, in the order the tool reads them. */
const CACHE_VARIABLES: Partial<Record<InstallTool, { name: string; suffix: string }[]>> = {
  pip: [{ name: 'PIP_CACHE_DIR', suffix: '' }],
  uv: [{ name: 'UV_CACHE_DIR', suffix: '' }],
  poetry: [{ name: 'POETRY_CACHE_DIR', suffix: '' }],
  npm: [{ name: 'npm_config_cache', suffix: '' }, { name: 'NPM_CONFIG_CACHE', suffix: '' }],
  yarn: [{ name: 'YARN_CACHE_FOLDER', suffix: '' }],
  go: [{ name: 'GOMODCACHE', suffix: '' }, { name: 'GOPATH', suffix: '/pkg/mod' }],
};

/**
 * The cache directory to mount for this RUN: the one the stage's ENV points the tool at, else the
 * tool's default for root. `undefined` when the RUN runs as another user (the default then lies in
 * that user's home, which the Dockerfile does not tell).
 */
function cacheTarget(tool: InstallTool, run: RunInstruction): string | undefined {
  for (const { name, suffix } of CACHE_VARIABLES[tool] ?? []) {
    const value = run.state.variable(name);
    // GOPATH may list several directories; the module cache is in the first.
    const first = value?.split(':')[0];
    if (first && first.startsWith('/') && !first.includes('$')) return first.replace(/(?<!\/)\/+$/, '') + suffix;
  }
  const user = run.state.user?.split(':')[0];
  if (user && user !== 'root' && user !== '0' && tool !== 'go' && tool !== 'bundler') return undefined;
  return CACHE_TARGET[tool];
}

/** True when the Dockerfile is written for BuildKit: a `# syntax=` frontend or a RUN --mount already. */
function targetsBuildKit(doc: DockerfileDoc): boolean {
  const syntax = doc.directive('syntax');
  if (syntax && /dockerfile/i.test(syntax.value)) return true;
  return doc.find('RUN').some((r) => r.mounts.length > 0);
}

interface Seen {
  run: RunInstruction;
  install: DependencyInstall;
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/install-without-cache-mount',
    kind: 'dockerfile',
    severity: 'info',
    description: 'Several RUNs download packages with the same tool and this one has no BuildKit cache mount.',
    rationale:
      'When two RUNs of a Dockerfile install with the same package manager — a test stage and a runtime stage, or a ' +
      'base and a development image — each downloads the packages again, and every change of the dependency list ' +
      'downloads all of them once more. A cache mount (`RUN --mount=type=cache,target=/root/.cache/pip …`) shares ' +
      'the download cache between those RUNs and between builds, and stays out of the image, so it also makes ' +
      '`--no-cache-dir`/`npm cache clean` unnecessary. To stay quiet and precise the rule only speaks when the ' +
      'Dockerfile already targets BuildKit (a `# syntax=docker/dockerfile:…` line or a `RUN --mount`; kaniko and ' +
      'the legacy builder do not support cache mounts), when the download really repeats, and not for installs ' +
      'that do not download (`pip --no-index`, wheels from a builder stage, `--offline`). OS package managers are ' +
      'left out: their layer changes rarely, and the apt cache needs more than a mount in Debian images. hadolint ' +
      'has no such rule (its issue #1139 asks for it); its cleanup rules accept cache mounts, as slipway\'s do.',
    howToFix:
      'Add a cache mount for the tool\'s cache directory to each of these RUNs, e.g. `RUN --mount=type=cache,' +
      'target=/root/.cache/pip pip install -r requirements.txt` (drop `--no-cache-dir`); npm: `/root/.npm`, Go: ' +
      '`/go/pkg/mod`, uv: `/root/.cache/uv` (or the directory the ENV of the stage sets, such as `PIP_CACHE_DIR` or `GOPATH`; for a RUN ' +
      'under a non-root USER, the cache directory of that user with `uid=` set to its uid). Alternatively build wheels once in a builder stage and install them ' +
      'with `--no-index` from a bind mount.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          code:
            '# syntax=docker/dockerfile:1\nFROM python:3.13-slim AS test\nCOPY requirements*.txt ./\nRUN pip install --no-cache-dir -r requirements.txt -r requirements-dev.txt\nFROM python:3.13-slim\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\n',
          note: 'two findings: each stage downloads the same packages',
        },
        {
          code: '# syntax=docker/dockerfile:1\nFROM node:22-slim AS build\nCOPY package*.json ./\nRUN npm ci\nFROM node:22-slim\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\n',
          note: 'only the RUN without a mount',
        },
      ],
      good: [
        {
          code:
            '# syntax=docker/dockerfile:1\nFROM python:3.13-slim AS test\nCOPY requirements*.txt ./\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt -r requirements-dev.txt\nFROM python:3.13-slim\nCOPY requirements.txt ./\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
        },
        {
          code: 'FROM python:3.13-slim AS test\nRUN pip install --no-cache-dir -r requirements.txt -r requirements-dev.txt\nFROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
          note: 'not written for BuildKit',
        },
        {
          code:
            '# syntax=docker/dockerfile:1\nFROM python:3.13-slim AS build\nCOPY requirements.txt ./\nRUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt\nFROM python:3.13-slim\nCOPY requirements.txt ./\nRUN --mount=type=bind,from=build,source=/wheels,target=/wheels pip install --no-cache-dir --no-index --find-links=/wheels -r requirements.txt\n',
          note: 'one download; the second install reads the wheels',
        },
      ],
    },
  },
  check(ctx) {
    if (!targetsBuildKit(ctx.doc)) return;
    const byTool = new Map<InstallTool, Seen[]>();
    for (const run of ctx.doc.find('RUN')) {
      if (!run.script) continue;
      const seen = new Set<InstallTool>();
      for (const install of dependencyInstalls(run.script)) {
        if (!install.downloads || seen.has(install.tool)) continue;
        if (install.tool === 'pip' && run.state.variable('PIP_NO_INDEX') && /^(1|true|yes|on)$/i.test(run.state.variable('PIP_NO_INDEX')!)) continue;
        seen.add(install.tool);
        const list = byTool.get(install.tool) ?? [];
        list.push({ run, install });
        byTool.set(install.tool, list);
      }
    }
    for (const [tool, list] of byTool) {
      if (list.length < 2) continue;
      for (const { run, install } of list) {
        if (run.mounts.some((m) => m.type === 'cache')) continue;
        const other = list.find((s) => s.run !== run)!;
        const pip = pipCommand(install.cmd);
        const noCache = pip && hasFlag(pip, '--no-cache-dir') ? ' (and drop `--no-cache-dir`)' : '';
        const target = cacheTarget(tool, run);
        const mount = target
          ? `\`RUN --mount=type=cache,target=${target} …\``
          : `\`RUN --mount=type=cache,target=<the ${tool} cache of user ${run.state.user}>,uid=<its uid> …\``;
        ctx.report({
          message: `\`${install.text}\` downloads packages that the RUN on line ${other.run.startLine} downloads too; share them with a cache mount: ${mount}${noCache}`,
          span: install.span,
        });
      }
    }
  },
});
