import { defineRule, type SourceFile, type Span } from '../../engine/types.js';
import type { ShellCommand, ShellScript } from '../../shell/model.js';
import type { GitlabCiDoc } from '../model/types.js';
import { scriptLines } from '../shell-rule.js';
import { locate } from '../support/text.js';
import { reportOnce } from '../support/report.js';
import { variableDefinitions } from '../support/variables.js';

/** ssh options that give up checking the host key, wherever they are written. */
const INSECURE_OPTIONS: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /StrictHostKeyChecking(?:[ \t]*=[ \t]*|[ \t]+)(?:no|off)\b/i, why: 'makes ssh accept any host key' },
  { pattern: /UserKnownHostsFile(?:[ \t]*=[ \t]*|[ \t]+)\/dev\/null\b/i, why: 'throws the known host keys away, so ssh has nothing to check the host against' },
];

const ADVICE = "put the host's real key in a CI/CD variable (e.g. `SSH_KNOWN_HOSTS`) and write it to `~/.ssh/known_hosts`";

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/ssh-host-key-unverified',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'A job that trusts whatever SSH host key it is shown: `ssh-keyscan host >> ~/.ssh/known_hosts`, `StrictHostKeyChecking=no` or `UserKnownHostsFile=/dev/null`.',
    rationale:
      'SSH keys the host, not only the user: checking the host key is what stops a machine in the middle (a spoofed DNS answer, an ARP trick on the runner\'s network) from taking the connection, and with it the deploy key\'s access and whatever the job uploads. ' +
      '`ssh-keyscan` in the job asks the network for the key at run time, so it trusts the same machine a man-in-the-middle would be; `StrictHostKeyChecking=no` and `UserKnownHostsFile=/dev/null` turn the check off outright. ' +
      'GitLab\'s documentation recommends an `SSH_KNOWN_HOSTS` CI/CD variable holding the key, taken once from a trusted place and checked. ' +
      '`ssh-keyscan` whose output goes elsewhere (to be compared with a known fingerprint) is not reported, nor is `StrictHostKeyChecking=accept-new` with a known_hosts file the job provides.',
    howToFix:
      'Run `ssh-keyscan host` once from a trusted network, check the fingerprint, store the output in a CI/CD variable `SSH_KNOWN_HOSTS`, and in the job: `mkdir -p ~/.ssh && echo "$SSH_KNOWN_HOSTS" >> ~/.ssh/known_hosts`. Remove `StrictHostKeyChecking=no`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'deploy:\n  image: alpine:3.20\n  script:\n    - mkdir -p ~/.ssh\n    - ssh-keyscan -H deploy.example.com >> ~/.ssh/known_hosts\n    - scp -r public deploy@deploy.example.com:/srv/www\n' },
        { code: 'deploy:\n  image: alpine:3.20\n  script:\n    - ssh -o StrictHostKeyChecking=no deploy@deploy.example.com ./restart.sh\n' },
        { code: 'deploy:\n  image: alpine:3.20\n  variables:\n    GIT_SSH_COMMAND: ssh -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no\n  script:\n    - git push deploy HEAD:main\n', note: 'in a variable' },
      ],
      good: [
        { code: 'deploy:\n  image: alpine:3.20\n  script:\n    - mkdir -p ~/.ssh\n    - echo "$SSH_KNOWN_HOSTS" >> ~/.ssh/known_hosts\n    - scp -r public deploy@deploy.example.com:/srv/www\n' },
        { code: 'check:\n  image: alpine:3.20\n  script:\n    - ssh-keyscan deploy.example.com > scanned\n    - ssh-keygen -lf scanned | grep -q "$DEPLOY_HOST_FINGERPRINT"\n', note: 'the scanned key is checked, not trusted' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const { line, script } of scriptLines(ctx.doc)) {
      for (const cmd of script.commands) {
        if (cmd.name === 'ssh-keyscan' && writesKnownHosts(script, cmd, line.file.text)) {
          report(
            { file: line.file, span: cmd.nameWord!.span },
            `\`ssh-keyscan\` writes whatever key the host presents when the job runs into known_hosts, so a machine in the middle is trusted as the host; ${ADVICE}`,
          );
        }
        for (const word of [cmd.nameWord, ...cmd.args, ...cmd.assignments.map((a) => a.value)]) {
          if (word) insecureOptions(word.raw, line.file, word.span, report);
        }
        for (const r of cmd.redirects) if (r.heredoc) insecureOptions(r.heredoc.body, line.file, r.heredoc.span, report);
      }
    }
    for (const def of variableDefinitions(ctx.doc)) {
      const value = def.variable.value;
      if (value && def.variable.text !== undefined) insecureOptions(def.variable.text, value.file, value.span, report);
    }
  },
});

/** Reports each insecure ssh option in `text`, written at `span` of `file`. */
function insecureOptions(text: string, file: SourceFile, span: Span, report: (where: { file: SourceFile; span: Span }, message: string) => void): void {
  for (const { pattern, why } of INSECURE_OPTIONS) {
    const m = pattern.exec(text);
    if (!m) continue;
    report({ file, span: locate(file, span, m[0]) }, `\`${m[0]}\` ${why}: a machine in the middle of the connection is taken for the host; ${ADVICE}`);
  }
}

/** Whether the output of `ssh-keyscan` goes into a known_hosts file (redirect, `tee`, a pipe ending in one). */
function writesKnownHosts(script: ShellScript, cmd: ShellCommand, file: string): boolean {
  const isKnownHosts = (raw: string | undefined) => raw !== undefined && /known_hosts/i.test(raw);
  const redirectsThere = (c: ShellCommand) => c.redirects.some((r) => (r.operator === '>' || r.operator === '>>' || r.operator === '>|') && isKnownHosts(r.target?.raw));
  if (redirectsThere(cmd)) return true;
  const stages = cmd.pipeline?.commands ?? [];
  for (const later of stages.slice(stages.indexOf(cmd) + 1)) {
    if (redirectsThere(later)) return true;
    if (later.name === 'tee' && later.args.some((a) => isKnownHosts(a.raw))) return true;
  }
  // A redirection of the whole pipeline (`a | b > file`) is not attached to its last command.
  if (cmd.pipeline && isKnownHosts(/^[ \t]*(?:>>?|>\|)[ \t]*("[^"\n]*"|'[^'\n]*'|[^\s;&|]+)/.exec(file.slice(cmd.pipeline.span.end))?.[1])) return true;
  // `echo "$(ssh-keyscan host)" >> ~/.ssh/known_hosts`: the command around the substitution.
  if (cmd.context.substitution) {
    return script.commands.some((c) => c !== cmd && c.span.start <= cmd.span.start && c.span.end >= cmd.span.end && redirectsThere(c));
  }
  return false;
}
