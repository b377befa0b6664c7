import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { planWrite, writeGenerated, type GeneratedFile } from '../../src/generate/index.js';
import { unifiedDiff } from '../../src/generate/write.js';
import { withHeader } from '../../src/generate/header.js';
import { InputError } from '../../src/cli/errors.js';

const info = { descriptorPath: 'slipway.yaml' };
const gen = (path: string, body: string): GeneratedFile => ({ path, kind: 'makefile', content: withHeader(body, info) });

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'slipway-write-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const read = (p: string) => readFileSync(join(root, p), 'utf8');
const actions = (r: { files: { path: string; action: string }[] }) => Object.fromEntries(r.files.map((f) => [f.path, f.action]));

describe('writeGenerated', () => {
  test('creates missing files, then a second run changes nothing', () => {
    const files = [gen('Makefile', 'all:\n'), gen('tox.ini', '[tox]\n')];
    const first = writeGenerated(files, { root });
    expect(actions(first)).toEqual({ Makefile: 'create', 'tox.ini': 'create' });
    expect(read('Makefile')).toBe(files[0]!.content);
    const mtime = statSync(join(root, 'Makefile')).mtimeMs;
    const second = writeGenerated(files, { root });
    expect(actions(second)).toEqual({ Makefile: 'unchanged', 'tox.ini': 'unchanged' });
    expect(second.written).toEqual([]);
    expect(statSync(join(root, 'Makefile')).mtimeMs).toBe(mtime);
  });

  test('updates a stale file slipway wrote and nobody edited', () => {
    writeGenerated([gen('Makefile', 'old:\n')], { root });
    const report = writeGenerated([gen('Makefile', 'new:\n')], { root });
    expect(actions(report)).toEqual({ Makefile: 'update' });
    expect(read('Makefile')).toContain('new:');
  });

  test('refuses a hand-edited file and then writes nothing at all; --force overwrites', () => {
    writeGenerated([gen('Makefile', 'a:\n'), gen('tox.ini', '[tox]\n')], { root });
    writeFileSync(join(root, 'Makefile'), `${read('Makefile')}# my edit\n`);
    const files = [gen('Makefile', 'b:\n'), gen('tox.ini', '[tox]\nenvlist = py312\n')];
    const refused = writeGenerated(files, { root });
    expect(refused.refused).toBe(true);
    expect(refused.files.find((f) => f.path === 'Makefile')).toMatchObject({ state: 'edited', action: 'refused' });
    expect(refused.written).toEqual([]);
    expect(read('Makefile')).toContain('# my edit');
    expect(read('tox.ini')).not.toContain('envlist'); // the other file was not written either
    const forced = writeGenerated(files, { root, force: true });
    expect(forced.written.sort()).toEqual(['Makefile', 'tox.ini']);
    expect(read('Makefile')).not.toContain('# my edit');
  });

  test('refuses a file slipway did not write (no digest) unless forced', () => {
    writeFileSync(join(root, 'Dockerfile'), 'FROM python:3.12\n');
    expect(planWrite([gen('Dockerfile', 'FROM scratch\n')], { root })[0]).toMatchObject({ state: 'foreign', action: 'refused' });
    expect(planWrite([gen('Dockerfile', 'FROM scratch\n')], { root, force: true })[0]).toMatchObject({ state: 'foreign', action: 'update' });
  });

  test('dry run plans but writes nothing', () => {
    const report = writeGenerated([gen('Makefile', 'a:\n')], { root, dryRun: true });
    expect(actions(report)).toEqual({ Makefile: 'create' });
    expect(report.written).toEqual([]);
    expect(existsSync(join(root, 'Makefile'))).toBe(false);
  });

  test('creates a missing output directory', () => {
    const out = join(root, 'deep', 'out');
    writeGenerated([gen('Makefile', 'a:\n')], { root: out });
    expect(readFileSync(join(out, 'Makefile'), 'utf8')).toContain('a:');
  });

  test('an exception before the rename leaves the old file intact and no temporary file behind', () => {
    writeGenerated([gen('Makefile', 'old:\n')], { root });
    const before = read('Makefile');
    expect(() =>
      writeGenerated([gen('Makefile', 'new:\n')], {
        root,
        beforeRename: () => {
          throw new Error('power cut');
        },
      }),
    ).toThrow('power cut');
    expect(read('Makefile')).toBe(before);
    expect(readdirSync(root)).toEqual(['Makefile']);
  });

  test('unified diff from the file on disk to the new content', () => {
    writeGenerated([gen('Makefile', 'a:\n\techo a\n')], { root });
    const [plan] = planWrite([gen('Makefile', 'a:\n\techo b\n')], { root });
    const diff = unifiedDiff(plan!);
    expect(diff).toMatch(/^--- a\/Makefile\n\+\+\+ b\/Makefile\n/);
    expect(diff).toContain('-\techo a');
    expect(diff).toContain('+\techo b');
  });
});

