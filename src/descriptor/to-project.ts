/** Defaults: a validated, merged descriptor becomes the fully filled-in Project model. */
import type { GoSettings, Language, NodePackageManager, NodeSettings, Project, PythonSettings, RuntimeImage, Stage } from './model.js';
import type { RawDescriptor, RawSshSettings } from './raw.js';
import { DEFAULTS } from './defaults.js';
import { compareVersions, DEFAULT_VERSIONS } from './runtime-versions.js';
import { slipwayVersion } from './slipway-version.js';

const STAGE_ORDER: readonly Stage[] = ['test', 'build', 'release', 'deploy'];

export const LOCKFILES: Readonly<Record<NodePackageManager, string>> = {
  npm: 'package-lock.json',
  pnpm: 'pnpm-lock.yaml',
  yarn: 'yarn.lock',
};

/** The test command of a Node.js project: the package manager's `test`. */
export function nodeTestCommand(pm: NodePackageManager): string[] {
  return [pm, 'test'];
}

export function toProject(d: RawDescriptor, descriptorPath: string): Project {
  const name = d.name!;
  const language: Language = d.language ?? (DEFAULTS.language as Language);
  const version = d.runtime?.version ?? DEFAULT_VERSIONS[language];
  const release = {
    latest: d.release?.latest ?? DEFAULTS.release.latest,
    gitTag: d.release?.gitTag ?? DEFAULTS.release.gitTag,
  };
  const method = d.deploy?.method ?? DEFAULTS.deploy.method;
  const stages = d.ci?.stages
    ? STAGE_ORDER.filter((s) => d.ci!.stages!.includes(s))
    : STAGE_ORDER.filter((s) => s === 'test' || s === 'build' || (s === 'release' && (release.latest || release.gitTag)) || (s === 'deploy' && method !== 'none'));
  const defaultUser = language === 'node' ? DEFAULTS.node.user : language === 'go' ? DEFAULTS.go.user : DEFAULTS.image.user;
  const runtimeImage = runtimeOf(d, language);
  // nginx-unprivileged runs as its own user, nginx (101:101).
  const userDefaults = runtimeImage === 'nginx' ? { name: 'nginx', uid: 101 } : defaultUser;
  const uid = d.image?.user?.uid ?? userDefaults.uid;
  const base = {
    name,
    descriptorPath,
    runtime: {
      version,
      matrix: [...new Set([version, ...(d.runtime?.matrix ?? [])])].sort(compareVersions),
    },
    image: {
      variant: d.image?.variant ?? DEFAULTS.image.variant,
      layering: d.image?.layering ?? (language === 'go' ? DEFAULTS.go.layering : DEFAULTS.image.layering),
      systemPackages: d.image?.systemPackages ?? [],
      buildPackages: d.image?.buildPackages ?? [],
      env: Object.fromEntries(Object.entries(d.image?.env ?? {}).map(([k, v]) => [k, String(v)])),
      user: { name: d.image?.user?.name ?? userDefaults.name, uid, gid: d.image?.user?.gid ?? uid },
      workdir: d.image?.workdir ?? DEFAULTS.image.workdir,
      copy: d.image?.copy ?? [...DEFAULTS.image.copy],
      dockerignore: d.image?.dockerignore ?? [],
    },
    app: {
      kind: d.app?.kind ?? DEFAULTS.app.kind,
      command: d.app?.command ?? defaultCommand(d, language, name),
      args: d.app?.kind === 'cli' ? (d.app.args ?? []) : [],
    },
    test: { command: d.test?.command ?? defaultTest(d, language) },
    ci: {
      defaultBranch: d.ci?.defaultBranch ?? DEFAULTS.ci.defaultBranch,
      stages,
      registryImage: d.ci?.registryImage ?? DEFAULTS.ci.registryImage,
      dockerVersion: d.ci?.dockerVersion ?? DEFAULTS.ci.dockerVersion,
      cacheFrom: d.ci?.cacheFrom ?? DEFAULTS.ci.cacheFrom,
      integrationTests: (d.ci?.integrationTests ?? DEFAULTS.ci.integrationTests) && stages.includes('build'),
      dist: d.ci?.dist ?? DEFAULTS.ci.dist,
      slipway: {
        lint: d.ci?.slipway?.lint ?? DEFAULTS.ci.slipway.lint,
        check: d.ci?.slipway?.check ?? DEFAULTS.ci.slipway.check,
        version: d.ci?.slipway?.version ?? slipwayVersion(),
      },
    },
    release,
    deploy: {
      method,
      environment: { name: d.deploy?.environment?.name ?? DEFAULTS.deploy.environment.name },
      manual: d.deploy?.manual ?? DEFAULTS.deploy.manual,
    },
  };
  const project: Project =
    language === 'node'
      ? { ...base, language, node: nodeSettings(d) }
      : language === 'go'
        ? { ...base, language, go: goSettings(d, name) }
        : { ...base, language, python: pythonSettings(d) };

  if (runtimeImage !== undefined) project.image.runtime = runtimeImage;
  if (d.extends) project.preset = d.extends;
  if (d.image?.timezone) project.image.timezone = d.image.timezone;
  if (d.app?.port !== undefined) project.app.port = d.app.port;
  if (project.app.kind === 'cli') project.app.workdir = d.app?.workdir ?? DEFAULTS.app.workdir;
  const healthcheck = resolveHealthcheck(d, runtimeImage);
  if (healthcheck) project.app.healthcheck = healthcheck;
  if (Array.isArray(d.test?.lint)) project.test.lint = d.test.lint;
  else if (d.test?.lint === undefined && language === 'go') project.test.lint = [...DEFAULTS.go.lint];
  if (d.ci?.notify) project.ci.notifyWebhookVariable = d.ci.notify.webhookVariable;
  if (d.deploy?.environment?.url) project.deploy.environment.url = d.deploy.environment.url;
  if (method === 'ssh') {
    project.deploy.ssh = sshVariables(d.deploy?.ssh);
    if (d.deploy?.ssh?.command) project.deploy.ssh.command = d.deploy.ssh.command;
  }
  if (method === 'kubernetes') {
    const k = d.deploy?.kubernetes;
    project.deploy.kubernetes = {
      namespace: k?.namespace ?? DEFAULTS.deploy.kubernetes.namespace,
      deployment: k?.deployment ?? name,
      container: k?.container ?? name,
    };
    if (k?.kubeconfigVariable) project.deploy.kubernetes.kubeconfigVariable = k.kubeconfigVariable;
  }
  if (method === 'compose') {
    project.deploy.compose = { file: d.deploy?.compose?.file ?? DEFAULTS.deploy.compose.file, ...sshVariables(d.deploy?.compose) };
  }
  if (d.lint) project.lint = d.lint;
  return project;
}

