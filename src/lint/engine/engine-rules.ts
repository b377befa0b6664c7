import {
  INTERNAL_ERROR_RULE,
  INVALID_SUPPRESSION_RULE,
  PARSE_ERROR_RULE,
  UNUSED_SUPPRESSION_RULE,
  type RuleMeta,
  type Severity,
} from './types.js';

/**
 * What report formats, `slipway rules`/`explain` and docs need to know about any rule id a
 * finding can carry: the real rules' metadata and the engine's own pseudo-rules.
 */
export type RuleInfo = Pick<
  RuleMeta,
  'id' | 'severity' | 'description' | 'rationale' | 'howToFix' | 'fixable' | 'aliases'
> & { kind: RuleMeta['kind'] | 'engine' };

/** Findings the engine itself produces; they are not rules with examples. */
export const ENGINE_RULES: readonly (RuleInfo & { configurable: boolean })[] = [
  {
    id: PARSE_ERROR_RULE,
    kind: 'engine',
    severity: 'error',
    description: 'The file could not be parsed; its rules did not run.',
    rationale:
      'A file slipway cannot parse is one the tool that reads it (docker build, GitLab, make, tox) will most likely reject too. ' +
      'The exit status is 2 whatever the failure threshold, and the other files are still linted.',
    howToFix: 'Correct the syntax at the reported position.',
    fixable: false,
    aliases: ['DL1000'],
    configurable: false,
  },
  {
    id: INTERNAL_ERROR_RULE,
    kind: 'engine',
    severity: 'error',
    description: 'A rule or parser crashed on this file (a bug in slipway).',
    rationale:
      'A crash must not hide the other findings nor print a stack trace; it is reported like a finding and the exit status is 2.',
    howToFix:
      'Report the file and the slipway version; meanwhile turn the named rule off in the lint configuration. SLIPWAY_DEBUG=1 adds the stack trace to the message.',
    fixable: false,
    aliases: [],
    configurable: false,
  },
  {
    id: UNUSED_SUPPRESSION_RULE,
    kind: 'engine',
    severity: 'info',
    description: 'An inline suppression comment suppressed no finding.',
    rationale:
      'A stale `# slipway-ignore` (or `# hadolint ignore=`) hides the next real problem of that rule at that place; remove it once the code is fixed.',
    howToFix: 'Delete the rule name from the comment, or the whole comment when it names no other rule.',
    fixable: false,
    aliases: [],
    configurable: true,
  },
  {
    id: INVALID_SUPPRESSION_RULE,
    kind: 'engine',
    severity: 'warning',
    description: 'An inline suppression comment names no rule or a rule slipway does not know.',
    rationale: 'A misspelt rule name suppresses nothing, so the finding it was meant to silence is still reported.',
    howToFix: 'Name rules by id (`dockerfile/...`), alias (`DL3008`) or glob (`dockerfile/*`); `slipway rules` lists them.',
    fixable: false,
    aliases: [],
    configurable: true,
  },
];

export const ENGINE_RULE_IDS: ReadonlySet<string> = new Set(ENGINE_RULES.map((r) => r.id));

export function engineRule(id: string): (RuleInfo & { configurable: boolean }) | undefined {
  return ENGINE_RULES.find((r) => r.id === id);
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, style: 0 };
