/**
 * Projects for the real tools: an example application with the delivery files slipway generates
 * for it, written into a temp dir the way `slipway generate` writes them.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { InputErrors } from '../../../src/cli/errors.js';
import { listPresets, resolveDescriptor } from '../../../src/descriptor/index.js';
import type { DeployMethod, ImageLayering, ImageVariant, Project } from '../../../src/descriptor/model.js';
import { generate } from '../../../src/generate/index.js';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

export const LAYERINGS: readonly ImageLayering[] = ['single', 'builder', 'base-app'];
export const VARIANTS: readonly ImageVariant[] = ['slim', 'alpine'];
export const DEPLOY_METHODS: readonly DeployMethod[] = ['none', 'ssh', 'kubernetes', 'compose'];

export const PRESETS: readonly string[] = listPresets();

/** The bundled example projects (directories of examples/ with a slipway.yaml). */
export function exampleNames(): string[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(EXAMPLES_DIR, e.name, 'slipway.yaml')))
    .map((e) => e.name)
    .sort();
}

/** The language of an example, as its slipway.yaml resolves. */
export function exampleLanguage(example: string): string {
  return resolveDescriptor(readFileSync(join(EXAMPLES_DIR, example, 'slipway.yaml'), 'utf8'), 'slipway.yaml').language;
}

/** The example whose application a preset's generated files are tried on: the one named after it. */
export function exampleForPreset(preset: string): string | undefined {
  return existsSync(join(EXAMPLES_DIR, preset, 'slipway.yaml')) ? preset : undefined;
}

export interface PresetCase {
  preset: string;
  variant?: ImageVariant;
  layering?: ImageLayering;
  deploy?: DeployMethod;
}

/** A descriptor that takes everything from the preset but the case's image and deploy choices. */
export function presetDescriptor(c: PresetCase): string {
  const lines = [`name: ${c.preset.replace(/^[a-z]+-/, '')}-app`, `extends: ${c.preset}`];
  if (c.variant !== undefined || c.layering !== undefined) lines.push('image:');
  if (c.variant !== undefined) lines.push(`  variant: ${c.variant}`);
  if (c.layering !== undefined) lines.push(`  layering: ${c.layering}`);
  if (c.deploy !== undefined) lines.push('deploy:', `  method: ${c.deploy}`);
  return lines.join('\n') + '\n';
}

/**
 * The example's own slipway.yaml with the case's image variant and layering (and deploy method)
 * instead of its own: the example project as its author wrote it, in each image layout.
 */
export function exampleCaseDescriptor(example: string, c: PresetCase): string {
  const doc = parseDocument(readFileSync(join(EXAMPLES_DIR, example, 'slipway.yaml'), 'utf8'));
  if (c.variant !== undefined) doc.setIn(['image', 'variant'], c.variant);
  if (c.layering !== undefined) doc.setIn(['image', 'layering'], c.layering);
  if (c.deploy !== undefined) doc.setIn(['deploy'], { method: c.deploy });
  return doc.toString();
}

/** The project of `descriptor`, or undefined when slipway refuses the descriptor (e.g. Go without a builder stage). */
export function resolveIfValid(descriptor: string): Project | undefined {
  try {
    return resolveDescriptor(descriptor, 'slipway.yaml');
  } catch (error) {
    if (error instanceof InputErrors) return undefined;
    throw error;
  }
}

export function caseName(c: PresetCase): string {
  return [c.preset, c.variant, c.layering, c.deploy].filter(Boolean).join('-');
}

/** The preset's language as its resolved descriptor says. */
export function presetLanguage(preset: string): string {
  return resolveDescriptor(presetDescriptor({ preset }), 'slipway.yaml').language;
}

/**
 * Copies examples/<example> into `dir` (its slipway.yaml replaced by `descriptor` when given) and
 * writes the generated files next to it. Returns the resolved project.
 */
export async function writeProject(dir: string, example: string, descriptor?: string): Promise<Project> {
  mkdirSync(dir, { recursive: true });
  cpSync(join(EXAMPLES_DIR, example), dir, { recursive: true, filter: (src) => !/(^|\/)(__pycache__|\.pytest_cache|\.tox)$/.test(src) });
  const text = descriptor ?? readFileSync(join(EXAMPLES_DIR, example, 'slipway.yaml'), 'utf8');
  writeFileSync(join(dir, 'slipway.yaml'), text);
  const project = resolveDescriptor(text, 'slipway.yaml');
  await writeGeneratedFiles(dir, project);
  return project;
}

export async function writeGeneratedFiles(dir: string, project: Project): Promise<string[]> {
  const files = await generate(project);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return files.map((f) => f.path);
}
