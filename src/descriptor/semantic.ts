/**
 * Checks the schema cannot express: relations between keys, the runtime release table, time
 * zones, literal secrets. Run on the merged (preset + user) descriptor.
 */
import type { RawDescriptor } from './raw.js';
import type { PathSegment } from './yaml-source.js';
import { findSecrets } from './secrets.js';
import type { Language } from './model.js';
import {
  DEFAULT_VERSIONS,
  LANGUAGE_NAMES,
  VERSION_FORMATS,
  runtimeStatus,
  supportedVersions,
  type RuntimeStatus,
} from './runtime-versions.js';
import { DEFAULTS } from './defaults.js';
import { suggest } from './suggest.js';
import { inline } from './validate.js';

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
    ...languageSections(d),
    ...runtimeVersions(d, ctx.today),
    ...imageShape(d),
    ...timezone(d),
    ...user(d),
    ...healthcheck(d),
    ...appKind(d),
    ...meaninglessTrue(d),
    ...stages(d),
    ...deploySettings(d),
    ...dist(d),
    ...slipwayJobs(d),
    ...findSecrets(d).map((s): Diagnostic => ({ ...s, severity: 'error' })),
  ];
}

const error = (path: PathSegment[], message: string, atKey = false): Diagnostic => ({ path, message, severity: 'error', atKey });

function requiredAfterMerge(d: RawDescriptor, ctx: SemanticContext): Diagnostic[] {
  if (!ctx.preset) return []; // without a preset the schema requires them
  const out: Diagnostic[] = [];
  if (!d.language) out.push(error([], `missing required key \`language\`; the preset \`${ctx.preset}\` does not set it either`));
  if (!d.app?.command && d.language !== 'go') {
    out.push(error(d.app ? ['app'] : [], `missing required key \`command\` in \`app\`; the preset \`${ctx.preset}\` does not set it either`, true));
  }
  return out;
}

function languageOf(d: RawDescriptor): Language {
  return d.language ?? 'python';
}

/** `python:`, `node:` and `go:` configure their language only. */
function languageSections(d: RawDescriptor): Diagnostic[] {
  if (!d.language) return [];
  return (['python', 'node', 'go'] as const)
    .filter((section) => section !== d.language && d[section] !== undefined)
    .map((section) =>
      error(
        [section],
        `\`${section}\` configures ${LANGUAGE_NAMES[section]} projects, but \`language\` is ${d.language}; remove \`${section}\` or set \`language: ${section}\``,
        true,
      ),
    );
}

function runtimeVersions(d: RawDescriptor, today: Date): Diagnostic[] {
  const out: Diagnostic[] = [];
  const language = languageOf(d);
  const name = LANGUAGE_NAMES[language];
  const format = VERSION_FORMATS[language];
  const versions = supportedVersions(language, today);
  // A slipway older than every supported release knows none to offer.
  const supported = versions.length ? versions.join(', ') : `none that slipway knows (update slipway)`;
  const version = d.runtime?.version;
  if (version !== undefined) {
    const status = runtimeStatus(language, version, today);
    if (!format.pattern.test(version)) out.push(error(['runtime', 'version'], `\`runtime.version\` ${format.message}; got \`${version}\``));
    else if (status.status !== 'supported') {
      out.push(error(['runtime', 'version'], `${versionProblem('`runtime.version`', name, version, status)}; use a supported version: ${supported}`));
    }
  } else if (d.language && d.language !== 'python') {
    // slipway's own default must not be past its end of life either (an old slipway, a new day).
    const fallback = DEFAULT_VERSIONS[language];
    const status = runtimeStatus(language, fallback, today);
    if (status.status !== 'supported') {
      out.push(
        error(
          ['language'],
          `${versionProblem(`slipway's default ${name} version`, name, fallback, status)}; ${versions.length ? `set \`runtime.version\` to a supported version: ${supported} (and update slipway)` : 'update slipway: its release table knows no supported version'}`,
        ),
      );
    }
  }
  (d.runtime?.matrix ?? []).forEach((v, i) => {
    const path = ['runtime', 'matrix', i];
    if (!format.pattern.test(v)) {
      out.push(error(path, `\`runtime.matrix[${i}]\` ${format.message}; got \`${v}\``));
      return;
    }
    const status = runtimeStatus(language, v, today);
    const problem = versionProblem(`\`runtime.matrix[${i}]\``, name, v, status);
    if (status.status === 'end-of-life') {
      out.push({ path, severity: 'warning', message: `${problem}; test on it only while you still support it (supported: ${supported})` });
    } else if (status.status !== 'supported') {
      out.push(error(path, `${problem}; supported versions: ${supported}`));
    }
  });
  return out;
}

