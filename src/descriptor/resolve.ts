/**
 * slipway.yaml text → Project: YAML (with positions) → schema → preset merge → semantic checks →
 * defaults. Every problem becomes an InputError at the offending key or value, in the file it
 * comes from (the user's descriptor or the preset); all of a stage's problems are reported at once.
 */
import { InputError, InputErrors } from '../cli/errors.js';
import { suggest } from './suggest.js';
import type { Project } from './model.js';
import type { RawDescriptor } from './raw.js';
import { deepMerge } from './merge.js';
import { listPresets, readPreset } from './presets.js';
import { descriptorSchema, presetSchema } from './schema.js';
import { semanticDiagnostics, type Diagnostic } from './semantic.js';
import { locateValue } from './locate-value.js';
import { toProject } from './to-project.js';
import { validateAgainstSchema } from './validate.js';
import { byPosition, errorAt, hasPath, parseYamlSource, type Path, type YamlSource } from './yaml-source.js';

export interface ResolveOptions {
  /** The date the release table is checked against (default: now). */
  today?: Date;
  /** Where presets are read from (default: the package's `presets/`). */
  presetsDir?: string;
}

export interface Resolution {
  project: Project;
  /** Problems that do not stop generation (e.g. an end-of-life version in the test matrix). */
  warnings: InputError[];
  /** A positioned error about a descriptor path, in the file the value comes from. */
  errorAt(path: Path, message: string, atKey?: boolean): InputError;
  /** The parsed descriptor, with node positions. */
  source: YamlSource;
  /** A positioned error about a value the generator refused (see locate-value.ts). */
  valueError(what: string, value: string, message: string): InputError;
}

/** Resolves descriptor text; throws InputErrors with every problem found. */
export function resolveDescriptor(text: string, fileName: string, options: ResolveOptions = {}): Project {
  return resolveDescriptorWithWarnings(text, fileName, options).project;
}

export function resolveDescriptorWithWarnings(text: string, fileName: string, options: ResolveOptions = {}): Resolution {
  const user = parseOrThrow(text, fileName);
  if (user.value === null || user.value === undefined) {
    throw new InputErrors([
      new InputError('the descriptor is empty; it needs at least `name:` and a preset (`extends:`) or `language:` and `app.command` (run `slipway init` to write one)', fileName, 1, 1),
    ]);
  }
  const errors = validateAgainstSchema(user, descriptorSchema);
  const presetName = errors.length === 0 ? (user.value as RawDescriptor).extends : undefined;
  const preset = presetName === undefined ? undefined : loadPreset(user, presetName, errors, options.presetsDir);
  if (errors.length) throw new InputErrors(sortErrors(errors, fileName));

  const merged = deepMerge(preset?.value ?? {}, user.value) as RawDescriptor;
  const locateError = (path: Path, message: string, atKey = false): InputError => {
    const source = preset && !hasPath(user, path) && hasPath(preset, path) ? preset : user;
    return errorAt(source, path, message, atKey ? 'key' : 'value');
  };
  const diagnostics = semanticDiagnostics(merged, { preset: presetName, today: options.today ?? new Date() });
  const toError = (d: Diagnostic) => locateError(d.path, d.message, d.atKey);
  const semanticErrors = diagnostics.filter((d) => d.severity === 'error').map(toError);
  if (semanticErrors.length) throw new InputErrors(sortErrors(semanticErrors, fileName));
  return {
    project: toProject(merged, fileName),
    warnings: sortErrors(diagnostics.filter((d) => d.severity === 'warning').map(toError), fileName),
    errorAt: locateError,
    source: user,
    valueError: (what, value, message) => locateValue(user, what, value, message),
  };
}

function parseOrThrow(text: string, fileName: string): YamlSource {
  const parsed = parseYamlSource(text, fileName);
  if (!parsed.ok) throw new InputErrors(parsed.errors);
  return parsed.source;
}

/** Loads and validates the preset named by `extends`, adding its problems to `errors`. */
function loadPreset(user: YamlSource, name: string, errors: InputError[], dir?: string): YamlSource | undefined {
  const found = readPreset(name, dir);
  if (!found) {
    const available = listPresets(dir);
    const close = suggest(name, available);
    errors.push(
      errorAt(user, ['extends'], `unknown preset \`${name}\`${close ? `; did you mean \`${close}\`? Available` : '; available'} presets: ${available.join(', ') || 'none'}`),
    );
    return undefined;
  }
  const parsed = parseYamlSource(found.text, found.fileName);
  if (!parsed.ok) {
    errors.push(...parsed.errors);
    return undefined;
  }
  errors.push(...validateAgainstSchema(parsed.source, presetSchema));
  const value = parsed.source.value as RawDescriptor | null;
  if (value?.name !== undefined) {
    errors.push(errorAt(parsed.source, ['name'], 'a preset cannot set `name`: each project names itself in its slipway.yaml', 'key'));
  }
  if (value?.extends !== undefined) {
    errors.push(errorAt(parsed.source, ['extends'], 'a preset cannot extend another preset; copy what it needs instead', 'key'));
  }
  return parsed.source;
}

/** The descriptor's own errors first (by position), then those in presets. */
export function sortErrors(errors: InputError[], fileName: string): InputError[] {
  const own = errors.filter((e) => e.file === fileName).sort(byPosition);
  const others = errors.filter((e) => e.file !== fileName).sort(byPosition);
  return [...own, ...others];
}
