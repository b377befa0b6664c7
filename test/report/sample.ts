import type { Finding } from '../../src/lint/engine/types.js';
import { compareFindings } from '../../src/lint/engine/findings.js';
import { plainContext, type FormatContext } from '../../src/report/context.js';
import type { RuleInfo } from '../../src/lint/engine/engine-rules.js';

/** One shared set of findings over two files, used by every format test. */
export const SOURCES: Record<string, string> = {
  Dockerfile: 'FROM debian\nRUN apt-get update\n\tRUN apt-get install curl\n',
  'ci/.gitlab-ci.yml': 'job:\n  script: echo "a<b & c>d"\n',
};

const UNSORTED: Finding[] = [
  {
    file: 'Dockerfile',
    line: 1,
    column: 6,
    endLine: 1,
    endColumn: 12,
    ruleId: 'dockerfile/pin-base',
    severity: 'warning',
    message: 'Pin the base image "debian" to a tag',
    aliases: ['DL3006'],
    fix: [{ range: [11, 11], text: ':12' }],
  },
  {
    file: 'Dockerfile',
    line: 3,
    column: 6,
    endLine: 3,
    endColumn: 26,
    ruleId: 'dockerfile/apt-y',
    severity: 'error',
    message: 'apt-get install without -y waits for an answer',
    aliases: [],
  },
  {
    file: 'ci/.gitlab-ci.yml',
    line: 2,
    column: 11,
    endLine: 2,
    endColumn: 27,
    ruleId: 'gitlab-ci/quote',
    severity: 'info',
    message: 'Message with "quotes", <angle> & ampersand, 100%, a:b,c\nsecond line',
    aliases: [],
  },
  {
    file: 'ci/.gitlab-ci.yml',
    line: 1,
    column: 1,
    endLine: 2,
    endColumn: 27,
    ruleId: 'gitlab-ci/style',
    severity: 'style',
    message: 'a style nit spanning lines',
    aliases: [],
  },
];

export const FINDINGS: Finding[] = [...UNSORTED].sort(compareFindings);

const RULES: Record<string, RuleInfo> = Object.fromEntries(
  ['dockerfile/pin-base', 'dockerfile/apt-y', 'gitlab-ci/quote', 'gitlab-ci/style'].map((id) => [
    id,
    {
      id,
      kind: id.startsWith('docker') ? 'dockerfile' : 'gitlab-ci',
      severity: 'warning',
      description: `Description of ${id}.`,
      rationale: `Rationale of ${id}.`,
      howToFix: `How to fix ${id}.`,
      fixable: id === 'dockerfile/pin-base',
      aliases: id === 'dockerfile/pin-base' ? ['DL3006'] : [],
    } satisfies RuleInfo,
  ]),
);

export function sampleContext(extra: Partial<FormatContext> = {}): FormatContext {
  return plainContext({
    rule: (id) => RULES[id],
    source: (p) => SOURCES[p],
    files: ['Dockerfile', 'Makefile', 'ci/.gitlab-ci.yml'],
    toolVersion: '1.2.3',
    ...extra,
  });
}
