import type { RuleInfo } from '../lint/engine/engine-rules.js';
import { ENGINE_RULES } from '../lint/engine/engine-rules.js';
import { maskSpans } from '../lint/engine/mask-secret.js';
import type { KindRegistry } from '../lint/engine/registry.js';
import type { FileKind, RuleExample, RuleMeta } from '../lint/engine/types.js';

/**
 * Masks the secrets the registry's secret scan finds in an example, so that neither
 * `slipway explain` nor docs/rules.md ever shows a whole (made-up) secret.
 */
export async function exampleMasker(registry: KindRegistry): Promise<(code: string, kind: FileKind) => Promise<string>> {
  const scan = registry.any;
  if (!scan) return async (code) => code;
  return async (code, kind) => {
    const doc = await scan.prepare({ path: 'example', text: code, kind });
    return maskSpans(code, doc.secrets.map((s) => s.span));
  };
}

type Mask = (code: string, kind: FileKind) => Promise<string>;

const FENCE_LANGUAGE: Partial<Record<string, string>> = {
  dockerfile: 'dockerfile',
  'gitlab-ci': 'yaml',
  makefile: 'makefile',
  tox: 'ini',
  descriptor: 'yaml',
};

function languageOf(meta: Pick<RuleMeta, 'kind'>, example: RuleExample): string {
  const name = example.filename ?? '';
  if (/\.ya?ml$/.test(name)) return 'yaml';
  if (/(^|\/)(GNU)?[Mm]akefile$|\.mk$/.test(name)) return 'makefile';
  if (/\.ini$/.test(name)) return 'ini';
  if (/Dockerfile|Containerfile/.test(name)) return 'dockerfile';
  return FENCE_LANGUAGE[meta.kind] ?? '';
}

function fence(code: string, language: string): string {
  const ticks = code.includes('```') ? '````' : '```';
  return `${ticks}${language}\n${code.endsWith('\n') ? code : `${code}\n`}${ticks}\n`;
}

function exampleKind(meta: RuleMeta): FileKind {
  return meta.kind === 'any' ? 'project' : meta.kind;
}

/** `slipway explain`: a rule's description, rationale, examples (bad with the fixed output) and how to fix it. */
export async function explainText(info: RuleInfo, mask: Mask): Promise<string> {
  const meta = 'examples' in info ? (info as RuleMeta) : undefined;
  const flags = [info.severity, info.fixable ? 'fixable with --fix' : undefined].filter(Boolean).join(', ');
  let out = `${info.id} (${flags})\n`;
  if (info.aliases.length) out += `Aliases: ${info.aliases.join(', ')}\n`;
  out += `\n${info.description}\n\nWhy:\n${indent(info.rationale)}\n`;
  if (meta) {
    const section = async (title: string, examples: RuleExample[]) => {
      let s = `\n${title}:\n`;
      for (const e of examples) {
        s += `\n${e.note ? indent(`# ${e.note}`) + '\n' : ''}${e.filename ? indent(`# ${e.filename}`) + '\n' : ''}`;
        s += `${indent((await mask(e.code, exampleKind(meta))).trimEnd())}\n`;
        if (e.output !== undefined) s += `${indent('# after --fix:')}\n${indent((await mask(e.output, exampleKind(meta))).trimEnd())}\n`;
      }
      return s;
    };
    out += await section('Bad', meta.examples.bad);
    out += await section('Good', meta.examples.good);
  }
  out += `\nHow to fix:\n${indent(info.howToFix)}\n`;
  return out;
}

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');
}

const KIND_TITLES: Record<string, string> = {
  dockerfile: 'Dockerfile',
  'gitlab-ci': 'GitLab CI (.gitlab-ci.yml)',
  makefile: 'Makefile',
  tox: 'tox.ini',
  descriptor: 'slipway.yaml',
  any: 'Secrets (every file)',
  project: 'Cross-file consistency',
};

/** docs/rules.md: generated from the rules' metadata; registry.test.ts fails when it is stale. */
export async function rulesMarkdown(registry: KindRegistry): Promise<string> {
  const mask = await exampleMasker(registry);
  const rules = registry.rules.map((r) => r.meta);
  const kinds = Object.keys(KIND_TITLES).filter((k) => rules.some((r) => r.kind === k));
  let out = '<!-- Generated from the rules\' metadata by `slipway docs` (npm run docs). Do not edit. -->\n\n';
  out += '# slipway lint rules\n\n';
  out += `${rules.length} rules. \`slipway rules\` lists them, \`slipway explain RULE\` shows one. `;
  out += 'Configuration, suppression comments, exit status and output formats are described at the end.\n\n';
  for (const kind of kinds) {
    out += `## ${KIND_TITLES[kind]}\n\n| Rule | Severity | Fixable | Aliases | Description |\n| --- | --- | --- | --- | --- |\n`;
    for (const r of rules.filter((x) => x.kind === kind)) {
      out += `| [${r.id}](#${anchor(r.id)}) | ${r.severity} | ${r.fixable ? 'yes' : ''} | ${r.aliases.join(', ')} | ${cell(r.description)} |\n`;
    }
    out += '\n';
  }
  for (const r of rules) {
    out += `### ${r.id}\n\n`;
    out += `Severity: **${r.severity}** · Fixable: **${r.fixable ? 'yes' : 'no'}**`;
    out += r.aliases.length ? ` · Aliases: ${r.aliases.map((a) => `\`${a}\``).join(', ')}` : '';
    out += r.needsConfig ? ' · Runs only when configured' : '';
    out += `\n\n${r.description}\n\n**Why.** ${r.rationale}\n\n**How to fix.** ${r.howToFix}\n\n`;
    for (const [title, list] of [
      ['Bad', r.examples.bad],
      ['Good', r.examples.good],
    ] as const) {
      for (const e of list) {
        const about = [e.note, e.filename ? `(\`${e.filename}\`)` : '', e.options ? `with options \`${JSON.stringify(e.options)}\`` : '']
          .filter(Boolean)
          .join(' ');
        out += `${title}${about ? `: ${about}` : ''}\n\n${fence(await mask(e.code, exampleKind(r)), languageOf(r, e))}\n`;
        if (e.output !== undefined) out += `Fixed:\n\n${fence(await mask(e.output, exampleKind(r)), languageOf(r, e))}\n`;
      }
    }
  }
  out += '## Engine findings\n\nReported by the engine itself, not by a rule.\n\n| Id | Severity | Description |\n| --- | --- | --- |\n';
  for (const e of ENGINE_RULES) out += `| ${e.id} | ${e.severity} | ${cell(e.description)} ${cell(e.rationale)} |\n`;
  return out + '\n' + REFERENCE;
}

