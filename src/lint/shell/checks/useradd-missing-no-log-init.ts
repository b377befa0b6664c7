import type { Span } from '../../engine/types.js';
import { findFlags, hasFlag, positionals } from '../args.js';
import { defineShellCheck } from '../check.js';
import type { ShellCommand } from '../model.js';
import { insertAfter, wordValues } from '../packages.js';

/** UIDs from here on make /var/log/lastlog and faillog (sparse files, one record per UID) tens of megabytes. */
const LONG_UID = 100000;

export default defineShellCheck({
  name: 'useradd-missing-no-log-init',
  hosts: ['dockerfile'],
  aliases: { dockerfile: ['DL3046'] },
  severity: 'warning',
  description: '`useradd` with a large UID and without `-l`/`--no-log-init`.',
  rationale:
    'useradd records the user in /var/log/lastlog and /var/log/faillog at the offset of its UID. On disk these are ' +
    'sparse files, but image layers store them in full: a UID of 123456789 adds gigabytes of zeros to the layer. ' +
    '`-l` (`--no-log-init`) skips those records. As in hadolint (DL3046), UIDs of six or more digits are reported. ' +
    'Unlike hadolint, which only measures `-u`, slipway also reads `--uid` and `--uid=N`, and resolves a `$UID` ' +
    'whose ARG/ENV value is known.',
  howToFix: 'Add `-l`: `useradd -l -u 123456 app`.',
  fixable: true,
  examples: {
    bad: [
      { script: 'useradd -u 123456 -m app', output: 'useradd -l -u 123456 -m app' },
      { script: 'useradd --uid=1000000 --create-home app', output: 'useradd -l --uid=1000000 --create-home app', note: 'hadolint misses --uid' },
    ],
    good: [
      { script: 'useradd -l -u 123456 -m app' },
      { script: 'useradd --no-log-init --uid 123456 app && useradd -u 1000 web' },
    ],
  },
  check(ctx) {
    for (const cmd of ctx.script.commands) {
      if (cmd.name !== 'useradd' || !cmd.nameWord || hasFlag(cmd, '-l', '--no-log-init')) continue;
      const uid = uids(cmd, ctx.variable).find((u) => u.value !== undefined && /^\d+$/.test(u.value) && Number(u.value) >= LONG_UID);
      if (!uid) continue;
      ctx.report({
        message: `\`useradd\` with UID ${uid.value} and without \`-l\` writes lastlog/faillog records that fill the layer with megabytes of zeros; add \`-l\` (\`--no-log-init\`)`,
        span: uid.span,
        fix: insertAfter(cmd.nameWord, '-l'),
      });
    }
  },
});

/** The UIDs given with `-u`/`--uid`, variables resolved where their value is known. */
function uids(cmd: ShellCommand, variable: (name: string) => string | undefined): { value: string | undefined; span: Span }[] {
  const out = findFlags(cmd, '-u', '--uid').map((o) => ({
    value: o.value ?? (o.valueWord ? wordValues(o.valueWord, variable)?.[0] : undefined),
    span: { start: o.word.span.start, end: (o.valueWord ?? o.word).span.end },
  }));
  // `--uid=$UID` is one dynamic word, read as an operand.
  for (const word of positionals(cmd)) {
    if (word.value !== undefined) continue;
    const m = /^(?:-u|--uid=)(\d+)$/.exec(wordValues(word, variable)?.[0] ?? '');
    if (m) out.push({ value: m[1], span: word.span });
  }
  return out;
}
