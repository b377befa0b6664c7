import type { SecretHit } from '../../engine/types.js';
import { lineStarts } from '../../../util/text.js';
import { secretHit } from '../hit.js';
import { whyNotASecret } from '../literal-value.js';
import { isSecretName, nameWords } from '../secret-name.js';

/**
 * Secret-named keys given a literal value, whatever the file's syntax — what pattern
 * scanners miss, because a password has no format:
 *
 *   `DB_PASSWORD: hunter2…` (YAML, CI `variables:`, JSON), `KEY=value` / `KEY = value` /
 *   `KEY := value` (env files, Makefile, tox `setenv`, INI), `ENV KEY value`, `ENV A=1 KEY=v`,
 *   `ARG KEY=value`, `export KEY=value`, `--build-arg KEY=value`, `-e KEY=value`,
 *   `--set db.password=value`, `"key": "value"` (JSON), GitLab's `KEY: { value: … }` form, and HTTP headers
 *   (`-H "PRIVATE-TOKEN: …"`, `Authorization: Bearer …`).
 *
 * The name must pass `isSecretName` and the value `whyNotASecret` (a literal, not a
 * reference or a placeholder). Command-line flags (`docker login -p …`, `--password …`)
 * belong to the CI and Dockerfile shell rules and are not read here.
 *
 * Scanning is line by line with anchored or bounded patterns; after an inline `KEY=value`
 * the search resumes after the value, so `a=a=a=…` stays linear.
 */

