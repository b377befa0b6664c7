import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { captureIo } from '../helpers/io.js';
import { fakeRegistry } from './fake-kinds.js';
import { tmpRepo } from './tmp-repo.js';

vi.mock('../../src/lint/kinds.js', async () => {
  const { fakeRegistry: make } = await import('./fake-kinds.js');
  const registry = make({ any: true });
  return { loadRegistry: async () => registry };
});

async function run(args: string[], stdin?: string) {
  const io = captureIo();
  if (stdin !== undefined) io.stdin = async () => stdin;
  const status = await runCli(args, io);
  return { status, out: io.stdout, err: io.stderr };
}

describe('slipway lint (CLI)', () => {
  test('stylish by default, exit 1 on a warning, no colour when not a terminal', async () => {
    const root = tmpRepo({ Dockerfile: 'ok\nfoo\n' });
    const { status, out, err } = await run(['lint', '--cwd', root]);
    expect(status).toBe(1);
    expect(err).toBe('');
    expect(out).toBe(
      'Dockerfile\n' +
        '  Dockerfile:2:1  warning  no foo here  dockerfile/no-foo (DL9001)\n' +
        '    2 | foo\n' +
        '      | ^~~\n' +
        '\n' +
        '✖ 1 problem (0 errors, 1 warning, 0 info, 0 style)\n',
    );
  });

  test('a clean repository prints nothing and exits 0', async () => {
    expect(await run(['lint', '--cwd', tmpRepo({ Dockerfile: 'ok\n' })])).toEqual({ status: 0, out: '', err: '' });
  });

  test('--format json, --rule, --ignore and --failure-threshold', async () => {
    const root = tmpRepo({ Dockerfile: 'foo TODO\n' });
    const json = await run(['lint', '--cwd', root, '-f', 'json', '--rule', 'DL9001=error', '--ignore', 'dockerfile/todo']);
    expect(json.status).toBe(1);
    expect((JSON.parse(json.out) as { ruleId: string; severity: string }[]).map((f) => `${f.ruleId}=${f.severity}`)).toEqual(['dockerfile/no-foo=error']);
    expect((await run(['lint', '--cwd', root, '-t', 'none'])).status).toBe(0);
    const bad = await run(['lint', '--cwd', root, '--rule', 'DL9001']);
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/^slipway: error: --rule DL9001: write RULE=SEVERITY/);
  });

  test('--output writes the report atomically and prints nothing', async () => {
    const root = tmpRepo({ Dockerfile: 'foo\n' });
    const { status, out } = await run(['lint', '--cwd', root, '-f', 'gitlab', '-o', 'reports/cq.json']);
    expect(status).toBe(1);
    expect(out).toBe('');
    const report = JSON.parse(readFileSync(join(root, 'reports/cq.json'), 'utf8')) as { check_name: string }[];
    expect(report.map((r) => r.check_name)).toEqual(['dockerfile/no-foo']);
  });

  test('configuration errors are file:line:col: error: lines with exit status 2', async () => {
    const root = tmpRepo({ '.slipway.yaml': 'rules:\n  dockerfile/nofoo: off\n', Dockerfile: 'ok\n' });
    const { status, err } = await run(['lint', '--cwd', root]);
    expect(status).toBe(2);
    expect(err).toBe('.slipway.yaml:2:3: error: unknown rule "dockerfile/nofoo"; did you mean "dockerfile/no-foo"?\n');
    expect((await run(['lint', '--cwd', root, '--no-config'])).status).toBe(0);
  });

  test('unreadable and unknown files are reported on stderr; the others are still linted; exit 2', async () => {
    const root = tmpRepo({ Dockerfile: 'foo\n', 'notes.txt': 'x\n' });
    const { status, out, err } = await run(['lint', '--cwd', root, '-f', 'json', 'missing/Dockerfile', 'notes.txt', 'Dockerfile']);
    expect(status).toBe(2);
    expect(err).toBe(
      'missing/Dockerfile: error: cannot read: no such file or directory\n' +
        `notes.txt: error: cannot tell what kind of file this is; slipway lints Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile, .gitlab-ci.yml, *.gitlab-ci.yml, Makefile, GNUmakefile, makefile, *.mk, tox.ini, slipway.yaml (give --kind to lint it anyway)\n`,
    );
    expect(JSON.parse(out)).toHaveLength(1);
  });

  test('- reads stdin, reported under --stdin-filename', async () => {
    const { status, out } = await run(['lint', '--cwd', tmpRepo({}), '-f', 'json', '--stdin-filename', 'app/Dockerfile', '-'], 'foo\n');
    expect(status).toBe(1);
    expect((JSON.parse(out) as { file: string }[])[0]!.file).toBe('app/Dockerfile');
  });

  test('a crashing rule is reported without a stack trace and exits 2', async () => {
    const { status, out } = await run(['lint', '--cwd', tmpRepo({ Dockerfile: 'CRASH\n' })]);
    expect(status).toBe(2);
    expect(out).toContain('internal-error');
    expect(out).not.toMatch(/\n\s+at /);
  });

  test('secrets are masked in messages and in the source line shown', async () => {
    const { out } = await run(['lint', '--cwd', tmpRepo({ Makefile: 'deploy:\n\tcurl -H tok_abcdefghijklmnopqrst\n' })]);
    expect(out).not.toContain('abcdefghijklmnopqrst');
    expect(out).toContain('a token tok_**** in plain text');
    expect(out).toContain(`\tcurl -H tok_${'*'.repeat(20)}\n`);
  });

  test('--color forces colour; NO_COLOR is honoured on a terminal', async () => {
    const root = tmpRepo({ Dockerfile: 'foo\n' });
    expect((await run(['lint', '--cwd', root, '--color'])).out).toMatch(/\u001b\[/);
    const io = captureIo();
    io.isTTY = true;
    const prev = process.env.NO_COLOR;
    process.env.NO_COLOR = '1';
    try {
      await runCli(['lint', '--cwd', root], io);
    } finally {
      if (prev === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = prev;
    }
    expect(io.stdout).toContain('dockerfile/no-foo');
    expect(io.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('slipway rules and explain (CLI)', () => {
  test('rules: a table, filtered by kind; json gives the metadata array', async () => {
    const table = await run(['rules', '--kind', 'dockerfile']);
    expect(table.status).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/^RULE\s+SEVERITY\s+FIX\s+ALIASES\s+DESCRIPTION$/);
    expect(table.out).toMatch(/^dockerfile\/no-foo\s+warning\s+yes\s+DL9001\s+Reports dockerfile\/no-foo\.$/m);
    expect(table.out).not.toContain('makefile/');
    expect(table.out.endsWith('4 rules\n')).toBe(true);
    const json = JSON.parse((await run(['rules', '-f', 'json'])).out) as { id: string; aliases: string[] }[];
    expect(json.map((m) => m.id)).toEqual(fakeRegistry({ any: true }).rules.map((r) => r.meta.id));
  });

  test('explain by id or alias shows why, bad and good examples with the fix, and how to fix', async () => {
    const byAlias = await run(['explain', 'dl9001']);
    expect(byAlias.status).toBe(0);
    expect(byAlias.out).toContain('dockerfile/no-foo (warning, fixable with --fix)\nAliases: DL9001\n');
    expect(byAlias.out).toContain('Bad:\n\n  foo\n  # after --fix:\n  bar\n');
    expect(byAlias.out).toContain('Good:\n\n  bar\n');
    expect(byAlias.out).toContain('How to fix:\n  Do not.\n');
    expect((await run(['explain', 'unused-suppression'])).out).toContain('unused-suppression (info)');
  });

  test('explain of an unknown rule suggests one and exits 2', async () => {
    const { status, err } = await run(['explain', 'dockerfile/no-fo']);
    expect(status).toBe(2);
    expect(err).toMatch(/^slipway: error: unknown rule "dockerfile\/no-fo"; did you mean "dockerfile\/no-foo"\?/);
  });
});

describe('slipway lint usage errors', () => {
  test('an unknown option is a usage error (exit 2); --stdin-filename needs -', async () => {
    const unknown = await run(['lint', '--formt', 'json']);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toMatch(/^slipway: error: Unknown argument: formt/);
    const stdin = await run(['lint', '--stdin-filename', 'Dockerfile']);
    expect(stdin.status).toBe(2);
    expect(stdin.err).toMatch(/^slipway: error: --stdin-filename needs - among the paths/);
  });
});
