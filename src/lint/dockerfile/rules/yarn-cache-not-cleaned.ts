import { defineRule } from '../../engine/types.js';
import type { ShellCommand } from '../../shell/model.js';
import { argsWith, hasOption, pathCovers, removesDir, YARN_OPTIONS } from '../../shell/packages.js';
import type { DockerfileDoc, RunInstruction } from '../model.js';
import { reportUncleanedCache } from '../package-cache.js';
import { pushAll } from '../../../util/push-all.js';

/** Yarn 1's cache as root, and Yarn 2+'s global cache. */
const CACHE = ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn/berry/cache'];

/** The install words of a yarn command (`install`, `add`, `global add`, or none for bare `yarn`), undefined when it installs nothing. */
function yarnInstall(cmd: ShellCommand): string | undefined {
  if (cmd.name !== 'yarn') return undefined;
  const parsed = argsWith(cmd, YARN_OPTIONS);
  const [first, second] = parsed.positionals.map((w) => w.value);
  if (first === undefined) return parsed.positionals.length === 0 && !hasOption(parsed, '-v', '--version', '-h', '--help') ? 'yarn' : undefined;
  if (first === 'install' || first === 'add') return `yarn ${first}`;
  if (first === 'global' && second === 'add') return 'yarn global add';
  return undefined;
}

/** `yarn cache clean`, or removing the cache (`rm -rf /usr/local/share/.cache/yarn`, `rm -rf "$(yarn cache dir)"`). */
function cleansYarn(cmd: ShellCommand): boolean {
  if (cmd.name === 'yarn') {
    const [first, second] = argsWith(cmd, YARN_OPTIONS).positionals.map((w) => w.value);
    return first === 'cache' && second === 'clean';
  }
  if (removesDir(cmd, CACHE) || (cmd.name === 'rm' && cmd.args.some((a) => /yarn cache dir/.test(a.raw)))) return true;
  return cmd.name === 'rm' && cmd.args.some((a) => a.value !== undefined && /\/\.cache\/yarn\/?\*?$|\/\.yarn\/berry\/cache\/?\*?$/.test(a.value));
}

/** A cache or tmpfs mount on a yarn cache: the default ones, any `…/.cache/yarn`, or the folder set by `--cache-folder`/`YARN_CACHE_FOLDER`. */
function yarnCacheMounted(run: RunInstruction): boolean {
  const folders = [run.state.variable('YARN_CACHE_FOLDER')];
  for (const cmd of run.script?.commands ?? []) if (cmd.name === 'yarn') pushAll(folders, argsWith(cmd, YARN_OPTIONS).options.filter((o) => o.name === '--cache-folder').map((o) => o.value));
  return run.mounts.some((m) => {
    if ((m.type !== 'cache' && m.type !== 'tmpfs') || m.target === undefined) return false;
    const target = m.target;
    return /\/\.cache(\/yarn)?\/?$|\/\.yarn\/berry(\/cache)?\/?$/.test(target) || folders.some((f) => f !== undefined && pathCovers(target, f));
  });
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/yarn-cache-not-cleaned',
    kind: 'dockerfile',
    severity: 'info',
    description: 'A RUN installs with `yarn` but does not run `yarn cache clean` afterwards.',
    rationale:
      'Yarn keeps a copy of every package it installs in its global cache (/usr/local/share/.cache/yarn as root), ' +
      'often as large as node_modules itself. Unless the same RUN cleans it, it stays in that layer of the image for ' +
      'good. As in hadolint (DL3060), only stages that end up in the final image are checked, and a cache mount on ' +
      'the yarn cache counts. Unlike hadolint, bare `yarn` (which installs) and `yarn add`/`yarn global add` are ' +
      'checked too, the clean-up must come after the last install, removing the cache directory counts, and a mount ' +
      'on the folder named by `--cache-folder` or `YARN_CACHE_FOLDER` counts.',
    howToFix:
      'End the RUN with `&& yarn cache clean`, or keep the cache out of the image with ' +
      '`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile`.',
    fixable: false,
    aliases: ['DL3060'],
    examples: {
      bad: [
        { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile --production\n' },
        { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn --frozen-lockfile\n', note: 'bare yarn installs' },
      ],
      good: [
        { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile --production && yarn cache clean\n' },
        { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n' },
        { code: 'FROM node:20-slim AS build\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile && yarn build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n', note: 'a builder stage' },
      ],
    },
  },
  check(ctx) {
    reportUncleanedCache(ctx, {
      fills: (cmd) => yarnInstall(cmd) !== undefined,
      cleans: cleansYarn,
      dirs: CACHE,
      keptOut: yarnCacheMounted,
      span: (cmd) => {
        const last = argsWith(cmd, YARN_OPTIONS).positionals[yarnInstall(cmd)!.split(' ').length - 2];
        return { start: cmd.nameWord!.span.start, end: (last ?? cmd.nameWord!).span.end };
      },
      message: (cmd) =>
        `\`${yarnInstall(cmd)}\` leaves a copy of every package in the yarn cache in this layer; end the same RUN with \`yarn cache clean\` or mount a cache on /usr/local/share/.cache/yarn`,
    });
  },
});
