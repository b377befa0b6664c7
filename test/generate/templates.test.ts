import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { unsafeOutputs } from '../../src/generate/template-safety.js';
import { helpersFor, type OutputFormat } from '../../src/generate/format-helpers.js';
import { templateDir } from '../../src/generate/templates.js';

const FORMAT_OF: Record<string, OutputFormat> = {
  'Dockerfile.single': 'dockerfile',
  'Dockerfile.builder': 'dockerfile',
  'Dockerfile.base': 'dockerfile',
  'Dockerfile.app': 'dockerfile',
  'gitlab-ci.yml': 'yaml',
  Makefile: 'makefile',
  'tox.ini': 'ini',
  dockerignore: 'ignore',
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

describe('shipped templates', () => {
  const dir = templateDir('python');
  const templates = readdirSync(dir).filter((f) => f.endsWith('.hbs'));
  test('every template has a known format', () => {
    expect(templates.map((t) => t.slice(0, -4)).sort()).toEqual(Object.keys(FORMAT_OF).sort());
  });
  test.each(templates)('%s prints nothing unquoted', (t) => {
    const format = FORMAT_OF[t.slice(0, -4)]!;
    expect(unsafeOutputs(readFileSync(join(dir, t), 'utf8'), sinks(format))).toEqual([]);
  });
  test.each(readdirSync(join(dir, 'partials')))('partials of %s print nothing unquoted', (format) => {
    for (const p of readdirSync(join(dir, 'partials', format))) {
      expect(unsafeOutputs(readFileSync(join(dir, 'partials', format, p), 'utf8'), sinks(format as OutputFormat)), p).toEqual([]);
    }
  });
});
