import { defineRule } from '../../engine/types.js';
import type { Span } from '../../engine/types.js';
import type { ShellCommand, ShellScript } from '../../shell/index.js';
import type { CiJob, GitlabCiDoc, ScriptLine } from '../model/types.js';
import { isScanner } from '../support/job-kind.js';
import { reportOnce } from '../support/report.js';
import { scriptOf } from '../shell-rule.js';

/** Programs whose failure is expected and harmless: clean-up, probes, look-ups. */
const HARMLESS = new Set([
  'rm', 'rmdir', 'mkdir', 'mv', 'cp', 'ln', 'unlink', 'touch', 'chmod', 'chown', 'cat', 'ls', 'du', 'df', 'free', 'tree', 'head',
  'tail', 'sort', 'stat', 'file', 'uname', 'echo', 'printf', 'which', 'type', 'command', 'hash', 'whereis', 'kill', 'pkill',
  'killall', 'pgrep', 'ps', 'umount', 'grep', 'egrep', 'fgrep', 'diff', 'cmp', 'test', '[', '[[', 'sleep', 'wait', 'cd', 'export',
  'unset', 'source', '.', 'ssh-add', 'ssh-keygen', 'lsb_release', 'nproc', 'id', 'whoami', 'env', 'printenv', 'date', 'sync',
  'true', 'false', ':', 'find', 'wc', 'tee', 'locale', 'ccache', 'sccache', 'service', 'systemctl', 'screen', 'tmux',
]);

/** Subcommands whose failure is expected, per program (the first operand). */
const HARMLESS_SUBCOMMANDS: Record<string, Set<string>> = {
  docker: new Set(['pull', 'rm', 'rmi', 'stop', 'kill', 'network', 'volume', 'logout', 'image', 'container', 'system', 'context', 'buildx', 'inspect', 'info', 'version', 'ps', 'load', 'tag']),
  'docker-compose': new Set(['down', 'rm', 'stop', 'kill', 'pull', 'ps', 'logs']),
  podman: new Set(['pull', 'rm', 'rmi', 'stop', 'kill', 'network', 'volume', 'logout', 'image', 'container', 'system']),
  git: new Set(['commit', 'add', 'remote', 'branch', 'tag', 'stash', 'config', 'fetch', 'diff', 'describe', 'rev-parse', 'merge-base', 'checkout', 'status', 'log', 'show', 'submodule', 'lfs', 'reset', 'clean', 'worktree', 'update-index']),
  kubectl: new Set(['delete', 'create', 'label', 'annotate', 'get', 'describe', 'logs', 'rollout']),
  helm: new Set(['delete', 'del', 'uninstall', 'repo', 'plugin', 'status', 'history']),
  'apt-get': new Set(['remove', 'purge', 'autoremove', 'clean']),
  apt: new Set(['remove', 'purge', 'autoremove', 'clean']),
  yum: new Set(['remove', 'erase', 'clean']),
  dnf: new Set(['remove', 'erase', 'clean']),
  apk: new Set(['del', 'info']),
  pip: new Set(['uninstall', 'show', 'list', 'freeze', 'cache']),
  pip3: new Set(['uninstall', 'show', 'list', 'freeze', 'cache']),
  npm: new Set(['uninstall', 'ls', 'list', 'cache', 'config', 'audit', 'outdated', 'view']),
  yarn: new Set(['remove', 'cache', 'audit', 'outdated', 'info']),
  conan: new Set(['user', 'remote', 'remove', 'config', 'profile']),
  rustup: new Set(['target', 'component', 'toolchain', 'default', 'show']),
  gcloud: new Set(['config', 'auth', 'components']),
  aws: new Set(['configure']),
  java: new Set(['-version']),
};

/** Security scanners and audits: their findings are read from their reports, not from the job status. */
const SCANNER_PROGRAM = /^(zap-(baseline|full-scan|api-scan)(\.py)?|trivy|grype|snyk|safety|bandit|gitleaks|semgrep|dependency-check(\.sh)?|retire|audit-ci|osv-scanner)$/;

/** The commands a `||` protects: the ones just before it, joined by `&&` or pipes. */
function guardedCommands(script: ShellScript, text: string, cmd: ShellCommand, orAt: number): ShellCommand[] {
  const out: ShellCommand[] = [];
  let boundary = orAt;
  for (let k = cmd.index - 1; k >= 0; k--) {
    const c = script.commands[k]!;
    if (c.context.substitution && !cmd.context.substitution) continue;
    if (c.span.end > boundary) continue;
    const between = text.slice(c.span.end, boundary);
    const joined = out.length === 0 ? /^[\s)}]*$/.test(between) : /^[\s)}]*(&&|\|\||\|)[\s({]*$/.test(between);
    if (!joined) break;
    out.push(c);
    boundary = c.span.start;
  }
  return out.reverse();
}

/** True when the failure of a guarded command is expected and harmless. */
function harmless(c: ShellCommand): boolean {
  const name = c.name;
  if (name === undefined) return c.kind !== 'simple';
  if (c.kind !== 'simple') return true;
  if (HARMLESS.has(name) || SCANNER_PROGRAM.test(name)) return true;
  const sub = c.args.find((a) => a.value !== undefined && !a.value.startsWith('-'))?.value;
  if (name === 'docker' && sub === 'compose') return true;
  return sub !== undefined && (HARMLESS_SUBCOMMANDS[name]?.has(sub) ?? false);
}

/** The words after `||` that swallow the failure: `true`, `:`, `exit 0`, `echo …`. */
function swallows(c: ShellCommand): boolean {
  if (c.name === 'true' || c.name === ':') return c.args.length === 0;
  if (c.name === 'exit') return c.args.length === 1 && c.args[0]!.value === '0';
  return c.name === 'echo' || c.name === 'printf';
}

