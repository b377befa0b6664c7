/** Loading slipway.yaml from a project directory. */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../cli/errors.js';
import type { Project } from './model.js';
import { missingFiles } from './missing-files.js';
import { resolveDescriptorWithWarnings, sortErrors, type Resolution, type ResolveOptions } from './resolve.js';

export const DESCRIPTOR_FILE = 'slipway.yaml';

export interface LoadOptions extends ResolveOptions {
  /** The project root; descriptor paths are relative to it. */
  cwd: string;
  /** The descriptor, relative to `cwd` (default `slipway.yaml`). */
  file?: string;
  /** Called with each warning (end-of-life matrix versions, files the descriptor names that are missing). */
  onWarning?: (warning: InputError) => void;
}

/** Reads, validates and resolves the project's descriptor. Throws InputError(s) on bad input. */
export function loadProject(opts: LoadOptions): Project {
  return loadResolution(opts).project;
}

/** loadProject, keeping the resolution: positions for errors found later (values the generator refuses). */
export function loadResolution(opts: LoadOptions): Resolution {
  const absolute = resolve(opts.cwd, opts.file ?? DESCRIPTOR_FILE);
  const shown = displayName(opts.cwd, absolute);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new InputError(`no such file; write a starter descriptor with \`slipway init\``, shown);
    }
    if (code === 'EISDIR') throw new InputError('is a directory, not a descriptor file', shown);
    throw new InputError(`cannot read the descriptor: ${(err as Error).message}`, shown);
  }
  const resolution = resolveDescriptorWithWarnings(text, shown, opts);
  const root = resolve(opts.cwd);
  const exists = (rel: string) => existsSync(resolve(root, rel));
  const warnings = [
    ...resolution.warnings,
    ...missingFiles(resolution.project, exists).map((m) => resolution.errorAt(m.path, m.message)),
  ];
  for (const w of sortErrors(warnings, shown)) opts.onWarning?.(w);
  return resolution;
}

/** The one-line form of a warning: `file:line:col: warning: message`. */
export function formatWarning(warning: InputError): string {
  return warning.format().replace(/(^|: )error: /, '$1warning: ');
}

/** The descriptor path relative to the project root, with `/` separators. */
function displayName(cwd: string, absolute: string): string {
  const rel = relative(resolve(cwd), absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return absolute;
  return rel.split(sep).join('/');
}
