/**
 * The Node.js generator's view of a Project: every value the templates print, validated, with
 * the package manager's commands spelled out, so templates never meet a missing field.
 */
import type { NodePackageManager, NodeProject } from '../../descriptor/model.js';
import { ALPINE_VERSION, COREPACK_VERSION, DEBIAN_SUITE, NGINX_UNPRIVILEGED_IMAGE } from '../versions.js';
import * as v from '../validate.js';
import { baseView, testRunInImage, runtimePackages, sharedCiView, type BaseView, type EnvVar, type SharedCiView } from '../shared-view.js';

/** What each package manager runs. Words, shell-quoted by the templates. */
export interface PackageManagerView {
  npm: boolean;
  pnpm: boolean;
  yarn: boolean;
  /** pnpm and Yarn come from corepack. */
  corepack: boolean;
  corepackVersion: string;
  /** `corepack@<version>`, installed with npm in CI. */
  corepackPackage: string[];
  /** Every dependency, the development ones too (NODE_ENV is production in the image). */
  installAll: string[];
  /** Production dependencies only. */
  installProduction: string[];
  /** Drops the development dependencies after a build (single-stage images). */
  prune: string[];
  /** The cache directory of the package manager in the build (a BuildKit cache mount). */
  cacheMount: string;
  /** What `make install` runs on a developer's machine and in CI. */
  makeInstall: string[];
  /** The CI cache: a directory under the project and the variables that point the package manager at it. */
  ciCacheDir: string;
  /** Prefix of the CI cache key (the lockfile's hash follows). */
  ciCacheKey: string;
  ciCacheVariables: EnvVar[];
}

export interface NodeView extends BaseView {
  nodeVersion: string;
  /** Image suffix after `node:${NODE_VERSION}-`. */
  imageSuffix: string;
  registry: string | null;
  pm: PackageManagerView;
  /** package.json and the lockfile, copied before the code. */
  installFiles: string[];
  /** `npm run build`, or null without a build. */
  buildCommand: string[] | null;
  buildScript: string | null;
  /** Build output copied from the build stage into the runtime stage. */
  buildOutput: { src: string; dest: string }[];
  /** What `make clean` removes besides node_modules: the build output. */
  cleanPaths: string[];
  /** The user of the test stage: the application's, or the node image's own when nginx serves the site. */
  testUser: { uid: number; gid: number };
  /** nginx runtime (a static site). */
  nginx: boolean;
  /** The environment of an nginx runtime stage: the descriptor's, without NODE_ENV. */
  nginxEnv: EnvVar[];
  nginxImage: string;
  /** The directory nginx serves, from the build stage. */
  staticSource: string;
  /** The code copies include the whole context (package.json with it). */
  copiesAll: boolean;
  /** Python's `pip install .` in the shared app template: never for Node.js. */
  packageDir: null;
  ci: NodeCiView;
}

export interface NodeCiView extends SharedCiView {
  /** Image of the jobs that run from the sources (the full Debian image has make). */
  nodeImage: string;
}

const CACHE: Record<NodePackageManager, { mount: string; ciDir: string; variables: EnvVar[] }> = {
  npm: { mount: '/root/.npm', ciDir: '.npm', variables: [{ name: 'npm_config_cache', value: '$CI_PROJECT_DIR/.npm' }] },
  pnpm: { mount: '/root/.local/share/pnpm/store', ciDir: '.pnpm-store', variables: [{ name: 'npm_config_store_dir', value: '$CI_PROJECT_DIR/.pnpm-store' }] },
  yarn: {
    mount: '/root/.yarn/berry/cache',
    ciDir: '.yarn-cache',
    variables: [
      { name: 'YARN_CACHE_FOLDER', value: '$CI_PROJECT_DIR/.yarn-cache' },
      { name: 'YARN_ENABLE_GLOBAL_CACHE', value: 'false' },
    ],
  },
};

/** An install that runs no lifecycle scripts: npm and pnpm take a flag, Yarn a setting. */
function withoutScripts(pm: NodePackageManager, install: string[]): string[] {
  return pm === 'yarn' ? ['YARN_ENABLE_SCRIPTS=false', ...install] : [...install, '--ignore-scripts'];
}

