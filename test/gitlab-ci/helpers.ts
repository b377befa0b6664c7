/** Run gitlab-ci parsing and rules on text, for tests. */
import type { Finding } from '../../src/lint/engine/types.js';
import { buildModel } from '../../src/lint/gitlab-ci/model/build.js';
import type { GitlabCiDoc } from '../../src/lint/gitlab-ci/model/types.js';
import { lintGitlabCi, memoryEnv } from '../../src/lint/gitlab-ci/run.js';

export interface LintInput {
  /** Other files of the repository, for `include: local`. */
  files?: Record<string, string>;
  /** Only these rule ids (without the `gitlab-ci/` prefix is fine). */
  only?: string[];
  path?: string;
}

export function lint(code: string, input: LintInput = {}): Finding[] {
  const only = input.only?.map((id) => (id.includes('/') ? id : `gitlab-ci/${id}`));
  return lintGitlabCi({ path: input.path ?? '.gitlab-ci.yml', text: code, kind: 'gitlab-ci' }, memoryEnv(input.files ?? {}), only ? { only } : {});
}

/** `[file:]line:column message` of the findings of some rules. */
export function messages(code: string, only: string[], files?: Record<string, string>, path?: string): string[] {
  return lint(code, { only, ...(files ? { files } : {}), ...(path ? { path } : {}) }).map(
    (f) => `${f.file === '.gitlab-ci.yml' ? '' : `${f.file}:`}${f.line}:${f.column} ${f.message}`,
  );
}

/** `[file:]line:column rule` lines, the shape most assertions compare. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.file === '.gitlab-ci.yml' ? '' : `${f.file}:`}${f.line}:${f.column} ${f.ruleId.replace('gitlab-ci/', '')}`);
}

export function model(code: string, files: Record<string, string> = {}, path = '.gitlab-ci.yml'): GitlabCiDoc {
  const result = buildModel({ path, text: code, kind: 'gitlab-ci' }, memoryEnv(files));
  if (!result.doc) throw new Error(`did not parse: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.doc;
}

/** 1-based line:column of an offset in a text. */
export function pos(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}