function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

const REFERENCE = `## Configuration

\`slipway lint\` reads, in its root (the current directory or \`--cwd\`), in increasing precedence:

1. \`.hadolint.yaml\` / \`.hadolint.yml\`: hadolint's keys, mapped through the rules' aliases so that a hadolint
   configuration works unedited: \`ignored\`, \`override: {error, warning, info, style}\` (a code in several lists
   gets the most severe), \`trustedRegistries\`, \`label-schema\`, \`strict-labels\`, \`failure-threshold\`,
   \`no-fail\`, \`disable-ignore-pragma\`. Codes slipway has no rule for (other DL codes, ShellCheck's SC codes) are
   accepted and do nothing. hadolint's \`failure-threshold: none\` (every finding fails) is slipway's \`style\`.
2. The \`lint:\` section of \`slipway.yaml\`, or the same keys at the top level of \`.slipway.yaml\` (not both):

   \`\`\`yaml
   lint:
     failureThreshold: warning        # error | warning | info | style | none (never fail on findings)
     rules:                           # rule id, alias (DL3008) or glob (dockerfile/*): off|error|warning|info|style
       dockerfile/*: warning          # entries apply in order; a later one wins
       DL3008: off
     ignore:
       - paths: [vendor/]             # .gitignore-style patterns, relative to the root: not linted at all
       - paths: ["legacy/*.Dockerfile"]
         rules: [dockerfile/no-root-user]   # only these rules' findings are dropped there
     trustedRegistries: [registry.example.com]
     labelSchema: {maintainer: email}
     strictLabels: true
   \`\`\`
3. Command-line flags: \`--failure-threshold\`, \`--rule ID=SEVERITY\` (repeatable; \`off\` too), \`--ignore ID\`
   (repeatable), \`--trusted-registry HOST\` (repeatable). \`--config FILE\` reads that file instead of looking
   (a name containing \`hadolint\` is read as hadolint's form, \`slipway.yaml\` as its \`lint:\` section, anything
   else as \`.slipway.yaml\`); \`--no-config\` reads none. Lists add up; other settings: the later source wins.

A configuration error is printed as \`file:line:col: error: message\` with exit status 2.

## Suppression comments

Applied after the rules have run; rules are named by id, alias or glob. In tox.ini a \`;\` comment works too.

- \`# slipway-ignore RULE[,RULE…] [-- reason]\`: the next statement (a Dockerfile instruction with its
  continuation lines, a YAML key with its value, a make rule with its recipe); blank and comment lines between
  are skipped.
- \`# slipway-ignore-file RULE[,RULE…] [-- reason]\`: the whole file.
- hadolint's \`# hadolint ignore=DL3008,DL3009\` (next statement), \`# hadolint global ignore=…\` (whole file),
  \`# hadolint stage ignore=…\` (the next stage).

A suppression that suppresses nothing is reported as \`unused-suppression\` (info); one naming an unknown rule
as \`invalid-suppression\` (warning). Parse errors and internal errors cannot be suppressed.

## Exit status

- 0: no finding at or above the failure threshold (default \`warning\`);
- 1: at least one;
- 2: usage or configuration error, a file that cannot be read, a \`parse-error\` or an \`internal-error\`
  (the other files are still linted and reported).

## Output formats

\`--format\` (\`-f\`) and \`--output FILE\` (written atomically):

- \`stylish\` (default): grouped by file; \`file:line:col\`, severity, message, rule id, the source line with a
  \`^~~~\` marker under the finding, and a summary. Colour only on a terminal, never with \`NO_COLOR\`.
- \`json\`: an array of \`{file, line, column, endLine, endColumn, ruleId, severity, message, aliases, fix}\`;
  every key is always present. Lines and columns are 1-based, columns count UTF-16 code units and the end is
  exclusive (just past the last character). \`fix\` is \`null\` or a list of \`{range: [start, end], text}\` edits
  on the file's UTF-16 offsets.
- \`sarif\`: SARIF 2.1.0 with the rules' metadata and fixes.
- \`gitlab\`: a GitLab Code Quality report; paths relative to the repository root, fingerprints stable across
  runs and line shifts.
- \`checkstyle\`, \`junit\`: XML for CI servers.
- \`github\`: GitHub Actions workflow commands (\`::error file=…,line=…,col=…::message\`).

Messages and source lines never show a whole secret: at most its first 4 characters.
`;
