/**
 * The product's promise: every file `slipway generate` writes passes slipway's own linter with zero
 * findings at every severity — Dockerfile, GitLab CI, Makefile, tox, secrets and the cross-file rules
 * (which also compare the files with slipway.yaml, as `generate --check` does).
 *
 * Each golden case is generated into a scratch project that holds what the descriptor names
 * (the preset's example app when there is one, otherwise empty stand-ins), then the whole
 * directory is linted the way `slipway lint` lints a repository.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generate, writeGenerated } from '../../src/generate/index.js';
import { lint } from '../../src/lint/index.js';
import { caseProject, goldenCases } from '../golden/cases.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const scratch = mkdtempSync(join(tmpdir(), 'slipway-lint-clean-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What a Node.js or Go project holds at least (the feature cases have no example app). */
const LANGUAGE_STUBS: Record<string, Record<string, string>> = {
  node: {
    'package.json': '{"name":"app","version":"1.0.0","private":true,"scripts":{"start":"node server.js","test":"node --test","lint":"node --check server.js","build":"node build.js"}}\n',
    'package-lock.json': '{"name":"app","version":"1.0.0","lockfileVersion":3,"requires":true,"packages":{"":{"name":"app","version":"1.0.0"}}}\n',
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    'yarn.lock': '# yarn lockfile v1\n',
    'server.js': "import http from 'node:http';\nhttp.createServer((req, res) => res.end('ok')).listen(3000);\n",
  },
  go: { 'go.mod': 'module example.com/app\n\ngo 1.26\n', 'main.go': 'package main\n\nfunc main() {}\n' },
};

/** Paths a descriptor names that must exist for the project to be complete. */
function namedPaths(project: ReturnType<typeof caseProject>): string[] {
  const named: (string | undefined)[] = [];
  const p = project as unknown as Record<string, Record<string, unknown> | undefined>;
  for (const key of ['requirements', 'devRequirements', 'pyproject']) named.push(p.python?.[key] as string | undefined);
  for (const entry of project.image.copy) if (entry !== '.') named.push(entry);
  return named.filter((x): x is string => typeof x === 'string');
}

// Node.js and Go cases are linted by test/golden/lint-clean.test.ts.
describe.each(goldenCases().filter((c) => !/^(presets|examples)\/(node|go)-/.test(c.dir)).map((c) => [c.dir, c] as const))('%s', (dir, c) => {
  test('lints with zero findings', async () => {
    const project = caseProject(c);
    const root = join(scratch, dir.replace(/[/\\]/g, '__'));
    mkdirSync(root, { recursive: true });
    const exampleDir = join(EXAMPLES, dir.startsWith('examples/') ? dir.slice('examples/'.length) : project.preset ?? '');
    if (project.preset !== undefined || dir.startsWith('examples/')) {
      if (existsSync(exampleDir)) cpSync(exampleDir, root, { recursive: true });
    }
    for (const rel of namedPaths(project)) {
      const abs = join(root, rel);
      if (existsSync(abs)) continue;
      if (rel.endsWith('/')) mkdirSync(abs, { recursive: true });
      else {
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, '');
      }
    }
    for (const [rel, text] of Object.entries(LANGUAGE_STUBS[project.language] ?? {})) {
      if (!existsSync(join(root, rel))) writeFileSync(join(root, rel), text);
    }
    // The descriptor where the case keeps it: the generated files name it (headers, `--file` in CI).
    const descriptorPath = join(root, c.file ?? 'slipway.yaml');
    mkdirSync(dirname(descriptorPath), { recursive: true });
    writeFileSync(descriptorPath, c.descriptor);
    const files = await generate(project);
    writeGenerated(files, { root, force: true });

    const result = await lint([], { cwd: root });
    const shown = result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}: ${f.message}`);
    expect(shown).toEqual([]);
    expect(result.exitCode).toBe(0);
  });
});