/** `[- ][export|ENV|ARG|…] ["]KEY["] (=|:=|?=|+=|::=|!=|:) ` at the start of a line. */
const LINE_ASSIGNMENT =
  /^([ \t]*(?:-[ \t]+)?(?:(?:export|readonly|declare|local|set|setenv|override|env|arg)[ \t]+)?)(["']?)([A-Za-z_][A-Za-z0-9_.-]{0,127})\2[ \t]*(::=|:=|\?=|\+=|!=|=(?![=~])|:(?=[ \t]|$))[ \t]*/i;

/** Dockerfile `ENV KEY value` (the legacy one-pair form, no `=`). */
const DOCKERFILE_ENV_SPACE_FORM = /^[ \t]*ENV[ \t]+([A-Za-z_][A-Za-z0-9_.-]{0,127})[ \t]+(?=[^ \t=])/i;

/** `KEY=value` anywhere after a blank, a quote or a separator: `-e K=v`, `--build-arg K=v`, `--set a.k=v`. */
const INLINE_ASSIGNMENT = /(?<=^|[\s'"(;&|,])([A-Za-z_][A-Za-z0-9_.-]{0,127})=(?!=)/g;

/** `"key": "value"` anywhere (JSON, YAML flow mappings); the value must be quoted too. */
const QUOTED_PAIR = /(?<=^|[\s{,[])(["'])([A-Za-z_][A-Za-z0-9_.-]{0,127})\1[ \t]*:[ \t]*(?=["'])/g;

/** HTTP headers that carry a credential. */
const CREDENTIAL_HEADER =
  /(?<![A-Za-z0-9_-])(authorization|proxy-authorization|private-token|job-token|deploy-token|x-api-key|api-key|x-auth-token|x-access-token|x-gitlab-token)[ \t]*:[ \t]*(?:(?:bearer|basic|token)[ \t]+)?/gi;

/** Characters that end an unquoted shell word. */
const WORD_END = new Set([' ', '\t', '"', "'", '`', ';', '&', '|', ')', ',', '<', '>']);

interface Pending {
  name: string;
  indent: number;
}

export function findSecretNamedLiterals(text: string): SecretHit[] {
  const sink = new PairSink(text);
  const starts = lineStarts(text);
  let pending: Pending | undefined;
  for (let i = 0; i < starts.length; i++) {
    const lineStart = starts[i]!;
    const line = lineText(text, lineStart, starts[i + 1]);
    pending = scanLine(line, lineStart, pending, sink);
  }
  return sink.hits();
}

/** Names whose value identifies an account or a database: a password equal to one is the user name again. */
const IDENTITY_WORDS = new Set(['user', 'username', 'login', 'db', 'database', 'dbname', 'name', 'owner']);

/**
 * Variables that the official database and broker images read to initialise a fresh
 * instance: in CI they configure a service container that lives as long as the job, so a
 * plain word (`POSTGRES_PASSWORD: baserow`, `MYSQL_PASSWORD: tikipass`) is a throwaway
 * value, not a credential of anything that outlives the pipeline. A random-looking value
 * under these names is still reported.
 */
const SERVICE_CONTAINER_PASSWORDS = new Set([
  'POSTGRES_PASSWORD',
  'MYSQL_ROOT_PASSWORD',
  'MYSQL_PASSWORD',
  'MARIADB_ROOT_PASSWORD',
  'MARIADB_PASSWORD',
  'MONGO_INITDB_ROOT_PASSWORD',
  'RABBITMQ_DEFAULT_PASS',
  'MSSQL_SA_PASSWORD',
  'SA_PASSWORD',
  'MINIO_ROOT_PASSWORD',
  'ELASTIC_PASSWORD',
  'REDIS_PASSWORD',
]);

interface Candidate {
  name: string;
  start: number;
  end: number;
  what: string;
}

/** Collects every name/value pair of a file, then keeps the secret-named literals. */
class PairSink {
  private readonly candidates: Candidate[] = [];
  private readonly identities = new Set<string>();
  private readonly seen = new Set<number>();
  constructor(private readonly text: string) {}

  /** A `name = value` pair in any syntax. */
  pair(name: string, start: number, end: number): void {
    if (end <= start) return;
    if (isSecretName(name)) this.candidate({ name, start, end, what: `value of \`${name}\`` });
    else if (IDENTITY_WORDS.has(nameWords(name).at(-1) ?? '')) this.identities.add(this.text.slice(start, end).toLowerCase());
  }

  /** A credential HTTP header's value. */
  header(name: string, start: number, end: number): void {
    if (end > start) this.candidate({ name, start, end, what: `credential in the \`${name}\` header` });
  }

  hits(): SecretHit[] {
    const hits: SecretHit[] = [];
    for (const c of this.candidates.sort((a, b) => a.start - b.start)) {
      const value = this.text.slice(c.start, c.end);
      if (this.identities.has(value.toLowerCase())) continue;
      if (SERVICE_CONTAINER_PASSWORDS.has(c.name.toUpperCase()) && /^[A-Za-z]{1,16}[0-9]{0,4}$/.test(value)) continue;
      if (whyNotASecret(value, { nameWords: nameWords(c.name) }) !== undefined) continue;
      hits.push(secretHit(this.text, 'secret-named-literal', c.what, c.start, c.end));
    }
    return hits;
  }

  private candidate(c: Candidate): void {
    if (this.seen.has(c.start)) return;
    this.seen.add(c.start);
    this.candidates.push(c);
  }
}

function scanLine(line: string, offset: number, pending: Pending | undefined, sink: PairSink): Pending | undefined {
  const next = continuePending(line, offset, pending, sink);
  return scanPairs(line, offset, sink) ?? next;
}

/** Feeds every pair of a line to the sink; returns a new pending long-form key, if the line opens one. */
function scanPairs(line: string, offset: number, sink: PairSink): Pending | undefined {
  let opened: Pending | undefined;
  const hasEquals = line.includes('=');
  const hasColon = line.includes(':');
  if (!hasEquals && !hasColon && !/^[ \t]*ENV[ \t]/i.test(line)) return undefined;
  const assignment = LINE_ASSIGNMENT.exec(line);
  if (assignment) {
    const name = assignment[3]!;
    const operator = assignment[4]!;
    const value = operator === ':' ? restOfLine(line, assignment[0].length) : word(line, assignment[0].length);
    if (value) sink.pair(name, offset + value.start, offset + value.end);
    else if (operator === ':' && isSecretName(name)) opened = { name, indent: indentOf(line) };
  }

  const env = DOCKERFILE_ENV_SPACE_FORM.exec(line);
  if (env) {
    const value = restOfLine(line, env[0].length);
    if (value) sink.pair(env[1]!, offset + value.start, offset + value.end);
  }

  INLINE_ASSIGNMENT.lastIndex = hasEquals ? 0 : line.length;
  for (let m = INLINE_ASSIGNMENT.exec(line); m; m = INLINE_ASSIGNMENT.exec(line)) {
    const value = word(line, m.index + m[0].length);
    if (!value) continue;
    sink.pair(m[1]!, offset + value.start, offset + value.end);
    INLINE_ASSIGNMENT.lastIndex = Math.max(INLINE_ASSIGNMENT.lastIndex, value.end);
  }

  QUOTED_PAIR.lastIndex = hasColon ? 0 : line.length;
  for (let m = QUOTED_PAIR.exec(line); m; m = QUOTED_PAIR.exec(line)) {
    const value = quotedString(line, m.index + m[0].length);
    if (!value) continue;
    sink.pair(m[2]!, offset + value.start, offset + value.end);
    QUOTED_PAIR.lastIndex = Math.max(QUOTED_PAIR.lastIndex, value.end);
  }

  CREDENTIAL_HEADER.lastIndex = hasColon ? 0 : line.length;
  for (let m = CREDENTIAL_HEADER.exec(line); m; m = CREDENTIAL_HEADER.exec(line)) {
    const value = word(line, m.index + m[0].length);
    if (!value) continue;
    sink.header(m[1]!, offset + value.start, offset + value.end);
    CREDENTIAL_HEADER.lastIndex = Math.max(CREDENTIAL_HEADER.lastIndex, value.end);
  }
  return opened;
}

/**
 * GitLab's long form `NAME:` / `  value: "…"` / `  description: …`: the `value:` line
 * deeper than a secret-named key with an empty value belongs to that key.
 */
function continuePending(line: string, offset: number, pending: Pending | undefined, sink: PairSink): Pending | undefined {
  if (!pending) return undefined;
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.startsWith('#')) return pending;
  if (indentOf(line) <= pending.indent) return undefined;
  const m = /^[ \t]*value[ \t]*:(?=[ \t]|$)[ \t]*/.exec(line);
  if (m) {
    const value = restOfLine(line, m[0].length);
    if (value) sink.pair(pending.name, offset + value.start, offset + value.end);
  }
  return pending;
}

interface Range {
  start: number;
  end: number;
}

/** A quoted string's inside, or the unquoted value up to a ` #` comment / trailing ` \`. */
function restOfLine(line: string, from: number): Range | undefined {
  const quoted = quotedString(line, from);
  if (quoted) return nonEmpty(quoted);
  let end = line.length;
  const comment = line.indexOf(' #', from);
  if (comment >= 0) end = comment;
  while (end > from && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  if (end > from && line[end - 1] === '\\') end--;
  while (end > from && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return end > from ? { start: from, end } : undefined;
}

/** A quoted string's inside, or the unquoted shell word at `from`. */
function word(line: string, from: number): Range | undefined {
  const quoted = quotedString(line, from);
  if (quoted) return nonEmpty(quoted);
  let end = from;
  while (end < line.length && !WORD_END.has(line[end]!)) end += line[end] === '\\' ? 2 : 1;
  end = Math.min(end, line.length);
  return end > from ? { start: from, end } : undefined;
}

function nonEmpty(range: Range): Range | undefined {
  return range.end > range.start ? range : undefined;
}

/** The inside of a quoted string starting at `from` (to the line's end when unclosed); may be empty. */
function quotedString(line: string, from: number): Range | undefined {
  const quote = line[from];
  if (quote !== '"' && quote !== "'") return undefined;
  let end = from + 1;
  while (end < line.length && line[end] !== quote) end += line[end] === '\\' && quote === '"' ? 2 : 1;
  return { start: from + 1, end: Math.min(end, line.length) };
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t' || line[n] === '-')) n++;
  return n;
}

function lineText(text: string, start: number, nextStart: number | undefined): string {
  let end = nextStart ?? text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return text.slice(start, end);
}
