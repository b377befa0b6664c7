/**
 * The package's library entry point as users import it: the built dist/index.js (`npm test`
 * builds first), typed by src/index.ts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';

type Api = typeof import('../../src/index.js');
const entry = resolve(import.meta.dirname, '../../dist/index.js');

describe.skipIf(!existsSync(entry))('library API (dist/index.js)', async () => {
  const api = (await import(pathToFileURL(entry).href)) as Api;

  test('exports the documented names', () => {
    for (const name of ['generate', 'writeGenerated', 'loadProject', 'resolveDescriptor', 'lint', 'lintText', 'fixText', 'lintAndFix', 'formatters', 'plainContext'] as const) {
      expect(api[name], name).toBeDefined();
    }
    expect(Object.keys(api.formatters).sort()).toEqual(['checkstyle', 'github', 'gitlab', 'json', 'junit', 'sarif', 'stylish']);
  });

  test('resolveDescriptor and generate', { timeout: 120_000 }, async () => {
    const project = api.resolveDescriptor('name: demo\nextends: python-tornado\n', 'slipway.yaml');
    const files = await api.generate(project);
    expect(files.map((f) => f.path)).toContain('Dockerfile');
  });

  test('lintText, fixText and a formatter', { timeout: 120_000 }, async () => {
    const text = 'FROM debian:12.8\nMAINTAINER me\n';
    const findings = await api.lintText(text, { kind: 'dockerfile' });
    expect(findings.map((f) => f.ruleId)).toContain('dockerfile/maintainer-deprecated');
    const fixed = await api.fixText(text, { kind: 'dockerfile' });
    expect(fixed.output).toBe('FROM debian:12.8\nLABEL org.opencontainers.image.authors="me"\n');
    expect(fixed.parses).toBe(true);
    const report = JSON.parse(api.formatters.json(findings, api.plainContext())) as { ruleId: string }[];
    expect(report.map((f) => f.ruleId)).toContain('dockerfile/maintainer-deprecated');
    expect(api.formatters.gitlab(findings, api.plainContext())).toMatch(/"check_name"/);
  });
});
