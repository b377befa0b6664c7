/**
 * Handlebars helpers per output format. Each helper is a "sink": it takes model values and
 * returns text that is safe in that format, or throws UnsafeValueError. Templates of a format
 * can call only that format's helpers (templates are compiled with knownHelpersOnly).
 */
import Handlebars from 'handlebars';
import { shellJoin, shellQuote } from './quote/shell.js';
import { yamlFlowSequence, yamlScalar } from './quote/yaml-scalar.js';
import { dockerEnvPair, dockerEnvValue, dockerExecForm } from './quote/dockerfile.js';
import { makeRecipeWords, makeVariableValue } from './quote/makefile.js';
import { toxCommand, toxValue } from './quote/tox.js';
import { assertPrintable, UnsafeValueError } from './unsafe-value.js';

export type OutputFormat = 'dockerfile' | 'yaml' | 'makefile' | 'ini' | 'ignore';

type Helper = (...args: unknown[]) => Handlebars.SafeString;

/** Drops Handlebars' trailing `options` argument. */
function values(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

function str(what: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new UnsafeValueError(what, String(value), 'is not a string');
}

function strings(what: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw new UnsafeValueError(what, String(value), 'is not a list');
  return value.map((v) => str(what, v));
}

function safe(text: string): Handlebars.SafeString {
  return new Handlebars.SafeString(text);
}

function sink(name: string, fn: (...args: unknown[]) => string): [string, Helper] {
  return [name, (...args: unknown[]) => safe(fn(...values(args)))];
}

function variableName(v: unknown): string {
  const s = str('a variable name', v);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) throw new UnsafeValueError('a variable name', s, 'is not a variable name');
  return s;
}

/** A token with no meaning in any of the formats (versions, names, durations). */
const TOKEN = /^[A-Za-z0-9._/:@%+=~-]+$/;
const PATH = /^[A-Za-z0-9._@+/-]+$/;

const common: [string, Helper][] = [
  sink('int', (v) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new UnsafeValueError('a number', String(v), 'is not an integer');
    return String(v);
  }),
  sink('tok', (v) => {
    const s = assertPrintable('a value', str('a value', v));
    if (!TOKEN.test(s)) throw new UnsafeValueError('a value', s, 'is not a plain token');
    return s;
  }),
  sink('path', (v) => {
    const s = assertPrintable('a path', str('a path', v));
    if (!PATH.test(s)) throw new UnsafeValueError('a path', s, 'is not a plain path');
    return s;
  }),
  sink('paths', (v) =>
    strings('paths', v)
      .map((s) => {
        if (!PATH.test(s)) throw new UnsafeValueError('a path', s, 'is not a plain path');
        return s;
      })
      .join(' '),
  ),
];

const byFormat: Record<OutputFormat, [string, Helper][]> = {
  dockerfile: [
    ...common,
    sink('word', (v) => shellQuote(assertPrintable('a shell word', str('a shell word', v)))),
    sink('exec', (v) => dockerExecForm('a command', strings('a command', v))),
    // A command line of a RUN instruction (shell form): each word shell-quoted.
    sink('sh', (v) => shellJoin(strings('a command', v).map((w) => assertPrintable('a command', w)))),
    sink('envPair', (k, v) => dockerEnvPair('image.env', str('name', k), str('value', v))),
    sink('envValue', (v) => dockerEnvValue('a value', str('a value', v))),
  ],
  yaml: [
    ...common.filter(([name]) => name === 'path'),
    sink('yaml', (v) => {
      if (typeof v === 'number' || typeof v === 'boolean') return yamlScalar(v);
      return yamlScalar(str('a value', v));
    }),
    sink('yamlList', (v) => yamlFlowSequence(strings('a list', v))),
    sink('yamlShell', (...parts) => {
      // A script line: literal text parts and lists of words, which are shell-quoted.
      const line = parts
        .map((p) => (Array.isArray(p) ? shellJoin(strings('a command', p)) : str('a script part', p)))
        .filter((p) => p !== '')
        .join(' ');
      return yamlScalar(line);
    }),
    sink('ciVar', (v) => {
      // A literal variable value: GitLab would expand a `$` in it, so such values are marked expand: false.
      const s = str('a variable value', v);
      return s.includes('$') ? `{ value: ${yamlScalar(s)}, expand: false }` : yamlScalar(s);
    }),
    sink('varRef', (v) => `\${${variableName(v)}}`),
    sink('varName', (v) => variableName(v)),
  ],
  makefile: [
    ...common,
    sink('recipe', (v) => makeRecipeWords('a command', strings('a command', v))),
    sink('pyRecipe', (v) => {
      // `python …` runs with $(PYTHON), so `make PYTHON=python3.12 test` picks the interpreter.
      const words = strings('a command', v);
      if (words[0] === 'python' || words[0] === 'python3') return ['$(PYTHON)', makeRecipeWords('a command', words.slice(1))].filter(Boolean).join(' ');
      return makeRecipeWords('a command', words);
    }),
    sink('goRecipe', (v) => {
      // `go …` runs with $(GO), so `make GO=go1.26.3 test` picks the toolchain.
      const words = strings('a command', v);
      if (words[0] === 'go') return ['$(GO)', makeRecipeWords('a command', words.slice(1))].filter(Boolean).join(' ');
      return makeRecipeWords('a command', words);
    }),
    sink('makeValue', (v) => makeVariableValue('a value', str('a value', v))),
  ],
  ini: [
    ...common,
    sink('toxCommand', (v) => toxCommand('a command', strings('a command', v))),
    sink('toxValue', (v) => toxValue('a value', str('a value', v))),
  ],
  ignore: [
    sink('pattern', (v) => {
      const s = assertPrintable('image.dockerignore', str('image.dockerignore', v));
      if (s.trim() === '') throw new UnsafeValueError('image.dockerignore', s, 'is empty');
      return s;
    }),
  ],
};

/** The helpers (sinks) available to templates of `format`. */
export function helpersFor(format: OutputFormat): ReadonlyMap<string, Helper> {
  return new Map(byFormat[format]);
}
