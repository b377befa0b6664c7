/**
 * Checks the schema cannot express: relations between keys, the runtime release table, time
 * zones, literal secrets. Run on the merged (preset + user) descriptor.
 */
import type { RawDescriptor } from './raw.js';
import type { PathSegment } from './yaml-source.js';
import { findSecrets } from './secrets.js';
import { pythonVersionStatus, supportedPythonVersions, type VersionStatus } from './python-versions.js';
import { DEFAULTS } from './defaults.js';
import { suggest } from './suggest.js';

export interface Diagnostic {
  path: PathSegment[];
  message: string;
  severity: 'error' | 'warning';
  /** Put the position on the key rather than the value (a whole block is wrong). */
  atKey?: boolean;
}

export interface SemanticContext {
  /** The preset named by `extends`, if any. */
  preset?: string;
  today: Date;
}

export function semanticDiagnostics(d: RawDescriptor, ctx: SemanticContext): Diagnostic[] {
  return [
    ...requiredAfterMerge(d, ctx),
    ...runtimeVersions(d, ctx.today),
    ...timezone(d),
    ...user(d),
    ...healthcheck(d),
    ...meaninglessTrue(d),
    ...stages(d),
    ...deploySettings(d),
    ...dist(d),
    ...findSecrets(d).map((s): Diagnostic => ({ ...s, severity: 'error' })),
  ];
}

const error = (path: PathSegment[], message: string, atKey = false): Diagnostic => ({ path, message, severity: 'error', atKey });

function requiredAfterMerge(d: RawDescriptor, ctx: SemanticContext): Diagnostic[] {
  if (!ctx.preset) return []; // without a preset the schema requires them
  const out: Diagnostic[] = [];
  if (!d.language) out.push(error([], `missing required key \`language\`; the preset \`${ctx.preset}\` does not set it either`));
  if (!d.app?.command) {
    out.push(error(d.app ? ['app'] : [], `missing required key \`command\` in \`app\`; the preset \`${ctx.preset}\` does not set it either`, true));
  }
  return out;
}

function runtimeVersions(d: RawDescriptor, today: Date): Diagnostic[] {
  const out: Diagnostic[] = [];
  const supported = supportedPythonVersions(today).join(', ');
  const version = d.runtime?.version;
  if (version !== undefined) {
    const status = pythonVersionStatus(version, today);
    if (status.status !== 'supported') {
      out.push(error(['runtime', 'version'], `${versionProblem('`runtime.version`', version, status)}; use a supported version: ${supported}`));
    }
  }
  (d.runtime?.matrix ?? []).forEach((v, i) => {
    const status = pythonVersionStatus(v, today);
    const path = ['runtime', 'matrix', i];
    const problem = versionProblem(`\`runtime.matrix[${i}]\``, v, status);
    if (status.status === 'end-of-life') {
      out.push({ path, severity: 'warning', message: `${problem}; test on it only while you still support it (supported: ${supported})` });
    } else if (status.status !== 'supported') {
      out.push(error(path, `${problem}; supported versions: ${supported}`));
    }
  });
  return out;
}

function versionProblem(subject: string, version: string, status: VersionStatus): string {
  switch (status.status) {
    case 'end-of-life':
      return `${subject}: Python ${version} reached its end of life ${/^\d/.test(status.release.endOfLife) ? 'on ' : ''}${status.release.endOfLife} and gets no more security fixes`;
    case 'unreleased':
      return `${subject}: Python ${version} is not released yet (expected ${status.release.released})`;
    default:
      return `${subject}: Python ${version} is not a version slipway knows (if it was released recently, update slipway)`;
  }
}

let knownZones: string[] | undefined;

