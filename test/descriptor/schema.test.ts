import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { descriptorSchema, lintConfigSchema, presetSchema, resolveDescriptor } from '../../src/descriptor/index.js';
import { renderDescriptorDocs } from '../../src/descriptor/docs.js';
import { CLI_EXAMPLE, FULL_EXAMPLE, GO_EXAMPLE, NODE_EXAMPLE } from '../../src/descriptor/example.js';
import { publishedSchemaFiles } from '../../src/descriptor/schema-files.js';
import type { JsonSchema } from '../../src/descriptor/json-schema.js';
import { packageRoot } from '../../src/util/package-root.js';
import { runCli } from '../../src/cli/run.js';
import { captureIo } from '../helpers/io.js';
import { TODAY } from './helpers.js';

const REGENERATE =
  'regenerate with: npx slipway schema > schema/slipway.schema.json; npx slipway schema --lint > schema/slipway-lint.schema.json; npx slipway schema --format markdown > docs/descriptor.md';

/** Every property schema in a schema, with its dotted path. */
function properties(schema: JsonSchema, path = ''): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const p = path ? `${path}.${name}` : name;
    out.push([p, child], ...properties(child, p));
    if (child.items) out.push(...properties(child.items, `${p}[]`));
  }
  for (const [name, def] of Object.entries(schema.$defs ?? {})) out.push(...properties(def, `$defs.${name}`));
  return out;
}

describe('the descriptor schema', () => {
  test('is a valid draft 2020-12 schema that ajv compiles in strict mode', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, strictRequired: false, strictTypes: false });
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    expect(ajv.validateSchema(descriptorSchema)).toBe(true);
    expect(() => ajv.compile(descriptorSchema)).not.toThrow();
    expect(() => ajv.compile(lintConfigSchema)).not.toThrow();
  });

  test('describes every property (the schema is the documentation)', () => {
    const undocumented = properties(descriptorSchema)
      .filter(([, s]) => !s.description)
      .map(([p]) => p);
    expect(undocumented).toEqual([]);
    expect(properties(descriptorSchema).length).toBeGreaterThan(60);
  });

  test('rejects unknown keys everywhere a mapping has fixed keys', () => {
    const open = properties(descriptorSchema)
      .filter(([, s]) => s.properties && s.additionalProperties !== false)
      .map(([p]) => p);
    expect(open).toEqual([]);
  });

  test('the lint section is the same schema as a standalone .slipway.yaml', () => {
    const { $schema: _s, $id: _i, title: _t, ...standalone } = lintConfigSchema;
    expect(standalone).toEqual(descriptorSchema.properties!.lint);
  });

  test('presets may not carry required keys', () => {
    expect(presetSchema.required).toBeUndefined();
    expect(presetSchema.then).toBeUndefined();
  });

  test('the published schema files are up to date', () => {
    for (const [path, content] of Object.entries(publishedSchemaFiles())) {
      expect(readFileSync(join(packageRoot(), path), 'utf8'), `${path} is stale; ${REGENERATE}`).toBe(content);
    }
  });

  test('docs/descriptor.md is up to date and documents every key', () => {
    const docs = readFileSync(join(packageRoot(), 'docs/descriptor.md'), 'utf8');
    expect(docs, `docs/descriptor.md is stale; ${REGENERATE}`).toBe(renderDescriptorDocs());
    const keys = properties(descriptorSchema)
      .map(([p]) => p)
      .filter((p) => !p.startsWith('$defs') && !p.endsWith('[]'));
    const isSection = (k: string) => !k.includes('.') && descriptorSchema.properties![k]!.properties !== undefined;
    const missing = keys.filter((k) => !docs.includes(isSection(k) ? `### \`${k}\`` : `| \`${k}\` |`));
    expect(missing).toEqual([]);
  });

  test('the examples in the documentation resolve and together use every top-level key', () => {
    const examples = [FULL_EXAMPLE, NODE_EXAMPLE, CLI_EXAMPLE, GO_EXAMPLE];
    for (const example of examples) expect(() => resolveDescriptor(example, 'slipway.yaml', { today: TODAY })).not.toThrow();
    const used = new Set(examples.flatMap((e) => Object.keys(parse(e) as object)));
    expect([...used].sort()).toEqual(Object.keys(descriptorSchema.properties!).sort());
  });

  test('the Node.js and Go examples use every key of their section', () => {
    for (const [example, section] of [
      [NODE_EXAMPLE, 'node'],
      [GO_EXAMPLE, 'go'],
    ] as const) {
      const keys = Object.keys((parse(example) as Record<string, object>)[section]!).sort();
      expect(keys).toEqual(Object.keys(descriptorSchema.properties![section]!.properties!).sort());
    }
  });

  test('`slipway schema` prints the schema, `--lint` the lint schema, `--format markdown` the reference', async () => {
    const files = publishedSchemaFiles();
    let io = captureIo();
    expect(await runCli(['schema'], io)).toBe(0);
    expect(io.stdout).toBe(files['schema/slipway.schema.json']);
    expect(JSON.parse(io.stdout).$id).toBe(descriptorSchema.$id);
    io = captureIo();
    expect(await runCli(['schema', '--lint'], io)).toBe(0);
    expect(io.stdout).toBe(files['schema/slipway-lint.schema.json']);
    io = captureIo();
    expect(await runCli(['schema', '--format', 'markdown'], io)).toBe(0);
    expect(io.stdout).toBe(renderDescriptorDocs());
    expect(io.stderr).toBe('');
  });
});
