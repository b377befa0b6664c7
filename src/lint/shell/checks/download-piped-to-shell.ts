import type { Span } from '../../engine/types.js';
import { parseArgs, type CommandOptionSpec } from '../args.js';
import { defineShellCheck } from '../check.js';
import type { ShellCommand } from '../model.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh', 'yash']);
const SHELL_SPEC: CommandOptionSpec = { withValue: ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'] };

/** Interpreters and the options after which they run code given on the command line, not stdin. */
const INTERPRETERS: Record<string, { inline: readonly string[]; spec: CommandOptionSpec }> = {
  python: { inline: ['-c', '-m'], spec: { withValue: ['-W', '-X', '-Q'] } },
  perl: { inline: ['-e', '-E'], spec: { withValue: ['-I', '-M', '-m'] } },
  ruby: { inline: ['-e'], spec: { withValue: ['-I', '-r', '-C'] } },
  node: { inline: ['-e', '--eval', '-p', '--print'], spec: { withValue: ['-r', '--require', '--import'] } },
  php: { inline: ['-r'], spec: { withValue: ['-d', '-c'] } },
};

function interpreter(name: string): string | undefined {
  if (/^python[\d.]*$/.test(name)) return 'python';
  if (/^(perl|ruby|node|php)[\d.]*$/.test(name)) return name.replace(/(?<![\d.])[\d.]+$/, '');
  return undefined;
}

/** True when the program runs the script it reads on standard input. */
function runsStdin(cmd: ShellCommand): boolean {
  const name = cmd.name;
  if (name === undefined) return false;
  if (name === 'busybox') return ['sh', 'ash'].includes(cmd.args[0]?.value ?? '') && runsStdin({ ...cmd, name: 'sh', args: cmd.args.slice(1) });
  if (SHELLS.has(name)) {
    const parsed = parseArgs(cmd, SHELL_SPEC);
    if (parsed.options.some((o) => o.name === '-s')) return true;
    return parsed.positionals.length === 0 && !parsed.options.some((o) => o.name === '-c');
  }
  const kind = interpreter(name);
  if (!kind) return false;
  const spec = INTERPRETERS[kind]!;
  const parsed = parseArgs(cmd, spec.spec);
  if (parsed.options.some((o) => spec.inline.includes(o.name))) return false;
  const script = parsed.positionals[0];
  return script === undefined || script.value === '-';
}

/** True when the download command writes what it fetches to standard output. */
function downloadsToStdout(cmd: ShellCommand): boolean {
  if (cmd.name === 'curl') {
    return !parseArgs(cmd).options.some((o) => ['-o', '--output', '-O', '--remote-name', '--remote-name-all', '-J'].includes(o.name) && o.value !== '-');
  }
  if (cmd.name === 'wget') return parseArgs(cmd).options.some((o) => (o.name === '-O' || o.name === '--output-document') && o.value === '-');
  return false;
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

export default defineShellCheck({
  name: 'download-piped-to-shell',
  hosts: ['dockerfile', 'gitlab-ci'],
  severity: 'warning',
  description: 'A downloaded script is run straight from the network (`curl … | sh`, `sh -c "$(curl …)"`).',
  rationale:
    'Piping a download into a shell runs whatever the server sends at that moment, with the rights of the build or ' +
    'job, and nothing checks it: a compromised or simply updated server changes what gets installed without any ' +
    'change in the repository, and a connection cut halfway can run half a script (`rm -rf /tmp/foo` truncated to ' +
    '`rm -rf /`). The build is also not reproducible. Reported: `curl`/`wget -O-` piped into sh, bash, zsh … or an ' +
    'interpreter reading standard input (`python3 -`, `perl`, `node`), and `sh -c "$(curl …)"`, `bash <(curl …)`, ' +
    '`eval "$(curl …)"`. Piping into an interpreter that runs its own code (`python3 -c "import json…"`) is data ' +
    'processing and is not reported.',
  howToFix:
    'Download the script to a file, check it against a checksum you keep in the repository (`echo "<sha256>  ' +
    'install.sh" | sha256sum -c -`) or its signature, then run it; better, install the tool from a package or a ' +
    'versioned release archive with a checksum.',
  fixable: false,
  examples: {
    bad: [
      { script: 'curl -fsSL https://example.com/install.sh | sh' },
      { script: 'wget -qO- https://example.com/install.sh | sudo bash -s -- --version 1.2.3', note: 'sudo and script arguments do not change it' },
      { script: 'sh -c "$(curl -fsSL https://example.com/install.sh)"' },
    ],
    good: [
      {
        script:
          'curl -fsSL -o /tmp/install.sh https://example.com/install-1.2.3.sh \\\n    && echo "0000000000000000000000000000000000000000000000000000000000000000  /tmp/install.sh" | sha256sum -c - \\\n    && sh /tmp/install.sh',
      },
      { script: 'curl -fsSL https://example.com/release.json | python3 -c "import json, sys; print(json.load(sys.stdin)[\'version\'])"', note: 'the interpreter runs its own code on the data' },
      { script: 'curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin' },
    ],
  },
  check(ctx) {
    const fetchers = ctx.script.commands.filter((c) => c.name === 'curl' || c.name === 'wget');
    if (fetchers.length === 0) return;
    for (const cmd of ctx.script.commands) {
      const name = cmd.name;
      if (name === undefined || !cmd.nameWord) continue;
      // curl … | sh
      const pipeline = cmd.pipeline;
      const before = pipeline ? pipeline.commands[pipeline.commands.indexOf(cmd) - 1] : undefined;
      if (before && (before.name === 'curl' || before.name === 'wget') && downloadsToStdout(before) && runsStdin(cmd)) {
        ctx.report({
          message: `\`${before.name} … | ${name}\` runs whatever the server sends, unchecked; download to a file, verify its checksum or signature, then run it`,
          span: { start: before.span.start, end: cmd.nameWord.span.end },
        });
        continue;
      }
      // sh -c "$(curl …)", bash <(curl …), eval "$(curl …)", source <(curl …)
      const runsArgument = SHELLS.has(name) || name === 'eval' || name === 'source' || name === '.';
      if (!runsArgument) continue;
      for (const word of cmd.args) {
        const inner = fetchers.find((f) => f !== cmd && within(f.span, word.span) && downloadsToStdout(f));
        if (!inner) continue;
        ctx.report({
          message: `\`${name} … $(${inner.name} …)\` runs whatever the server sends, unchecked; download to a file, verify its checksum or signature, then run it`,
          span: { start: cmd.nameWord.span.start, end: word.span.end },
        });
        break;
      }
    }
  },
});
