import { defineRule } from '../../engine/types.js';
import type { Span } from '../../engine/types.js';
import { isToxSection, settingOf, type ToxDoc } from '../model.js';
import { EOL_TABLE_CHECKED_ON, endOfLife, parsePythonVersion } from '../python-versions.js';

export default defineRule<ToxDoc>({
  meta: {
    id: 'tox/eol-python',
    kind: 'tox',
    severity: 'warning',
    description: 'envlist or basepython names a Python that is past its end of life.',
    rationale:
      `An end-of-life Python gets no security fixes, CI images and installers drop it, and tests on it keep code ` +
      `paths alive that no user runs. slipway keeps a dated table (checked ${EOL_TABLE_CHECKED_ON}): CPython 2.7 and ` +
      '3.0–3.9 are past their end, 3.10 since 2026-10; PyPy lines end when PyPy stops shipping them (3.10 with ' +
      '7.3.20). Results depend on the table, not on the day the linter runs.',
    howToFix: 'Remove the version from `envlist` (and from CI matrices and `python_requires`), or move to a supported one.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '[tox]\nenvlist = py{38,311,312}\n', note: 'Reported at `38`.' },
        { code: '[tox]\nenvlist = lint\n\n[testenv:lint]\nbasepython = python3.9\ncommands = ruff check .\n' },
      ],
      good: [
        { code: '[tox]\nenvlist = py{311,312,313}, pypy3\n' },
        { code: '[tox]\nenvlist = 3.12, 3.13, lint\n\n[testenv:lint]\nbasepython = python3.12\n' },
      ],
    },
  },
  check(ctx) {
    const reported = new Set<string>();
    const report = (text: string, span: Span, where: string) => {
      const version = parsePythonVersion(text);
      const eol = version && endOfLife(version);
      if (!eol || reported.has(`${span.start}:${text}`)) return;
      reported.add(`${span.start}:${text}`);
      ctx.report({
        message: `\`${text}\` ${where} is ${eol.label}, end of life since ${eol.since}: no more security fixes; drop it or move to a supported Python`,
        span,
      });
    };
    for (const env of ctx.doc.envs) for (const f of env.factors) report(f.name, f.span, 'in envlist');
    for (const section of ctx.doc.sections) {
      if (!isToxSection(section)) continue;
      for (const line of settingOf(section, 'basepython', 'base_python')?.lines ?? []) {
        for (const word of line.content.split(/\s+/).filter(Boolean)) {
          const at = line.contentSpan.start + line.content.indexOf(word);
          report(word, { start: at, end: at + word.length }, 'in basepython');
        }
      }
    }
  },
});
