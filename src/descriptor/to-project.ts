/** Defaults: a validated, merged descriptor becomes the fully filled-in Project model. */
import type { Project, Stage } from './model.js';
import type { RawDescriptor, RawSshSettings } from './raw.js';
import { DEFAULTS } from './defaults.js';
import { compareVersions } from './python-versions.js';

const STAGE_ORDER: readonly Stage[] = ['test', 'build', 'release', 'deploy'];

export function toProject(d: RawDescriptor, descriptorPath: string): Project {
  const name = d.name!;
  const version = d.runtime?.version ?? DEFAULTS.runtime.version;
  const release = {
    latest: d.release?.latest ?? DEFAULTS.release.latest,
    gitTag: d.release?.gitTag ?? DEFAULTS.release.gitTag,
  };
  const method = d.deploy?.method ?? DEFAULTS.deploy.method;
  const stages = d.ci?.stages
    ? STAGE_ORDER.filter((s) => d.ci!.stages!.includes(s))
    : STAGE_ORDER.filter((s) => s === 'test' || s === 'build' || (s === 'release' && (release.latest || release.gitTag)) || (s === 'deploy' && method !== 'none'));
  const uid = d.image?.user?.uid ?? DEFAULTS.image.user.uid;

  const project: Project = {
    name,
    language: d.language ?? DEFAULTS.language,
    descriptorPath,
    runtime: {
      version,
      matrix: [...new Set([version, ...(d.runtime?.matrix ?? [])])].sort(compareVersions),
    },
    image: {
      variant: d.image?.variant ?? DEFAULTS.image.variant,
      layering: d.image?.layering ?? DEFAULTS.image.layering,
      systemPackages: d.image?.systemPackages ?? [],
      buildPackages: d.image?.buildPackages ?? [],
      env: Object.fromEntries(Object.entries(d.image?.env ?? {}).map(([k, v]) => [k, String(v)])),
      user: { name: d.image?.user?.name ?? DEFAULTS.image.user.name, uid, gid: d.image?.user?.gid ?? uid },
      workdir: d.image?.workdir ?? DEFAULTS.image.workdir,
      copy: d.image?.copy ?? [...DEFAULTS.image.copy],
      dockerignore: d.image?.dockerignore ?? [],
    },
    python: {},
    app: { command: d.app!.command! },
    test: { command: d.test?.command ?? [...DEFAULTS.test.command] },
    ci: {
      defaultBranch: d.ci?.defaultBranch ?? DEFAULTS.ci.defaultBranch,
      stages,
      registryImage: d.ci?.registryImage ?? DEFAULTS.ci.registryImage,
      dockerVersion: d.ci?.dockerVersion ?? DEFAULTS.ci.dockerVersion,
      cacheFrom: d.ci?.cacheFrom ?? DEFAULTS.ci.cacheFrom,
      integrationTests: (d.ci?.integrationTests ?? DEFAULTS.ci.integrationTests) && stages.includes('build'),
      dist: d.ci?.dist ?? DEFAULTS.ci.dist,
    },
    release,
    deploy: {
      method,
      environment: { name: d.deploy?.environment?.name ?? DEFAULTS.deploy.environment.name },
      manual: d.deploy?.manual ?? DEFAULTS.deploy.manual,
    },
  };

  if (d.extends) project.preset = d.extends;
  if (d.image?.timezone) project.image.timezone = d.image.timezone;
  for (const key of ['requirements', 'devRequirements', 'pyproject', 'indexUrl', 'wheelsDir'] as const) {
    const value = d.python?.[key];
    if (typeof value === 'string') project.python[key] = value;
  }
  if (d.app?.port !== undefined) project.app.port = d.app.port;
  const healthcheck = resolveHealthcheck(d);
  if (healthcheck) project.app.healthcheck = healthcheck;
  if (Array.isArray(d.test?.lint)) project.test.lint = d.test.lint;
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

function resolveHealthcheck(d: RawDescriptor): Project['app']['healthcheck'] {
  const raw = d.app?.healthcheck;
  if (raw === false || (raw === undefined && d.app?.port === undefined)) return undefined;
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
