/**
 * The descriptor init proposes for a Node.js or Go repository: the preset, the versions (never
 * one past its end of life), the start command, the port, the test, lint and build commands.
 */
import { DEFAULT_GO_VERSION, DEFAULT_NODE_VERSION, compareVersions, isNodeLts, runtimeStatus, supportedVersions } from '../descriptor/runtime-versions.js';
import type { GoDetection, NodeDetection } from './node-go-detect.js';
import { DEFAULTS } from '../descriptor/defaults.js';
import { healthPath, type Proposal } from './propose.js';

/** The port each preset's server listens on when the code does not say. */
const PRESET_PORTS: Record<string, number> = { 'node-express': 3000, 'node-vite': 8080, 'go-http': 8080 };
const PRESET_COMMANDS: Record<string, string[]> = { 'node-express': ['node', 'server.js'], 'node-vite': ['nginx', '-g', 'daemon off;'] };

/**
 * The preset of what the repository is: an HTTP server, a Vite site, a command-line program (a
 * package.json `bin` and no server framework), a net/http service.
 */
export function detectedPreset(d: NodeDetection | GoDetection): string | undefined {
  if (d.language === 'go') return d.http ? 'go-http' : undefined;
  const framework = d.framework?.value;
  if (framework === 'vite') return 'node-vite';
  if (framework && framework !== 'http') return 'node-express';
  if (d.bin) return 'node-cli';
  return framework ? 'node-express' : undefined;
}

/** Where the image keeps the code: a `cli` program's script is named by its path there. */
const IMAGE_CODE_DIR = DEFAULTS.image.workdir;

/** The majors of `candidates` an engines.node range (`>=20`, `^22.0.0`, `20.x || 22.x`, `>=18 <23`) allows. */
export function enginesMajors(range: string, candidates: readonly string[]): string[] {
  const allowed = new Set<string>();
  for (const part of range.split('||')) {
    let low = 0;
    let high = Infinity;
    let exact: number | undefined;
    for (const m of part.matchAll(/(>=|<=|>|<|\^|~|=)?(?<!\s)\s*v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/g)) {
      const op = m[1] ?? '';
      const major = Number(m[2]);
      const minor = m[3];
      if (op === '>=') low = Math.max(low, major);
      else if (op === '>') low = Math.max(low, minor === undefined || minor === 'x' || minor === '*' ? major + 1 : major);
      else if (op === '<') high = Math.min(high, minor === undefined || Number(minor) === 0 ? major - 1 : major);
      else if (op === '<=') high = Math.min(high, major);
      else exact = major;
    }
    for (const c of candidates) {
      const n = Number(c);
      if (exact !== undefined ? n === exact : n >= low && n <= high) allowed.add(c);
    }
  }
  return candidates.filter((c) => allowed.has(c));
}

function nodeVersions(d: NodeDetection, today: Date, notes: string[]): { version: string; matrix: string[] } {
  const lts = supportedVersions('node', today).filter(isNodeLts);
  const engines = d.engines ? enginesMajors(d.engines.value, lts) : undefined;
  if (d.engines && engines!.length === 0) notes.push(`${d.engines.from} (${d.engines.value}) allows no supported LTS line (${lts.join(', ')}); testing on ${DEFAULT_NODE_VERSION} only`);
  let version = DEFAULT_NODE_VERSION;
  const asked = d.version;
  if (asked) {
    const status = runtimeStatus('node', asked.value, today);
    if (status.status === 'supported') version = asked.value;
    else {
      const why = status.status === 'end-of-life' ? `reached its end of life on ${status.endOfLife}` : 'is not a version slipway knows';
      notes.push(`${asked.from} asks for Node.js ${asked.value}, which ${why}; proposing ${DEFAULT_NODE_VERSION} instead`);
    }
  } else if (engines?.length && !engines.includes(version)) version = engines[engines.length - 1]!;
  const matrix = [...new Set([version, ...(engines ?? [])])].sort(compareVersions);
  return { version, matrix };
}