function packageManagerView(pm: NodePackageManager, ignoreScripts: boolean): PackageManagerView {
  const commands: Record<NodePackageManager, Pick<PackageManagerView, 'installAll' | 'installProduction' | 'prune' | 'makeInstall'>> = {
    npm: {
      installAll: ['npm', 'ci', '--include=dev'],
      installProduction: ['npm', 'ci', '--omit=dev'],
      prune: ['npm', 'prune', '--omit=dev'],
      makeInstall: ['npm', 'ci'],
    },
    pnpm: {
      // pnpm leaves the development dependencies out while NODE_ENV is production.
      installAll: ['NODE_ENV=development', 'pnpm', 'install', '--frozen-lockfile'],
      installProduction: ['pnpm', 'install', '--frozen-lockfile', '--prod'],
      prune: ['pnpm', 'prune', '--prod'],
      makeInstall: ['pnpm', 'install', '--frozen-lockfile'],
    },
    yarn: {
      installAll: ['yarn', 'install', '--immutable'],
      installProduction: ['yarn', 'workspaces', 'focus', '--all', '--production'],
      prune: ['yarn', 'workspaces', 'focus', '--all', '--production'],
      makeInstall: ['yarn', 'install', '--immutable'],
    },
  };
  const own = commands[pm];
  if (ignoreScripts) {
    own.installAll = withoutScripts(pm, own.installAll);
    own.installProduction = withoutScripts(pm, own.installProduction);
  }
  return {
    npm: pm === 'npm',
    pnpm: pm === 'pnpm',
    yarn: pm === 'yarn',
    corepack: pm !== 'npm',
    corepackVersion: COREPACK_VERSION,
    corepackPackage: [`corepack@${COREPACK_VERSION}`],
    ...own,
    cacheMount: CACHE[pm].mount,
    ciCacheDir: CACHE[pm].ciDir,
    ciCacheKey: `${pm}-$NODE_VERSION`,
    ciCacheVariables: CACHE[pm].variables,
  };
}

/** The image has no curl or wget (slim): the HTTP probe is Node.js's own fetch; nginx's alpine image has busybox wget. */
const nodeProbe = (url: string) => ['node', '-e', `fetch('${url}').then((r) => process.exit(r.status < 400 ? 0 : 1), () => process.exit(1))`];
const wgetProbe = (url: string) => ['wget', '-q', '-O', '/dev/null', url];

export function nodeView(project: NodeProject): NodeView {
  const node = project.node;
  const pm = packageManagerView(node.packageManager, node.ignoreScripts);
  const nginx = project.image.runtime === 'nginx';
  const lockfile = v.relativePath('node.lockfile', node.lockfile);
  const installFiles = ['package.json', lockfile];
  const base = baseView(project, {
    env: [{ name: 'NODE_ENV', value: 'production' }],
    // The node image has its own unprivileged user, node (1000); nginx-unprivileged has nginx (101).
    createUser: !nginx && !(project.image.user.name === 'node' && project.image.user.uid === 1000),
    copiedBefore: installFiles,
    probe: nginx ? wgetProbe : nodeProbe,
  });
  const buildScript = node.buildScript === undefined ? null : node.buildScript;
  const outputs = node.buildOutput.map((o, i) => v.relativePath(`node.buildOutput[${i}]`, o).replace(/(?<!\/)\/+$/, ''));
  const inWorkdir = (path: string) => `${base.workdir.replace(/\/$/, '')}/${path}`;
  return {
    ...base,
    runtimePackages: runtimePackages(project),
    nodeVersion: v.runtimeVersion('runtime.version', project.runtime.version),
    imageSuffix: project.image.variant === 'slim' ? `${DEBIAN_SUITE}-slim` : `alpine${ALPINE_VERSION}`,
    registry: node.registry === undefined ? null : v.httpUrl('node.registry', node.registry),
    pm,
    installFiles,
    buildScript,
    buildCommand: buildScript === null ? null : [node.packageManager, 'run', buildScript],
    buildOutput: buildScript === null ? [] : outputs.map((o) => ({ src: inWorkdir(o), dest: `./${o}` })),
    cleanPaths: buildScript === null ? [] : outputs,
    testUser: nginx ? { uid: 1000, gid: 1000 } : base.user,
    nginx,
    nginxEnv: base.env.filter((e) => e.name !== 'NODE_ENV'),
    nginxImage: NGINX_UNPRIVILEGED_IMAGE,
    staticSource: inWorkdir(outputs[0] ?? 'dist'),
    copiesAll: base.codeCopies.some((c) => c.src === '.'),
    packageDir: null,
    dependencyFiles: [lockfile],
    baseFiles: ['Dockerfile.base', ...installFiles],
    // The image has the production dependencies only: tests that need development ones run in the builder's test stage.
    ...testRunInImage(project, { testRunOptions: [], testRunCommand: project.test.command }),
    ci: {
      ...sharedCiView(project, { name: base.name, port: base.port }),
      nodeImage: `node:\${NODE_VERSION}-${DEBIAN_SUITE}`,
    },
  };
}
