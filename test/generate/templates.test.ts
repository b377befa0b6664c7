import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { unsafeOutputs } from '../../src/generate/template-safety.js';
import { helpersFor, type OutputFormat } from '../../src/generate/format-helpers.js';
import { templateDir } from '../../src/generate/templates.js';

/** Each template's output format, by file name (without .hbs). */
const FORMAT_OF: Record<string, OutputFormat> = {
  Dockerfile: 'dockerfile',
  'Dockerfile.single': 'dockerfile',
  'Dockerfile.builder': 'dockerfile',
  'Dockerfile.base': 'dockerfile',
  'Dockerfile.app': 'dockerfile',
  'gitlab-ci.yml': 'yaml',
  Makefile: 'makefile',
  'tox.ini': 'ini',
  dockerignore: 'ignore',
};

/** The templates each folder holds. */
const TEMPLATES: Record<string, string[]> = {
  common: ['Dockerfile.app', 'dockerignore'],
  python: ['Dockerfile.base', 'Dockerfile.builder', 'Dockerfile.single', 'Makefile', 'gitlab-ci.yml', 'tox.ini'],
  node: ['Dockerfile.base', 'Dockerfile.builder', 'Dockerfile.single', 'Makefile', 'gitlab-ci.yml'],
  go: ['Dockerfile', 'Makefile', 'gitlab-ci.yml'],
};

const sinks = (format: OutputFormat) => new Set(helpersFor(format).keys());

describe('template safety check', () => {
  test('accepts output through a sink, blocks and partials', () => {
    expect(unsafeOutputs('{{#each xs}}- {{yaml this}}\n{{/each}}{{> part}}{{!-- note --}}', sinks('yaml'))).toEqual([]);
  });
  test('rejects a bare value, a triple-stash and an unknown block helper', () => {
    expect(unsafeOutputs('name: {{name}}', sinks('yaml'))).toHaveLength(1);
    expect(unsafeOutputs('name: {{{yaml name}}}', sinks('yaml'))).toHaveLength(1);
    expect(unsafeOutputs('{{#raw}}x{{/raw}}', sinks('yaml'))).toHaveLength(1);
  });
  test("rejects another format's helper (a Dockerfile quote is not a YAML quote)", () => {
    expect(unsafeOutputs('RUN {{word x}}', sinks('yaml'))).toHaveLength(1);
    expect(unsafeOutputs('key: {{yaml x}}', sinks('dockerfile'))).toHaveLength(1);
  });
});

describe.each(Object.keys(TEMPLATES))('shipped templates of %s', (folder) => {
  const dir = templateDir(folder);
  const templates = readdirSync(dir).filter((f) => f.endsWith('.hbs'));
  test('are the expected ones, each of a known format', () => {
    expect(templates.map((t) => t.slice(0, -4)).sort()).toEqual([...TEMPLATES[folder]!].sort());
    for (const t of templates) expect(FORMAT_OF[t.slice(0, -4)], t).toBeDefined();
  });
  test.each(templates)('%s prints nothing unquoted', (t) => {
    const format = FORMAT_OF[t.slice(0, -4)]!;
    expect(unsafeOutputs(readFileSync(join(dir, t), 'utf8'), sinks(format))).toEqual([]);
  });
  const partials = existsSync(join(dir, 'partials')) ? readdirSync(join(dir, 'partials')) : [];
  test.each(partials.length ? partials : ['(none)'])('partials of %s print nothing unquoted', (format) => {
    if (format === '(none)') return;
    for (const p of readdirSync(join(dir, 'partials', format))) {
      expect(unsafeOutputs(readFileSync(join(dir, 'partials', format, p), 'utf8'), sinks(format as OutputFormat)), p).toEqual([]);
    }
  });
});
