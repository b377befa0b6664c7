/**
 * `slipway init`: propose a slipway.yaml for the repository in `cwd` from what is there, let the
 * user adjust it on a terminal, and write it atomically (never over an existing one without force).
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../cli/errors.js';
import { DESCRIPTOR_FILE } from '../descriptor/load.js';
import { listPresets } from '../descriptor/presets.js';
import { resolveDescriptor } from '../descriptor/resolve.js';
import { SCHEMA_ID } from '../descriptor/schema.js';
import { suggest } from '../descriptor/suggest.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { packageRoot } from '../util/package-root.js';
import { detectProject, type Detection } from './detect.js';
import { askDetails, askPreset, type Prompter } from './prompt.js';
import { FRAMEWORK_PRESETS, propose, type Proposal } from './propose.js';
import { detectGo, detectLanguage, detectNode, type GoDetection, type NodeDetection } from './node-go-detect.js';
import { detectedPreset, proposeGo, proposeNode } from './propose-node-go.js';
import { nodeLtsNames } from '../descriptor/runtime-versions.js';
import type { Language } from '../descriptor/model.js';
import { renderDescriptor } from './render.js';

export interface InitOptions {
  cwd: string;
  /** A preset name, or `none`; default: the detected framework's preset. */
  preset?: string;
  /** Overwrite an existing slipway.yaml. */
  force?: boolean;
  /** Compute and return the text without writing. */
  dryRun?: boolean;
  /** Ask the user to confirm or change the proposal (only on a terminal). */
  prompter?: Prompter;
  today?: Date;
}

export interface InitResult {
  /** `exists`: a descriptor is there and force was not given; nothing was written. */
  status: 'written' | 'exists' | 'dry-run';
  path: string;
  text: string;
  proposal?: Proposal;
  detection?: AnyDetection;
}

/** What init found, by language. */
export type AnyDetection = (Detection & { language?: 'python' }) | NodeDetection | GoDetection;

/** The language a preset is for. */
function presetLanguage(name: string): Language {
  return resolveDescriptor(`name: app\nextends: ${name}\n`, DESCRIPTOR_FILE).language;
}

export async function initProject(options: InitOptions): Promise<InitResult> {
  const dir = resolve(options.cwd);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError('no such directory', options.cwd);
  const path = join(dir, DESCRIPTOR_FILE);
  if (existsSync(path) && !options.force && !options.dryRun) return { status: 'exists', path, text: '' };
  if (options.preset !== undefined) checkPreset(options.preset);

  const today = options.today ?? new Date();
  const explicit = options.preset === undefined ? undefined : options.preset === 'none' ? null : options.preset;
  // The language: the chosen preset's, else what the repository holds.
  const language = explicit ? presetLanguage(explicit) : detectLanguage(dir);
  const detection: AnyDetection =
    language === 'node' ? detectNode(dir, nodeLtsNames()) : language === 'go' ? detectGo(dir) : detectProject(dir);
  const detected =
    detection.language === 'node' || detection.language === 'go'
      ? detectedPreset(detection)
      : detection.framework && FRAMEWORK_PRESETS[detection.framework.name];
  let preset = explicit === undefined ? detected : (explicit ?? undefined);
  if (options.prompter && options.preset === undefined) {
    preset = await askPreset(options.prompter, preset, listPresets().filter((name) => presetLanguage(name) === language));
  }
  /** The proposal, with the port the user gave instead of the detected one. */
  const proposeWith = (port?: number): Proposal => {
    if (detection.language === 'node') return proposeNode(port === undefined ? detection : { ...detection, port: { value: port, from: 'answer' } }, preset, today);
    if (detection.language === 'go') return proposeGo(port === undefined ? detection : { ...detection, port: { value: port, from: 'answer' } }, preset, today);
    if (port === undefined) return propose(detection, preset, today);
    return propose({ ...detection, port: { port, from: 'answer' } }, preset, today);
  };
  let proposal = proposeWith();
  if (options.prompter) {
    const commandFor = (port: number | undefined) => {
      if (port !== undefined || detection.language !== 'python') return proposeWith(port).command;
      const { port: _detected, ...rest } = detection;
      return propose(rest, preset, today).command;
    };
    proposal = await askDetails(options.prompter, proposal, today, commandFor);
  }

  const text = renderDescriptor(proposal, schemaReference(dir));
  // The file must load: a failure here is a bug in init, reported as such (exit 2) before any write.
  resolveDescriptor(text, DESCRIPTOR_FILE, { today });
  if (options.dryRun) return { status: 'dry-run', path, text, proposal, detection };
  writeFileAtomic(path, text);
  return { status: 'written', path, text, proposal, detection };
}