export function proposeNode(d: NodeDetection, preset: string | undefined, today: Date): Proposal {
  const notes: string[] = [];
  const pm = d.packageManager.value;
  const { version, matrix } = nodeVersions(d, today, notes);
  if (d.packageManager.from.startsWith('default')) notes.push('no lockfile (package-lock.json, pnpm-lock.yaml, yarn.lock): commit one, the image installs exactly what it lists');
  const proposal: Proposal = { language: 'node', name: d.name, version, matrix, command: [], testCommand: [pm, 'test'], packageManager: pm, notes };
  if (preset) proposal.preset = preset;

  const staticSite = preset === 'node-vite';
  if (preset === 'node-cli') return proposeNodeCli(d, proposal);
  if (staticSite) proposal.command = PRESET_COMMANDS['node-vite']!;
  else if (d.command) proposal.command = d.command.value;
  else {
    proposal.command = preset ? PRESET_COMMANDS[preset] ?? ['node', 'index.js'] : ['node', 'index.js'];
    notes.push(`no start script (a plain \`node <file>\` in package.json scripts.start), main or entry file found; assuming ${proposal.command.join(' ')}: set app.command`);
  }
  if (!d.command && d.scripts.start) notes.push(`scripts.start (${d.scripts.start}) is not a plain \`node <file>\` command; check app.command`);

  const port = staticSite ? PRESET_PORTS['node-vite'] : (d.port?.value ?? (preset ? PRESET_PORTS[preset] : undefined));
  if (port !== undefined) {
    proposal.port = port;
    proposal.healthPath = staticSite ? '/' : healthPath(d.entrySource);
    if (proposal.healthPath === false) notes.push('no health endpoint found in the code: the health check is off (set app.healthcheck.path once there is one)');
  }
  if (d.scripts.build) proposal.buildScript = 'build';
  else if (staticSite) notes.push('package.json has no build script; node-vite runs `npm run build` (vite build) to make dist/');
  const npmDefaultTest = /no test specified/.test(d.scripts.test ?? '');
  if (!d.scripts.test || npmDefaultTest) notes.push(`package.json has no test script; add one (e.g. \`node --test\`) so that \`${pm} test\` runs the tests in CI`);
  if (d.scripts.lint) proposal.lint = [pm, 'run', 'lint'];
  return proposal;
}

/** The rest of a `node-cli` proposal: the bin script as the ENTRYPOINT, no port, no health check. */
function proposeNodeCli(d: NodeDetection, proposal: Proposal): Proposal {
  const pm = proposal.packageManager!;
  const script = d.bin?.value ?? d.command?.value.find((w, i) => i > 0 && !w.startsWith('-'));
  if (script) proposal.command = ['node', `${IMAGE_CODE_DIR}/${script}`];
  else {
    proposal.command = ['node', `${IMAGE_CODE_DIR}/cli.js`];
    proposal.notes.push(`no bin script found in package.json; assuming node ${IMAGE_CODE_DIR}/cli.js: set app.command`);
  }
  if (d.scripts.build) proposal.buildScript = 'build';
  if (d.scripts.prepare) {
    proposal.ignoreScripts = true;
    proposal.notes.push(
      `package.json has a prepare script (${d.scripts.prepare}); it cannot run while the image installs from package.json and the lockfile alone, so node.ignoreScripts is on (the build runs afterwards)`,
    );
  }
  const npmDefaultTest = /no test specified/.test(d.scripts.test ?? '');
  if (!d.scripts.test || npmDefaultTest) proposal.notes.push(`package.json has no test script; add one (e.g. \`node --test\`) so that \`${pm} test\` runs the tests in CI`);
  if (d.scripts.lint) proposal.lint = [pm, 'run', 'lint'];
  return proposal;
}

function goVersions(d: GoDetection, today: Date, notes: string[]): { version: string; matrix: string[] } {
  const supported = supportedVersions('go', today);
  const floor = d.goDirective?.value;
  const wanted = d.toolchain && compareVersions(d.toolchain.value, DEFAULT_GO_VERSION) > 0 ? d.toolchain : undefined;
  let version = DEFAULT_GO_VERSION;
  if (wanted) {
    if (runtimeStatus('go', wanted.value, today).status === 'supported') version = wanted.value;
    else notes.push(`${wanted.from} asks for Go ${wanted.value}, which slipway does not know as released; proposing ${DEFAULT_GO_VERSION}`);
  }
  if (floor && compareVersions(floor, version) > 0) {
    notes.push(`${d.goDirective!.from} needs Go ${floor}, newer than slipway knows; proposing ${version}: update slipway or set runtime.version`);
  }
  const matrix = supported.filter((v) => !floor || compareVersions(v, floor) >= 0 || runtimeStatus('go', floor, today).status === 'end-of-life');
  if (floor && runtimeStatus('go', floor, today).status === 'end-of-life') {
    notes.push(`${d.goDirective!.from} is Go ${floor}, past its end of support; the tests run on the supported versions ${supported.join(', ')}`);
  }
  return { version, matrix: [...new Set([version, ...matrix])].sort(compareVersions) };
}

export function proposeGo(d: GoDetection, preset: string | undefined, today: Date): Proposal {
  const notes: string[] = [];
  const { version, matrix } = goVersions(d, today, notes);
  const proposal: Proposal = { language: 'go', name: d.name, version, matrix, command: [], testCommand: ['go', 'test', '-race', './...'], lint: ['go', 'vet', './...'], notes };
  if (preset) proposal.preset = preset;
  if (!d.main) notes.push('no main package found (package main at the root or in cmd/<name>/); set go.main');
  else if (d.main.value !== '.') proposal.goMain = d.main.value;
  const port = d.port?.value ?? (preset ? PRESET_PORTS[preset] : undefined);
  if (port !== undefined) {
    proposal.port = port;
    const path = healthPath(d.entrySource);
    if (path !== false) {
      notes.push(`the code serves ${path}, but distroless has no HTTP client to probe it: set app.healthcheck.command (a probe flag of the program) or image.runtime: alpine`);
    }
  }
  return proposal;
}