function timezone(d: RawDescriptor): Diagnostic[] {
  const tz = d.image?.timezone;
  if (tz === undefined) return [];
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    if (tz.includes('/') || tz === 'UTC') return [];
  } catch {
    // unknown
  }
  knownZones ??= ['UTC', ...Intl.supportedValuesOf('timeZone')];
  const close = suggest(tz, knownZones);
  return [
    error(
      ['image', 'timezone'],
      `\`image.timezone\` must be an IANA time zone such as Europe/Zurich or UTC; got \`${tz}\`${close ? `; did you mean \`${close}\`?` : ''}`,
    ),
  ];
}

function user(d: RawDescriptor): Diagnostic[] {
  return d.image?.user?.name === 'root'
    ? [error(['image', 'user', 'name'], '`image.user.name` must not be root: the application runs as an unprivileged user; keep the default `app` or name another')]
    : [];
}

function healthcheck(d: RawDescriptor): Diagnostic[] {
  const hc = d.app?.healthcheck;
  if (hc === undefined || hc === false) return [];
  const settings = hc === true ? {} : hc;
  if (settings.path !== undefined && settings.command !== undefined) {
    return [error(['app', 'healthcheck'], '`app.healthcheck` has both `path` and `command`; give `path` for an HTTP probe or `command` for a custom one, not both', true)];
  }
  if (settings.command === undefined && d.app?.port === undefined) {
    return [
      error(
        ['app', 'healthcheck'],
        '`app.healthcheck` probes HTTP on `app.port`, which is not set; set `app.port`, give `healthcheck.command`, or set `healthcheck: false`',
        true,
      ),
    ];
  }
  return [];
}

/** `false` switches these off; `true` would leave them without a value. */
function meaninglessTrue(d: RawDescriptor): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (d.test?.lint === true) {
    out.push(error(['test', 'lint'], '`test.lint: true` does not say what to run; give the command, e.g. ["python", "-m", "flake8"], or `false` for no lint job'));
  }
  for (const key of ['requirements', 'devRequirements', 'pyproject'] as const) {
    if (d.python?.[key] === true) {
      out.push(error(['python', key], `\`python.${key}: true\` does not name a file; give its path, or \`false\` for none`));
    }
  }
  return out;
}

function stages(d: RawDescriptor): Diagnostic[] {
  const listed = d.ci?.stages;
  if (!listed) return [];
  const out: Diagnostic[] = [];
  const method = d.deploy?.method ?? DEFAULTS.deploy.method;
  const at = (stage: string): PathSegment[] => ['ci', 'stages', listed.indexOf(stage as never)];
  if (listed.includes('deploy') && method === 'none') {
    out.push(error(at('deploy'), '`ci.stages` lists deploy but `deploy.method` is none; set `deploy.method` (ssh, kubernetes, compose) or remove deploy'));
  }
  if (!listed.includes('deploy') && method !== 'none') {
    out.push(error(['ci', 'stages'], `\`deploy.method\` is ${method} but \`ci.stages\` has no deploy stage; add deploy to \`ci.stages\` or set \`deploy.method: none\``));
  }
  for (const stage of ['release', 'deploy'] as const) {
    if (listed.includes(stage) && !listed.includes('build')) {
      out.push(error(at(stage), `\`ci.stages\` lists ${stage} without build; ${stage} uses the image the build stage pushes, so add build`));
    }
  }
  if (d.ci?.integrationTests === true && !listed.includes('build')) {
    out.push(error(['ci', 'integrationTests'], '`ci.integrationTests` runs the tests inside the built image, but `ci.stages` has no build stage; add build or set it to false'));
  }
  return out;
}

const METHOD_BLOCKS = ['ssh', 'kubernetes', 'compose'] as const;

function deploySettings(d: RawDescriptor): Diagnostic[] {
  const method = d.deploy?.method ?? DEFAULTS.deploy.method;
  return METHOD_BLOCKS.filter((block) => block !== method && d.deploy?.[block] !== undefined).map((block) =>
    error(
      ['deploy', block],
      `\`deploy.${block}\` configures the ${block} method, but \`deploy.method\` is ${method}; remove \`deploy.${block}\` or set \`deploy.method: ${block}\``,
      true,
    ),
  );
}

function dist(d: RawDescriptor): Diagnostic[] {
  return d.ci?.dist === true && typeof d.python?.pyproject !== 'string'
    ? [error(['ci', 'dist'], '`ci.dist` builds sdist and wheel from pyproject.toml, but `python.pyproject` is not set; set it or remove `ci.dist`')]
    : [];
}

