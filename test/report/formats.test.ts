import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv04Module from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import { describe, expect, test } from 'vitest';
import { FORMATS, FORMAT_NAMES } from '../../src/report/formats/index.js';
import { FINDINGS, SOURCES, sampleContext } from './sample.js';

const ctx = sampleContext();
const render = (name: keyof typeof FORMATS, findings = FINDINGS, context = ctx) => FORMATS[name].format(findings, context);

describe('every format', () => {
  test.each(FORMAT_NAMES)('%s output for the shared findings', (name) => {
    expect(render(name)).toMatchSnapshot();
  });
});

describe('stylish', () => {
  test('groups by file, shows file:line:col, severity, message, rule id, the line and a marker as wide as the finding', () => {
    const out = render('stylish');
    expect(out).toContain(
      'Dockerfile\n' +
        '  Dockerfile:1:6  warning  Pin the base image "debian" to a tag  dockerfile/pin-base (DL3006)\n' +
        '    1 | FROM debian\n' +
        '      |      ^~~~~~\n',
    );
    expect(out.endsWith('✖ 4 problems (1 error, 1 warning, 1 info, 1 style)\n')).toBe(true);
  });

  test('the marker keeps tabs so that it lines up; a finding spanning lines is marked to the end of its first line', () => {
    const out = render('stylish');
    expect(out).toContain(`    3 | \tRUN apt-get install curl\n      | \t    ^${'~'.repeat(19)}\n`);
    expect(out).toContain('    1 | job:\n      | ^~~~\n');
  });

  test('colour only when asked; nothing at all without findings; singular counts', () => {
    expect(render('stylish')).not.toMatch(/\u001b\[/);
    expect(render('stylish', FINDINGS, sampleContext({ color: true }))).toMatch(/\u001b\[31merror/);
    expect(render('stylish', [])).toBe('');
    expect(render('stylish', [FINDINGS[1]!])).toMatch(/✖ 1 problem \(1 error, 0 warnings, 0 info, 0 style\)\n$/);
  });

  test('without the source text the finding is still printed, without a frame', () => {
    const out = render('stylish', FINDINGS, sampleContext({ source: () => undefined }));
    expect(out).toContain('  Dockerfile:1:6  warning');
    expect(out).not.toContain(' | ');
  });
});

describe('json', () => {
  test('a stable array with every key present in the documented order', () => {
    const parsed = JSON.parse(render('json')) as Record<string, unknown>[];
    expect(parsed).toHaveLength(4);
    for (const item of parsed) {
      expect(Object.keys(item)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message', 'aliases', 'fix']);
    }
    expect(parsed[0]!.fix).toEqual([{ range: [11, 11], text: ':12' }]);
    expect(parsed[1]!.fix).toBeNull();
  });
});

describe('sarif', () => {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // ajv-draft-04 is CommonJS: under NodeNext its default export is the module object.
  const Ajv04 = (Ajv04Module as unknown as { default: new (options: object) => { compile(schema: object): ValidateFunction } }).default;
  const validate = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

  test('is valid against the SARIF 2.1.0 JSON schema, with and without results', () => {
    for (const findings of [FINDINGS, []]) {
      const log = JSON.parse(render('sarif', findings)) as unknown;
      const ok = validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  test('the schema check can fail: a result without a message is rejected', () => {
    const log = JSON.parse(render('sarif')) as { runs: { results: Record<string, unknown>[] }[] };
    delete log.runs[0]!.results[0]!.message;
    expect(validate(log)).toBe(false);
  });

  test('carries rule metadata, levels, regions and fixes', () => {
    const log = JSON.parse(render('sarif')) as {
      runs: { tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } }; results: Record<string, unknown>[] }[];
    };
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('slipway');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['dockerfile/apt-y', 'dockerfile/pin-base', 'gitlab-ci/quote', 'gitlab-ci/style']);
    expect(run.tool.driver.rules[1]!.help.text).toBe('How to fix dockerfile/pin-base.');
    expect(run.results.map((r) => r.level)).toEqual(['warning', 'error', 'note', 'note']);
    expect(run.results[0]).toMatchObject({
      ruleId: 'dockerfile/pin-base',
      ruleIndex: 1,
      locations: [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile' }, region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 12 } } }],
      fixes: [{ artifactChanges: [{ replacements: [{ deletedRegion: { charOffset: 11, charLength: 0 }, insertedContent: { text: ':12' } }] }] }],
    });
  });
});

describe('gitlab (Code Quality)', () => {
  type Entry = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } };
  const parse = (s: string) => JSON.parse(s) as Entry[];

  test('entries with check name, severity mapping and paths from the repository root', () => {
    const entries = parse(render('gitlab', FINDINGS, sampleContext({ repoPath: (p) => `svc/${p}` })));
    expect(entries.map((e) => [e.check_name, e.severity, e.location.path, e.location.lines.begin])).toEqual([
      ['dockerfile/pin-base', 'major', 'svc/Dockerfile', 1],
      ['dockerfile/apt-y', 'blocker', 'svc/Dockerfile', 3],
      ['gitlab-ci/style', 'minor', 'svc/ci/.gitlab-ci.yml', 1],
      ['gitlab-ci/quote', 'info', 'svc/ci/.gitlab-ci.yml', 2],
    ]);
    expect(entries[0]!.description).toBe('Pin the base image "debian" to a tag [dockerfile/pin-base]');
  });

  test('fingerprints are stable across runs and when lines are added above; equal findings get distinct ones', () => {
    const first = parse(render('gitlab'));
    expect(parse(render('gitlab')).map((e) => e.fingerprint)).toEqual(first.map((e) => e.fingerprint));
    const shifted: Record<string, string> = { ...SOURCES, Dockerfile: `# a new comment\n\n${SOURCES.Dockerfile}` };
    const moved = FINDINGS.map((f) => (f.file === 'Dockerfile' ? { ...f, line: f.line + 2, endLine: f.endLine + 2 } : f));
    const after = parse(render('gitlab', moved, sampleContext({ source: (p) => shifted[p] })));
    expect(after.map((e) => e.fingerprint)).toEqual(first.map((e) => e.fingerprint));
    const twice = parse(render('gitlab', [FINDINGS[0]!, FINDINGS[0]!]));
    expect(new Set(twice.map((e) => e.fingerprint)).size).toBe(2);
    expect(new Set(first.map((e) => e.fingerprint)).size).toBe(4);
    for (const e of first) expect(e.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('checkstyle and junit', () => {
  test('escape XML and list clean files too', () => {
    const cs = render('checkstyle');
    expect(cs).toContain('<file name="Makefile"/>');
    expect(cs).toContain('message="Message with &quot;quotes&quot;, &lt;angle&gt; &amp; ampersand, 100%, a:b,c&#10;second line" source="gitlab-ci/quote"');
    const ju = render('junit');
    expect(ju).toContain('<testsuites name="slipway lint" tests="5" failures="4" errors="0">');
    expect(ju).toContain('<testsuite name="Makefile" tests="1" failures="0" errors="0">\n    <testcase name="slipway lint" classname="Makefile"/>');
    expect(ju).toContain('<failure type="error" message="apt-get install without -y waits for an answer">Dockerfile:3:6: error:');
  });
});

describe('github', () => {
  test('workflow commands with escaped properties and data', () => {
    const lines = render('github').trimEnd().split('\n');
    expect(lines[0]).toBe('::warning file=Dockerfile,line=1,col=6,endLine=1,endColumn=12,title=dockerfile/pin-base::Pin the base image "debian" to a tag');
    expect(lines[3]).toBe(
      '::notice file=ci/.gitlab-ci.yml,line=2,col=11,endLine=2,endColumn=27,title=gitlab-ci/quote::Message with "quotes", <angle> & ampersand, 100%25, a:b,c%0Asecond line',
    );
  });
});
