/** What the injection tests share: the nasty values and the shape of the generated files. */
import { parse as parseYaml } from 'yaml';
import { expect } from 'vitest';
import type { Project } from '../../src/descriptor/model.js';
import { generate } from '../../src/generate/index.js';
import type { GeneratedFile } from '../../src/generate/index.js';
import { InputError } from '../../src/cli/errors.js';
import { dockerLogicalLines, iniSections, makeTargets } from './parse-helpers.js';

export const NASTY = [
  'a"b',
  "a'b",
  'a\nb',
  'a\r\nRUN evil',
  '$(touch /tmp/slipway-pwned)',
  '`touch /tmp/slipway-pwned`',
  '${HOME}',
  'key: value',
  'x #comment',
  'a && b',
  'a; b',
  '*',
  '&anchor *alias',
  '{{ name }}',
  '{{{ name }}}',
  'x\n  evil: 1',
  '- evil',
  "'; touch /tmp/slipway-pwned; '",
  'back\\slash',
  'trailing\\',
  '[1, 2]',
];

export interface Shape {
  yaml: unknown;
  docker: string[];
  make: unknown;
  tox: unknown;
  ignoreLines: number;
}

export function content(files: GeneratedFile[], path: string): string {
  return files.find((f) => f.path === path)?.content ?? '';
}

/** Everything that must not change when only a value changes: keys, jobs, commands, instructions. */
export function shape(files: GeneratedFile[]): Shape {
  const ci = parseYaml(content(files, '.gitlab-ci.yml')) as Record<string, Record<string, unknown>>;
  const jobs = Object.fromEntries(
    Object.entries(ci).map(([name, job]) => [
      name,
      typeof job === 'object' && job !== null && !Array.isArray(job)
        ? {
            keys: Object.keys(job).sort(),
            variables: Object.keys((job.variables as object | undefined) ?? {}).sort(),
            lines: ['before_script', 'script', 'after_script', 'rules'].map((k) => (job[k] as unknown[] | undefined)?.length ?? 0),
          }
        : Array.isArray(job)
          ? job.length
          : typeof job,
    ]),
  );
  const dockerfiles = files.filter((f) => f.kind === 'dockerfile');
  const docker = dockerfiles.flatMap((f) => dockerLogicalLines(f.content).map((l) => `${f.path}: ${l.split(' ')[0]}`));
  const makefile = content(files, 'Makefile');
  const make = {
    targets: [...makeTargets(makefile)].map(([t, r]) => [t, r.length]),
    variables: makefile.split('\n').filter((l) => /^[A-Z_]+ \?= /.test(l)).map((l) => l.split(' ')[0]),
  };
  const tox = [...iniSections(content(files, 'tox.ini'))].map(([s, kv]) => [s, [...kv].map(([k, v]) => [k, v.split('\n').length])]);
  const ignoreLines = content(files, '.dockerignore').split('\n').length;
  return { yaml: jobs, docker, make, tox, ignoreLines };
}

export function isRefusal(err: unknown): boolean {
  return err instanceof InputError;
}

/**
 * Generates `p`: a refusal passes; otherwise the files must have the shape of the benign ones and
 * `roundTrip` reads the value back. The benign project is the same field with a harmless value.
 */
export async function expectRefusedOrExact(p: Project, benignProject: Project, roundTrip?: (files: GeneratedFile[]) => void): Promise<void> {
  const benign = shape(await generate(benignProject));
  let files: GeneratedFile[];
  try {
    files = await generate(p);
  } catch (err) {
    expect(isRefusal(err), String(err)).toBe(true);
    return;
  }
  const got = shape(files);
  expect(got.yaml).toEqual(benign.yaml);
  expect(got.docker).toEqual(benign.docker);
  expect(got.make).toEqual(benign.make);
  expect(got.tox).toEqual(benign.tox);
  expect(got.ignoreLines).toBe(benign.ignoreLines);
  roundTrip?.(files);
}
