import { parseArgs, positionals, type CommandOptionSpec } from '../args.js';
import { defineShellCheck } from '../check.js';
import type { ShellWord } from '../model.js';

const CHMOD: CommandOptionSpec = { withValue: [] };
const WITH_MODE: CommandOptionSpec = { withValue: ['-m', '--mode', '-o', '--owner', '-g', '--group', '-t', '--target-directory', '-S', '--suffix', '-Z', '--context'] };

/** True when the mode gives others write access and does not set the sticky bit. */
export function worldWritableMode(mode: string): boolean {
  if (/^[0-7]{1,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    const special = Number(digits[0]);
    const others = Number(digits[3]);
    return (others & 2) !== 0 && (special & 1) === 0;
  }
  let writable = false;
  let sticky = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!m) return false;
    const who = m[1]!;
    const forOthers = who.includes('o') || who.includes('a');
    for (const [, op, perms] of m[2]!.matchAll(/([-+=])([rwxXst]*)/g)) {
      if (op === '-') continue;
      if (forOthers && perms!.includes('w')) writable = true;
      if (perms!.includes('t')) sticky = true;
    }
  }
  return writable && !sticky;
}

export default defineShellCheck({
  name: 'chmod-world-writable',
  hosts: ['dockerfile', 'gitlab-ci'],
  severity: 'warning',
  description: 'A file or directory is made writable by every user (`chmod 777`, `a+rwx`, `o+w`, `umask 000`).',
  rationale:
    'A world-writable path lets any process in the container change it, whatever user it runs as: a compromised ' +
    'dependency or an exploited service can replace code or configuration that another, more privileged process ' +
    'runs later. `chmod 777` is usually a shortcut around a permission error that `chown` to the user that needs ' +
    'to write would fix properly. Reported: modes with the others-write bit in `chmod`, `mkdir -m`, `install -m` ' +
    '(numeric or symbolic, `-R` included) and a `umask` that lets it through. The sticky bit (`1777`, `+t`), as on ' +
    '/tmp, is accepted: there users cannot remove each other\'s files.',
  howToFix:
    'Give the path to the user that writes it (`chown -R app:app /app/data`, or `COPY --chown=app:app`) and keep ' +
    'the mode at 755/644 (or 775 with a shared group). For a shared scratch directory use 1777.',
  fixable: false,
  examples: {
    bad: [
      { script: 'chmod -R 777 /app' },
      { script: 'mkdir -p /data && chmod a+rwx /data' },
      { script: 'mkdir -m 0777 /cache' },
    ],
    good: [
      { script: 'chown -R 10001:10001 /app/data && chmod -R 755 /app/data' },
      { script: 'mkdir -p /scratch && chmod 1777 /scratch', note: 'the sticky bit protects each user\'s files' },
      { script: 'chmod +x /usr/local/bin/entrypoint.sh' },
    ],
  },
  check(ctx) {
    const report = (word: ShellWord, program: string) =>
      ctx.report({
        message: `\`${program} ${word.value}\` makes the path writable by every user in the ${ctx.host === 'dockerfile' ? 'container' : 'job'}; give it to the user that writes it (\`chown\`) and keep others read-only`,
        span: word.span,
      });
    for (const cmd of ctx.script.commands) {
      switch (cmd.name) {
        case 'chmod': {
          const parsed = parseArgs(cmd, CHMOD);
          if (parsed.options.some((o) => o.name === '--reference')) break;
          // A mode starting with `-` (`chmod -w f`) parses as an option; removing write is never this problem.
          const mode = parsed.positionals[0];
          if (mode?.value !== undefined && worldWritableMode(mode.value)) report(mode, 'chmod');
          break;
        }
        case 'mkdir':
        case 'install':
          for (const o of parseArgs(cmd, WITH_MODE).options) {
            if ((o.name === '-m' || o.name === '--mode') && o.value !== undefined && worldWritableMode(o.value)) {
              ctx.report({
                message: `\`${cmd.name} ${o.name} ${o.value}\` creates a path writable by every user; give it to the user that writes it (\`chown\`) and keep others read-only`,
                span: { start: o.word.span.start, end: (o.valueWord ?? o.word).span.end },
              });
            }
          }
          break;
        case 'umask': {
          const mask = positionals(cmd)[0];
          const v = mask?.value;
          if (v !== undefined && /^[0-7]{1,4}$/.test(v) && (Number(v.padStart(4, '0')[3]) & 2) === 0) {
            ctx.report({
              message: `\`umask ${v}\` makes every file created afterwards writable by every user; use \`umask 022\` (or 002 with a shared group)`,
              span: mask!.span,
            });
          }
          break;
        }
      }
    }
  },
});