function checkPreset(name: string): void {
  const presets = listPresets();
  if (name === 'none' || presets.includes(name)) return;
  const close = suggest(name, presets);
  throw new InputError(
    `unknown preset \`${name}\`${close ? `; did you mean \`${close}\`? Available` : '; available'} presets: ${presets.join(', ')}, or none`,
  );
}

/**
 * Where the editor finds the schema: a relative path when the installed schema file is in the
 * project (node_modules) or the project is inside slipway's own tree (its examples); otherwise
 * the published URL, so the file never holds a machine-specific path.
 */
export function schemaReference(dir: string): string {
  const schemaFile = join(packageRoot(), 'schema', 'slipway.schema.json');
  const rel = relative(dir, schemaFile);
  const insideProject = !rel.startsWith('..') && !isAbsolute(rel);
  const insidePackage = !relative(packageRoot(), dir).startsWith('..');
  return existsSync(schemaFile) && (insideProject || insidePackage) ? rel.split(sep).join('/') : SCHEMA_ID;
}

/** One line per thing init based the proposal on. */
export function describeDetection(d: AnyDetection): string[] {
  if (d.language === 'node') return describeNode(d);
  if (d.language === 'go') return describeGo(d);
  const found: string[] = [];
  const files = [d.requirements, d.devRequirements, d.pyproject].filter(Boolean);
  if (files.length) found.push(`dependencies: ${files.join(', ')}`);
  if (d.pythonVersion) found.push(`Python ${d.pythonVersion.version} (${d.pythonVersion.from})`);
  if (d.toxVersions.length) found.push(`tox envlist: Python ${d.toxVersions.join(', ')}`);
  if (d.entry) found.push(`entry point: ${d.entry.kind === 'module' ? `python -m ${d.entry.target}` : d.entry.target}`);
  if (d.framework) found.push(`framework: ${d.framework.name} (${d.framework.from})${d.appTarget ? `, application ${d.appTarget}` : ''}`);
  if (d.port) found.push(`port ${d.port.port} (${d.port.from})`);
  if (d.testFramework) found.push(`tests: ${d.testFramework.name} (${d.testFramework.from})`);
  if (d.lintTool) found.push(`lint: ${d.lintTool.name} (${d.lintTool.from})`);
  return found;
}

function describeNode(d: NodeDetection): string[] {
  const found = [`Node.js project, package manager ${d.packageManager.value} (${d.packageManager.from})`];
  if (d.version) found.push(`Node.js ${d.version.value} (${d.version.from})`);
  if (d.engines) found.push(`engines: node ${d.engines.value}`);
  if (d.command) found.push(`start: ${d.command.value.join(' ')} (${d.command.from})`);
  if (d.framework) found.push(`framework: ${d.framework.value} (${d.framework.from})`);
  if (d.bin) found.push(`program: ${d.bin.value} (${d.bin.from})`);
  if (d.port) found.push(`port ${d.port.value} (${d.port.from})`);
  const scripts = ['test', 'lint', 'build'].filter((s) => d.scripts[s]);
  if (scripts.length) found.push(`package.json scripts: ${scripts.join(', ')}`);
  return found;
}

function describeGo(d: GoDetection): string[] {
  const found = ['Go module (go.mod)'];
  if (d.goDirective) found.push(`Go ${d.goDirective.value} (${d.goDirective.from})`);
  if (d.main) found.push(`main package: ${d.main.value} (${d.main.from})`);
  if (d.http) found.push('serves HTTP (net/http)');
  if (d.port) found.push(`port ${d.port.value} (${d.port.from})`);
  return found;
}