function runtimeOf(d: RawDescriptor, language: Language): RuntimeImage | undefined {
  if (language === 'python') return undefined;
  return d.image?.runtime ?? (language === 'node' ? DEFAULTS.node.runtime : DEFAULTS.go.runtime);
}

function pythonSettings(d: RawDescriptor): PythonSettings {
  const python: PythonSettings = {};
  for (const key of ['requirements', 'devRequirements', 'pyproject', 'indexUrl', 'wheelsDir'] as const) {
    const value = d.python?.[key];
    if (typeof value === 'string') python[key] = value;
  }
  return python;
}

function nodeSettings(d: RawDescriptor): NodeSettings {
  const packageManager = d.node?.packageManager ?? DEFAULTS.node.packageManager;
  const node: NodeSettings = {
    packageManager,
    lockfile: LOCKFILES[packageManager],
    buildOutput: d.node?.buildOutput ?? [...DEFAULTS.node.buildOutput],
    ignoreScripts: d.node?.ignoreScripts ?? DEFAULTS.node.ignoreScripts,
  };
  if (typeof d.node?.buildScript === 'string') node.buildScript = d.node.buildScript;
  if (d.node?.registry !== undefined) node.registry = d.node.registry;
  return node;
}

function goSettings(d: RawDescriptor, name: string): GoSettings {
  const main = (d.go?.main ?? DEFAULTS.go.main).replace(/^\.\/(?=.)/, '').replace(/(?<!\/)\/+$/, '') || '.';
  const go: GoSettings = { main, binary: d.go?.binary ?? name };
  if (d.go?.proxy !== undefined) go.proxy = d.go.proxy;
  return go;
}

function defaultCommand(d: RawDescriptor, language: Language, name: string): string[] {
  // The schema and the semantic checks require a command for Python and Node.js.
  if (language !== 'go') throw new Error('app.command is required');
  return [`/usr/local/bin/${d.go?.binary ?? name}`];
}

function defaultTest(d: RawDescriptor, language: Language): string[] {
  if (language === 'node') return nodeTestCommand(d.node?.packageManager ?? DEFAULTS.node.packageManager);
  if (language === 'go') return [...DEFAULTS.go.test];
  return [...DEFAULTS.test.command];
}

function resolveHealthcheck(d: RawDescriptor, runtime: RuntimeImage | undefined): Project['app']['healthcheck'] {
  const raw = d.app?.healthcheck;
  if (raw === false || (raw === undefined && d.app?.port === undefined)) return undefined;
  // distroless and scratch have no HTTP client: only an explicit command probes them.
  const noClient = runtime === 'distroless' || runtime === 'scratch';
  if (noClient && (typeof raw !== 'object' || raw.command === undefined)) return undefined;
  const settings = raw === true || raw === undefined ? {} : raw;
  const defaults = DEFAULTS.app.healthcheck;
  return {
    ...(settings.command ? { command: settings.command } : { path: settings.path ?? defaults.path }),
    interval: settings.interval ?? defaults.interval,
    timeout: settings.timeout ?? defaults.timeout,
    startPeriod: settings.startPeriod ?? defaults.startPeriod,
    retries: settings.retries ?? defaults.retries,
  };
}

function sshVariables(s: RawSshSettings | undefined): Required<RawSshSettings> {
  const defaults = DEFAULTS.deploy.ssh;
  return {
    hostVariable: s?.hostVariable ?? defaults.hostVariable,
    userVariable: s?.userVariable ?? defaults.userVariable,
    keyVariable: s?.keyVariable ?? defaults.keyVariable,
    knownHostsVariable: s?.knownHostsVariable ?? defaults.knownHostsVariable,
  };
}