function versionProblem(subject: string, name: string, version: string, status: RuntimeStatus): string {
  switch (status.status) {
    case 'end-of-life':
      return `${subject}: ${name} ${version} reached its end of life ${/^\d/.test(status.endOfLife) ? 'on ' : ''}${status.endOfLife} and gets no more security fixes`;
    case 'unreleased':
      return `${subject}: ${name} ${version} is not released yet (expected ${status.released})`;
    default:
      return `${subject}: ${name} ${version} is not a version slipway knows (if it was released recently, update slipway)`;
  }
}

const RUNTIMES: Readonly<Record<Language, readonly string[]>> = { python: [], node: ['node', 'nginx'], go: ['distroless', 'scratch', 'alpine'] };

/** Layerings and runtime images each language supports, and what they need. */
function imageShape(d: RawDescriptor): Diagnostic[] {
  if (!d.language) return [];
  const out: Diagnostic[] = [];
  const language = d.language;
  const runtime = d.image?.runtime;
  const layering = d.image?.layering;
  const allowed = RUNTIMES[language];
  if (runtime !== undefined && !allowed.includes(runtime)) {
    out.push(
      error(
        ['image', 'runtime'],
        allowed.length === 0
          ? '`image.runtime` is for Node.js and Go; a Python image runs on the python image of `image.variant`: remove it'
          : `\`image.runtime\` must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')} for ${LANGUAGE_NAMES[language]}; got \`${runtime}\``,
      ),
    );
  }
  if (language === 'go' && layering !== undefined && layering !== 'builder') {
    out.push(
      error(
        ['image', 'layering'],
        `Go images are built with \`builder\` (a golang build stage and a small runtime stage); \`${layering}\` would ship the whole toolchain: remove \`image.layering\` or set it to builder`,
      ),
    );
  }
  if (language === 'node') {
    const build = typeof d.node?.buildScript === 'string';
    if (runtime === 'nginx') {
      if (layering !== 'builder') {
        out.push(error(['image', 'runtime'], '`image.runtime: nginx` serves the output of a build stage; set `image.layering: builder`'));
      } else if (!build) {
        out.push(error(['image', 'runtime'], '`image.runtime: nginx` serves the build output, but `node.buildScript` is not set; name the package.json script that builds the site'));
      }
      if (d.image?.user !== undefined) {
        out.push(error(['image', 'user'], '`image.user` cannot be changed with `image.runtime: nginx`: nginx-unprivileged runs as its own nginx user (101); remove it', true));
      }
    }
    if (layering === 'base-app' && build) {
      out.push(
        error(
          ['image', 'layering'],
          '`base-app` has no build stage for `node.buildScript` (the base image holds production dependencies only); use `builder`, or remove `node.buildScript`',
        ),
      );
    }
    const user = d.image?.user;
    if (user && user.uid === 1000 && (user.name ?? 'node') !== 'node') {
      out.push(error(['image', 'user', 'uid'], `uid 1000 is the node image's own \`node\` user; name the user node, or choose another uid for \`${user.name}\``));
    }
  }
  return out;
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
      `\`image.timezone\` must be an IANA time zone such as Europe/Zurich or UTC; got \`${inline(tz)}\`${close ? `; did you mean \`${close}\`?` : ''}`,
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
  const runtime = d.image?.runtime ?? DEFAULTS.go.runtime;
  if (settings.command === undefined && d.language === 'go' && (runtime === 'distroless' || runtime === 'scratch')) {
    return [
      error(
        ['app', 'healthcheck'],
        `\`app.healthcheck\` probes HTTP, but the ${runtime} image has no HTTP client or shell; give \`healthcheck.command\` (e.g. a probe flag of your program), use \`image.runtime: alpine\`, or remove it`,
        true,
      ),
    ];
  }
  return [];
}

