/**
 * Settings that turn off TLS certificate verification or package signature checks, wherever they are
 * written: environment variables (Dockerfile `ENV`/`ARG`, CI `variables:`, `export` in a script) and
 * configuration text written by a script (`echo 'gpgcheck=0' >> /etc/yum.conf`, an APT `apt.conf.d`
 * file, a `deb [trusted=yes] …` source line, `.npmrc`, `pip.conf`).
 */
import type { Span } from '../engine/types.js';
import type { ShellScript, ShellWord } from './model.js';

/** What a setting turns off. */
export type InsecureKind = 'tls' | 'signature';

export interface InsecureSetting {
  kind: InsecureKind;
  /** What it does, for a message: `makes Node.js accept any TLS certificate`. */
  what: string;
}

const FALSE = /^(0|false|no|off)$/i;

interface EnvSpec extends InsecureSetting {
  /** Upper-case name. */
  name: string;
  /** True when the value turns the check off. */
  insecure(value: string): boolean;
}

const ENV: readonly EnvSpec[] = [
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED', kind: 'tls', what: 'makes Node.js (npm, yarn, every node process) accept any TLS certificate', insecure: (v) => v.trim() === '0' },
  { name: 'PYTHONHTTPSVERIFY', kind: 'tls', what: "turns off Python's HTTPS certificate verification", insecure: (v) => v.trim() === '0' },
  // git only asks whether the variable is set: GIT_SSL_NO_VERIFY=false turns verification off too.
  { name: 'GIT_SSL_NO_VERIFY', kind: 'tls', what: 'makes git skip TLS certificate verification (whatever its value: git only checks that it is set)', insecure: () => true },
  { name: 'PIP_TRUSTED_HOST', kind: 'tls', what: 'makes pip skip TLS verification (and accept plain HTTP) for these hosts', insecure: (v) => v.trim() !== '' },
  { name: 'PIP_INDEX_URL', kind: 'tls', what: 'makes pip download packages over plain HTTP', insecure: (v) => /(^|\s)http:\/\//i.test(v) },
  { name: 'PIP_EXTRA_INDEX_URL', kind: 'tls', what: 'makes pip download packages over plain HTTP', insecure: (v) => /(^|\s)http:\/\//i.test(v) },
  { name: 'NPM_CONFIG_STRICT_SSL', kind: 'tls', what: 'makes npm accept any TLS certificate', insecure: (v) => FALSE.test(v.trim()) },
  { name: 'YARN_STRICT_SSL', kind: 'tls', what: 'makes yarn accept any TLS certificate', insecure: (v) => FALSE.test(v.trim()) },
  { name: 'YARN_ENABLE_STRICT_SSL', kind: 'tls', what: 'makes yarn accept any TLS certificate', insecure: (v) => FALSE.test(v.trim()) },
  { name: 'CONDA_SSL_VERIFY', kind: 'tls', what: 'makes conda accept any TLS certificate', insecure: (v) => FALSE.test(v.trim()) },
  { name: 'BUNDLE_SSL_VERIFY_MODE', kind: 'tls', what: 'makes Bundler accept any TLS certificate', insecure: (v) => v.trim() === '0' },
  { name: 'GOINSECURE', kind: 'tls', what: 'makes the go command fetch these modules over plain HTTP or without certificate verification', insecure: (v) => v.trim() !== '' },
  { name: 'GOSUMDB', kind: 'signature', what: 'turns off the Go checksum database that verifies downloaded modules', insecure: (v) => v.trim() === 'off' },
];

/**
 * Whether setting the environment variable `name` to `value` turns a check off. npm reads its
 * `npm_config_*` variables case-insensitively; other names are matched exactly.
 */
export function insecureEnv(name: string, value: string): InsecureSetting | undefined {
  const upper = name.toUpperCase();
  const spec = ENV.find((e) => e.name === (upper.startsWith('NPM_CONFIG_') ? upper : name));
  return spec && spec.insecure(value) ? { kind: spec.kind, what: spec.what } : undefined;
}

/** The variable names `insecureEnv` knows. */
export const INSECURE_ENV_NAMES: readonly string[] = ENV.map((e) => e.name);

interface TextPattern extends InsecureSetting {
  pattern: RegExp;
  /**
   * The match goes on to the first `]` after `pattern`, and needs one. Kept out of the pattern:
   * `[^\]]*\]` would rescan the rest of the text from every `[` when no `]` follows.
   */
  toClosingBracket?: true;
}

const BOOL_TRUE = '"?(?:1|true|yes|on)\\b';
const BOOL_FALSE = '"?(?:0|false|no|off)\\b';
const SEP = '(?:\\s*=\\s*|\\s+)';

/** Configuration text, matched inside a word or a here-document a script writes. */
const TEXT: readonly TextPattern[] = [
  { pattern: new RegExp(`APT::Get::AllowUnauthenticated${SEP}${BOOL_TRUE}`, 'i'), kind: 'signature', what: 'makes APT install packages it cannot authenticate' },
  { pattern: new RegExp(`Acquire::AllowInsecureRepositories${SEP}${BOOL_TRUE}`, 'i'), kind: 'signature', what: 'makes APT use repositories without a valid signature' },
  { pattern: new RegExp(`Acquire::AllowDowngradeToInsecureRepositories${SEP}${BOOL_TRUE}`, 'i'), kind: 'signature', what: 'makes APT accept a repository that lost its signature' },
  { pattern: /\[[^\][]*\b(?:trusted|allow-insecure)=yes\b/i, toClosingBracket: true, kind: 'signature', what: 'makes APT trust this package source without checking its signature' },
  { pattern: new RegExp(`Acquire::https::(?:[^:"\\s]+::)?Verify-(?:Peer|Host)${SEP}${BOOL_FALSE}`, 'i'), kind: 'tls', what: "turns off APT's HTTPS certificate verification" },
  { pattern: /(?:^|[\s;'"]|\\n)gpgcheck\s*=\s*(?:0|false|no)\b/im, kind: 'signature', what: 'turns off the GPG signature check of yum/dnf packages' },
  { pattern: /(?:^|[\s;'".]|\\n)sslverify\s*=\s*(?:0|false|no)\b/im, kind: 'tls', what: 'turns off TLS certificate verification' },
  { pattern: /(?:^|[\s;'"]|\\n)strict-ssl\s*=\s*false\b/im, kind: 'tls', what: 'makes npm accept any TLS certificate' },
  { pattern: /(?:^|[\s;'"]|\\n)check[-_]certificate\s*=\s*(?:off|0|no)\b/im, kind: 'tls', what: 'makes wget accept any TLS certificate' },
  { pattern: /(?:^|\\n)[^\S\n\r\u2028\u2029]*trusted[-_]host\s*=\s*\S/im, kind: 'tls', what: 'makes pip skip TLS verification for these hosts' },
];

/** The first insecure configuration in `text`, with its offset in `text`. */
export function insecureConfigText(text: string): (InsecureSetting & { index: number; length: number }) | undefined {
  let best: (InsecureSetting & { index: number; length: number }) | undefined;
  for (const p of TEXT) {
    const m = p.pattern.exec(text);
    if (!m || (best && m.index >= best.index)) continue;
    // The first `[…option` without a `]` after it has none after any later one either.
    const end = p.toClosingBracket ? text.indexOf(']', m.index + m[0].length) + 1 : m.index + m[0].length;
    if (end > 0) best = { kind: p.kind, what: p.what, index: m.index, length: end - m.index };
  }
  return best;
}

/** A place in a script where configuration text turns a check off. */
export interface InsecureTextHit extends InsecureSetting {
  span: Span;
  /** The word it is in, when it is in a word (not a here-document). */
  word?: ShellWord;
}

/** Insecure configuration written in a script's words and here-documents, one hit per word/document. */
export function insecureConfigHits(script: ShellScript, kind: InsecureKind): InsecureTextHit[] {
  const hits: InsecureTextHit[] = [];
  for (const cmd of script.commands) {
    for (const word of cmd.args) {
      const v = word.value;
      if (v === undefined) continue;
      const hit = insecureConfigText(v);
      if (hit && hit.kind === kind) hits.push({ kind: hit.kind, what: hit.what, span: word.span, word });
    }
    for (const r of cmd.redirects) {
      const doc = r.heredoc;
      if (!doc) continue;
      const hit = insecureConfigText(doc.body);
      if (!hit || hit.kind !== kind) continue;
      const exact = doc.span.end - doc.span.start === doc.body.length;
      // The whole setting: from the match (its leading separator left out) to the end of its line.
      let from = hit.index;
      while (from < hit.index + hit.length && /[\s;'"\\]/.test(doc.body[from]!)) from += doc.body[from] === '\\' ? 2 : 1;
      const eol = doc.body.indexOf('\n', hit.index + hit.length);
      const to = eol < 0 ? doc.body.length : eol;
      const start = exact ? doc.span.start + from : doc.span.start;
      const end = exact ? doc.span.start + to : doc.span.end;
      hits.push({ kind: hit.kind, what: hit.what, span: { start, end } });
    }
  }
  return hits;
}