describe('obsolete files (generated before, not any more)', () => {
  test('an unedited one is deleted; an edited one is refused unless forced; a foreign one is left alone', () => {
    writeGenerated([gen('Makefile', 'a:\n'), gen('Dockerfile.base', 'FROM scratch\n')], { root });
    const plan = planWrite([gen('Makefile', 'a:\n')], { root, obsolete: ['Dockerfile.base', 'tox.ini'] });
    expect(actions({ files: plan })).toEqual({ Makefile: 'unchanged', 'Dockerfile.base': 'delete' });
    writeFileSync(join(root, 'Dockerfile.base'), `${read('Dockerfile.base')}RUN mine\n`);
    const refused = writeGenerated([gen('Makefile', 'a:\n')], { root, obsolete: ['Dockerfile.base'] });
    expect(refused.files.find((f) => f.path === 'Dockerfile.base')).toMatchObject({ state: 'obsolete', action: 'refused' });
    expect(existsSync(join(root, 'Dockerfile.base'))).toBe(true);
    writeGenerated([gen('Makefile', 'a:\n')], { root, obsolete: ['Dockerfile.base'], force: true });
    expect(existsSync(join(root, 'Dockerfile.base'))).toBe(false);
    writeFileSync(join(root, 'Dockerfile.base'), 'FROM mine\n');
    expect(writeGenerated([gen('Makefile', 'a:\n')], { root, obsolete: ['Dockerfile.base'], force: true }).written).toEqual([]);
    expect(read('Dockerfile.base')).toBe('FROM mine\n');
  });
});

describe('paths never escape the output directory', () => {
  test.each(['../Makefile', '/etc/passwd', 'a/../../b', '', 'a//b', './Makefile', 'C:\\x'])('%j is refused as bad input', (path) => {
    expect(() => writeGenerated([{ path, kind: 'makefile', content: 'x' }], { root })).toThrow(InputError);
  });

  test('a symbolic link pointing outside is refused, even with --force', () => {
    const outside = mkdtempSync(join(tmpdir(), 'slipway-outside-'));
    try {
      writeFileSync(join(outside, 'target'), 'precious\n');
      symlinkSync(join(outside, 'target'), join(root, 'Makefile'));
      const report = writeGenerated([gen('Makefile', 'a:\n')], { root, force: true });
      expect(report.files[0]).toMatchObject({ state: 'unsafe', action: 'refused' });
      expect(report.files[0]!.reason).toMatch(/outside/);
      expect(readFileSync(join(outside, 'target'), 'utf8')).toBe('precious\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('a directory on the way that links outside is refused', () => {
    const outside = mkdtempSync(join(tmpdir(), 'slipway-outside-'));
    try {
      symlinkSync(outside, join(root, 'ci'));
      const report = writeGenerated([gen('ci/Makefile', 'a:\n')], { root, force: true });
      expect(report.files[0]).toMatchObject({ state: 'unsafe', action: 'refused' });
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('a symbolic link inside the directory is refused too (slipway writes regular files only)', () => {
    writeFileSync(join(root, 'real'), 'x\n');
    symlinkSync(join(root, 'real'), join(root, 'Makefile'));
    expect(planWrite([gen('Makefile', 'a:\n')], { root })[0]).toMatchObject({ state: 'unsafe', action: 'refused' });
  });

  test('a directory where a file should be is refused', () => {
    mkdirSync(join(root, 'Makefile'));
    expect(planWrite([gen('Makefile', 'a:\n')], { root })[0]).toMatchObject({ state: 'unsafe', reason: 'not a regular file' });
  });
});