/** Interpreters whose script argument is resolved against the working directory. */
const SCRIPT_RUNNERS: Readonly<Record<string, RegExp>> = { node: /\.[cm]?js$/, python: /\.py$/, python3: /\.py$/ };

/** A `cli` has no port or health check and starts in its own directory; a service has no `args` or `app.workdir`. */
function appKind(d: RawDescriptor): Diagnostic[] {
  const app = d.app;
  if (app === undefined) return [];
  if (app.kind !== 'cli') {
    return (['args', 'workdir'] as const)
      .filter((key) => app[key] !== undefined)
      .map((key) => error(['app', key], `\`app.${key}\` is for \`app.kind: cli\` (a program run on mounted files); a service runs \`app.command\`: remove it or set \`app.kind: cli\``, true));
  }
  const out: Diagnostic[] = [];
  if (app.port !== undefined) {
    out.push(error(['app', 'port'], '`app.kind: cli` runs a program on mounted files and exits; it listens on no port: remove `app.port` (or set `app.kind: service`)', true));
  }
  if (app.healthcheck !== undefined && app.healthcheck !== false) {
    out.push(error(['app', 'healthcheck'], '`app.kind: cli` has no health check (the program exits when done): remove `app.healthcheck`', true));
  }
  if (d.image?.runtime === 'nginx') {
    out.push(error(['image', 'runtime'], '`image.runtime: nginx` serves a static site; `app.kind: cli` needs the program\'s runtime: remove `image.runtime`'));
  }
  const workdir = app.workdir ?? DEFAULTS.app.workdir;
  const imageWorkdir = d.image?.workdir ?? DEFAULTS.image.workdir;
  if (workdir.replace(/(?<!\/)\/+$/, '') === imageWorkdir.replace(/(?<!\/)\/+$/, '')) {
    out.push(
      error(
        app.workdir !== undefined ? ['app', 'workdir'] : ['image', 'workdir'],
        `\`app.workdir\` and \`image.workdir\` are both ${workdir}: files mounted there would hide the program; give them different directories`,
      ),
    );
  }
  const [program, script] = app.command ?? [];
  if (program !== undefined && script !== undefined && SCRIPT_RUNNERS[program]?.test(script) && !script.startsWith('/')) {
    const inImage = `${imageWorkdir.replace(/(?<!\/)\/+$/, '')}/${script.replace(/^\.\//, '')}`;
    out.push(
      error(
        ['app', 'command', 1],
        `with \`app.kind: cli\` the program starts in \`app.workdir\` (${workdir}), where \`${script}\` is not; name the script by its path in the image: \`${inImage}\``,
      ),
    );
  }
  return out;
}

/** `false` switches these off; `true` would leave them without a value. */
function meaninglessTrue(d: RawDescriptor): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (d.test?.lint === true) {
    out.push(error(['test', 'lint'], '`test.lint: true` does not say what to run; give the command, e.g. ["python", "-m", "flake8"], or `false` for no lint job'));
  }
  if (d.node?.buildScript === true) {
    out.push(error(['node', 'buildScript'], '`node.buildScript: true` does not say what to run; give the package.json script, e.g. build, or `false` for no build'));
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

/** The slipway jobs run in the test stage. */
function slipwayJobs(d: RawDescriptor): Diagnostic[] {
  const listed = d.ci?.stages;
  const jobs = (['lint', 'check'] as const).filter((job) => d.ci?.slipway?.[job] === true);
  if (!listed || listed.includes('test') || jobs.length === 0) return [];
  return [
    error(
      ['ci', 'slipway', jobs[0]!],
      `\`ci.slipway.${jobs[0]}\` adds a job to the test stage, but \`ci.stages\` has no test stage; add test to \`ci.stages\` or set it to false`,
    ),
  ];
}

function dist(d: RawDescriptor): Diagnostic[] {
  if (d.ci?.dist === true && d.language !== undefined && d.language !== 'python') {
    return [error(['ci', 'dist'], `\`ci.dist\` builds Python sdist and wheel artifacts; remove it for a ${LANGUAGE_NAMES[d.language]} project`)];
  }
  return d.ci?.dist === true && typeof d.python?.pyproject !== 'string'
    ? [error(['ci', 'dist'], '`ci.dist` builds sdist and wheel from pyproject.toml, but `python.pyproject` is not set; set it or remove `ci.dist`')]
    : [];
}

