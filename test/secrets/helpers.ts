import type { AnyFileDoc, FileKind, Report, Rule, SecretHit, SourceFile } from '../../src/lint/engine/types.js';
import { scanSecrets } from '../../src/lint/secrets/scan.js';

/** The kind of the few file names the tests and the rules' examples use. */
export function kindOf(filename: string): FileKind {
  if (/gitlab-ci\.ya?ml$/.test(filename)) return 'gitlab-ci';
  if (/^(Dockerfile|Containerfile)/.test(filename)) return 'dockerfile';
  if (/^(Makefile|GNUmakefile|makefile)$|\.mk$/.test(filename)) return 'makefile';
  if (filename === 'tox.ini') return 'tox';
  if (/^slipway\.ya?ml$/.test(filename)) return 'descriptor';
  return 'project';
}

export function sourceFile(text: string, filename = '.gitlab-ci.yml'): SourceFile {
  return { path: filename, text, kind: kindOf(filename) };
}

/** Runs one `any` rule as the engine does: scan once, then check with the hits as the document. */
export async function runRule(rule: Rule<AnyFileDoc>, text: string, filename = '.gitlab-ci.yml'): Promise<Report[]> {
  const file = sourceFile(text, filename);
  const secrets = await scanSecrets(file);
  const reports: Report[] = [];
  rule.check({ doc: { secrets }, file, options: {}, report: (r) => reports.push(r) });
  return reports;
}

/** The secret values of hits, to check that no output contains one. */
export function valuesOf(text: string, hits: readonly SecretHit[]): string[] {
  return hits.map((h) => text.slice(h.span.start, h.span.end));
}

/** `[detector, exact value]` pairs, for assertions on what was found where. */
export function found(text: string, hits: readonly SecretHit[]): [string, string][] {
  return hits.map((h) => [h.detector, text.slice(h.span.start, h.span.end)]);
}
