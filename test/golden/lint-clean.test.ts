/**
 * What slipway generates for Node.js and Go passes slipway's own linter with no finding at any
 * severity: every preset case in a scratch project holding the files its descriptor names, and
 * every Node.js and Go example with its real sources. (A finding here is either a generator bug
 * or a rule that is wrong about the output; both are worth a look.)
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { generate } from '../../src/generate/index.js';
import { captureIo } from '../helpers/io.js';
import { caseProject, goldenCases } from './cases.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

/** The files a Node.js or Go descriptor names, as a project would have them. */
const STUBS: Record<string, string> = {
  'package.json': '{"name":"app","version":"1.0.0","private":true,"scripts":{"start":"node server.js","test":"node --test","lint":"node --check server.js","build":"node build.js"}}\n',
  'package-lock.json': '{"name":"app","version":"1.0.0","lockfileVersion":3,"requires":true,"packages":{"":{"name":"app","version":"1.0.0"}}}\n',
  'server.js': "import http from 'node:http';\nhttp.createServer((req, res) => res.end('ok')).listen(3000);\n",
  'go.mod': 'module example.com/app\n\ngo 1.26\n',
  'main.go': 'package main\n\nfunc main() {}\n',
};

const cases = goldenCases().filter((c) => /^(presets|examples)\/(node|go)-/.test(c.dir));

describe.each(cases.map((c) => [c.dir, c] as const))('lint %s', (dir, c) => {
  test('the generated files have no finding at any severity', async () => {
    const root = mkdtempSync(join(tmpdir(), 'slipway-lint-clean-'));
    try {
      if (dir.startsWith('examples/')) cpSync(join(EXAMPLES, dir.slice('examples/'.length)), root, { recursive: true });
      else {
        for (const [file, text] of Object.entries(STUBS)) writeFileSync(join(root, file), text);
        writeFileSync(join(root, 'slipway.yaml'), c.descriptor);
      }
      for (const f of await generate(caseProject(c))) writeFileSync(join(root, f.path), f.content);
      const io = captureIo();
      const status = await runCli(['lint', '--cwd', root, '--format', 'json', '--failure-threshold', 'none', '--no-config'], io);
      const findings = (JSON.parse(io.stdout) as { file: string; line: number; ruleId: string; message: string }[]).map(
        (f) => `${f.file.replace(root, '.')}:${f.line} ${f.ruleId}: ${f.message}`,
      );
      expect(findings).toEqual([]);
      expect(status).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
