/**
 * The contract between the lint engine, the rules and the report formats.
 *
 * Data flows one way: source text → parsed document (per file kind) → rules → findings →
 * suppressions and configuration → report. Rules never write files and never print.
 */

/** Severity of a finding, from most to least severe. */
export type Severity = 'error' | 'warning' | 'info' | 'style';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

/** The kinds of file slipway lints. `project` is the pseudo-kind of cross-file rules. */
export type FileKind = 'dockerfile' | 'gitlab-ci' | 'makefile' | 'tox' | 'descriptor' | 'project';

export const FILE_KINDS: readonly FileKind[] = ['dockerfile', 'gitlab-ci', 'makefile', 'tox', 'descriptor', 'project'];

/**
 * What a rule checks: one file kind, or `any` for rules that read every file's raw text
 * whatever its kind (the secret rules in src/lint/secrets/), whose document is an `AnyFileDoc`.
 */
export type RuleKind = FileKind | 'any';

/** A secret-looking value found in a file's text (computed once per file by the engine). */
export interface SecretHit {
  /** Detector id, e.g. `gitlab-pat`, `aws-secret-access-key`, `private-key`, `url-password`. */
  detector: string;
  /** Human name of what was found, e.g. "GitLab personal access token". */
  what: string;
  /** Span of the secret value itself (what a fix or a mask covers). */
  span: Span;
  /** The value with all but 4 characters masked; the only form that may be printed. */
  masked: string;
}

/** The document of an `any` rule: the raw file plus the secret hits the engine scanned for. */
export interface AnyFileDoc {
  secrets: readonly SecretHit[];
}

/** A half-open range of UTF-16 offsets into a file's text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** A text edit on the original file, applied by the engine (never by the rule). */
export interface Fix {
  /** Offsets into the original text, [start, end). An insertion has start === end. */
  range: [number, number];
  text: string;
}

/**
 * One problem found in one file. Lines and columns are 1-based; columns count UTF-16 code units.
 * `endLine`/`endColumn` point just past the last character of the region (exclusive end, as in
 * SARIF and ESLint): a one-character token at column 5 has `endColumn` 6.
 */
export interface Finding {
  /** Path as given on the command line or relative to the lint root, with `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: Severity;
  message: string;
  /** Equivalent codes of other tools (hadolint DLxxxx) for the rule. */
  aliases: string[];
  /** Edits that repair the problem, when the rule is fixable and the repair is safe. */
  fix?: Fix[];
}

/** A parsed file as it comes into the engine. */
export interface SourceFile {
  /** Report path (relative, `/` separators). */
  path: string;
  /** Absolute path on disk, or undefined for stdin / in-memory text. */
  absPath?: string;
  text: string;
  kind: FileKind;
}

/** A single example snippet of a rule, used by tests, `slipway explain` and docs/rules.md. */
export interface RuleExample {
  /** The file content. */
  code: string;
  /** Optional file name, when the rule depends on it (e.g. `Dockerfile.base`). */
  filename?: string;
  /** Other files present beside it (cross-file rules), path → content. */
  files?: Record<string, string>;
  /** Rule options for this example (e.g. trusted registries). */
  options?: RuleOptions;
  /** For a fixable rule's bad example: the text after `--fix`. */
  output?: string;
  /** One line saying what the example shows. */
  note?: string;
}

/** Settings some rules read (from `lint:` configuration or `.hadolint.yaml`). */
export interface RuleOptions {
  /** Registries base images may come from (enables dockerfile/trusted-registry). */
  trustedRegistries?: string[];
  /** Label name → type (text|url|semver|hash|rfc3339|spdx|email); enables the label-schema rules. */
  labelSchema?: Record<string, string>;
  /** Report labels that are not in labelSchema. */
  strictLabels?: boolean;
}

export interface RuleMeta {
  /** `<kind>/<kebab-name>`; the rule's file name is the kebab part. */
  id: string;
  kind: RuleKind;
  severity: Severity;
  /** One sentence: what the rule reports. */
  description: string;
  /** Why it matters, and where slipway differs from hadolint or other peers. */
  rationale: string;
  /** How to repair it by hand (shown by `slipway explain`). */
  howToFix: string;
  fixable: boolean;
  /** Equivalent codes in other tools; only where the behaviour is the same on the bad examples. */
  aliases: string[];
  /** When true, the rule only runs when configuration enables it (e.g. trusted registries). */
  needsConfig?: boolean;
  examples: {
    bad: RuleExample[];
    good: RuleExample[];
  };
}

/** What a rule hands to `report`. Give a span (offsets) or explicit 1-based positions. */
export interface Report {
  message: string;
  span?: Span;
  /** Overrides span; 1-based. */
  loc?: { line: number; column: number; endLine?: number; endColumn?: number };
  /** For findings in another file than the one being checked (includes, cross-file rules). */
  file?: SourceFile;
  fix?: Fix | Fix[];
  /**
   * Offsets of secret values in the reported file. Any source text a report format shows
   * (code frames, snippets) masks them; the message itself must already be masked (use
   * `maskSecret` from src/lint/engine/mask-secret.ts).
   */
  secrets?: Span[];
}

export interface RuleContext<Doc> {
  /** The parsed document of the file being checked. */
  doc: Doc;
  file: SourceFile;
  options: RuleOptions;
  report(report: Report): void;
}

export interface Rule<Doc = unknown> {
  meta: RuleMeta;
  /**
   * Reports through `ctx.report`. Only cross-file (`project`) rules may return a promise (the
   * engine awaits them, e.g. to regenerate files); rules of a file kind are synchronous.
   */
  check(ctx: RuleContext<Doc>): void | Promise<void>;
}

/** Define a rule with its document type checked. */
export function defineRule<Doc>(rule: Rule<Doc>): Rule<Doc> {
  return rule;
}

/** A file that could not be parsed is reported as a finding of this pseudo-rule (exit status 2). */
export const PARSE_ERROR_RULE = 'parse-error';
/** An inline suppression that suppressed nothing. */
export const UNUSED_SUPPRESSION_RULE = 'unused-suppression';
/** An inline suppression that names no rule or an unknown rule. */
export const INVALID_SUPPRESSION_RULE = 'invalid-suppression';
/** A rule or parser that crashed (a bug in slipway): exit status 2, never a stack trace. */
export const INTERNAL_ERROR_RULE = 'internal-error';