const shown = (c: ShellCommand, text: string) => {
  const s = text.slice(c.span.start, c.span.end).replace(/\s+/g, ' ');
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
};

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/script-failure-ignored',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'A script line that hides a failing command: `cmd || true` (or `|| :`, `|| exit 0`, `|| echo …`), or `set +e` for the rest of the job.',
    rationale:
      'GitLab runs `script:` with `set -e`: the first failing command fails the job. `|| true` after a build, test or lint turns its failure into a green job — CD-Linter\'s Fake Success smell, written in shell and even harder to see than `allow_failure: true`, which at least shows the job as failed. `set +e` does the same for every command after it unless `set -e` comes back. Left alone: commands whose failure is expected and harmless (`rm`, `mkdir`, `kill`, `grep`, `docker pull` before a `--cache-from` build, `docker rm`, `git commit` with nothing to commit, `helm delete`, …), security scanners and audits whose findings are read from their reports, scanner jobs, `after_script` (its failures never fail the job), and `cmd; true` (under `set -e` the job has already failed at `cmd`).',
    howToFix:
      'Let the command fail the job. If some outcomes are acceptable, test for them (`cmd || [ $? -eq 3 ]`), or let the job fail visibly without failing the pipeline: `allow_failure: {exit_codes: [N]}`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  script:\n    - pytest || true\n' },
        { code: 'lint:\n  script:\n    - set +e\n    - flake8 src\n    - mypy src\n' },
      ],
      good: [
        {
          code: 'build:\n  image: docker:28.5\n  services: [docker:28.5-dind]\n  script:\n    - docker pull "$CI_REGISTRY_IMAGE:latest" || true\n    - docker build --cache-from "$CI_REGISTRY_IMAGE:latest" -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .\n',
          note: 'the first build has no image to pull',
        },
        { code: 'test:\n  script:\n    - set +e\n    - pytest; status=$?\n    - set -e\n    - exit $status\n  after_script:\n    - rm -rf .pytest_cache || true\n' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const job of ctx.doc.jobs) {
      if (isScanner(job)) continue;
      const lines = [...job.beforeScript, ...job.script];
      checkOr(job, lines, report);
      checkSetE(job, lines, report);
    }
  },
});

type Reporter = (where: { file: ScriptLine['file']; span: Span }, message: string) => void;

function checkOr(job: CiJob, lines: ScriptLine[], report: Reporter): void {
  for (const line of lines) {
    const script = scriptOf(line);
    const text = line.file.text;
    for (const cmd of script.commands) {
      if (!swallows(cmd) || cmd.context.nested) continue;
      const before = text.slice(Math.max(0, cmd.span.start - 200), cmd.span.start);
      const m = /\|\|\s*$/.exec(before);
      if (!m) continue;
      const orAt = cmd.span.start - (before.length - m.index);
      const guarded = guardedCommands(script, text, cmd, orAt);
      if (guarded.length === 0 || guarded.every(harmless)) continue;
      const culprit = guarded.find((c) => !harmless(c))!;
      const swallow = text.slice(cmd.span.start, cmd.span.end).replace(/\s+/g, ' ');
      const shownSwallow = swallow.length > 20 ? `${swallow.slice(0, 17)}…` : swallow;
      const span = { start: orAt, end: cmd.span.end };
      const first = guarded[0]!;
      if (first.kind === 'test' && guarded.length > 1) {
        // `[ cond ] && cmd || true`: meant for the condition, it hides `cmd` failing too.
        report(
          { file: line.file, span },
          `\`|| ${shownSwallow}\` in job \`${job.name}\` is meant for the condition \`${shown(first, text)}\` but also hides the failure of \`${shown(culprit, text)}\` (Fake Success); write \`if ${shown(first, text)}; then …; fi\` instead`,
        );
        continue;
      }
      report(
        { file: line.file, span },
        `\`|| ${shownSwallow}\` in job \`${job.name}\` hides the failure of \`${shown(culprit, text)}\`: the job passes whatever it returns (Fake Success); let it fail, or allow only chosen exit codes with \`allow_failure: {exit_codes: [N]}\``,
      );
    }
  }
}

function checkSetE(job: CiJob, lines: ScriptLine[], report: Reporter): void {
  let off: { line: ScriptLine; span: Span } | undefined;
  // Commands that run after the `set +e` (a `set +e` closing the script hides nothing).
  let after = 0;
  for (const line of lines) {
    const script = scriptOf(line);
    for (const cmd of script.commands) {
      if (off && cmd.name !== undefined && cmd.name !== 'set' && cmd.name !== 'echo' && cmd.name !== 'exit') after++;
      if (cmd.name !== 'set' || cmd.context.subshell || cmd.context.substitution || cmd.context.function || cmd.context.nested) continue;
      const args = cmd.args.map((a) => a.value);
      for (let i = 0; i < args.length; i++) {
        const v = args[i];
        if (v === undefined || v.startsWith('--') || !/^[-+]/.test(v)) continue;
        const flags = v.slice(1);
        const errexit = flags.includes('e') || (flags.includes('o') && args[i + 1] === 'errexit');
        if (!errexit) continue;
        off = v.startsWith('+') ? { line, span: cmd.args[i]!.span } : undefined;
        after = 0;
      }
    }
  }
  // Reported only when `set -e` never comes back before the job's script ends.
  if (off && after > 0) {
    report(
      { file: off.line.file, span: off.span },
      `\`set +e\` in job \`${job.name}\` turns off exit-on-error for the rest of the job: a failing command no longer fails it (Fake Success); turn it back on with \`set -e\` after the commands that may fail, or check their status (\`cmd || [ $? -eq 3 ]\`)`,
    );
  }
}
