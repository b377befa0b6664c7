import { defineRule } from '../../engine/types.js';
import { hasFlag, positionals } from '../../shell/args.js';
import type { ShellCommand, ShellWord } from '../../shell/model.js';
import type { GitlabCiDoc } from '../model/types.js';
import { scriptLines } from '../shell-rule.js';
import { reportOnce } from '../support/report.js';

/** The system CA bundles of the common base images (the files TLS libraries read). */
const BUNDLES = new Set([
  '/etc/ssl/certs/ca-certificates.crt', // Debian, Ubuntu, Alpine, Arch
  '/etc/ssl/cert.pem', // Alpine (libressl/openssl default), macOS
  '/etc/pki/tls/certs/ca-bundle.crt', // RHEL, Fedora, CentOS
  '/etc/pki/tls/cert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/ca-bundle.pem', // openSUSE
  '/etc/ssl/certs/ca-bundle.crt',
]);

const isBundle = (word: ShellWord | undefined): word is ShellWord => word?.value !== undefined && BUNDLES.has(word.value.replace(/\/{2,}/g, '/'));

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/ca-bundle-overwritten',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'A job that overwrites the system CA bundle (`cp my-ca.crt /etc/ssl/certs/ca-certificates.crt`, `> /etc/ssl/cert.pem`, `curl -o …`) instead of adding a certificate to it.',
    rationale:
      'The bundle holds every CA the system trusts. Replacing it with one certificate (often the company CA or `$CI_SERVER_TLS_CA_FILE`) makes the job trust that CA only: TLS to every other host — package mirrors, registries, PyPI, the GitLab API behind another certificate — fails with "certificate verify failed", sometimes steps later and far from the cause, and the next `update-ca-certificates` (a package install can run it) rebuilds the bundle without the certificate. ' +
      'Appending (`cat my-ca.crt >> /etc/ssl/certs/ca-certificates.crt`, `tee -a`) is not reported: the public CAs stay, and the job\'s container is thrown away afterwards; `update-ca-certificates` is still the cleaner way. ' +
      'Bundles: /etc/ssl/certs/ca-certificates.crt (Debian, Ubuntu, Alpine), /etc/ssl/cert.pem, /etc/pki/tls/certs/ca-bundle.crt and /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem (RHEL, Fedora), /etc/ssl/ca-bundle.pem (openSUSE).',
    howToFix:
      'Add the certificate to the trust store: `cp my-ca.crt /usr/local/share/ca-certificates/ && update-ca-certificates` (Debian, Alpine) or `cp my-ca.crt /etc/pki/ca-trust/source/anchors/ && update-ca-trust` (RHEL); or give it to the one tool that needs it: `SSL_CERT_FILE`, `REQUESTS_CA_BUNDLE`, `GIT_SSL_CAINFO`, `NODE_EXTRA_CA_CERTS`, `curl --cacert`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  image: python:3.12-slim\n  script:\n    - cp "$CI_SERVER_TLS_CA_FILE" /etc/ssl/certs/ca-certificates.crt\n    - pip install -r requirements.txt\n' },
        { code: 'test:\n  image: alpine:3.20\n  script:\n    - echo "$COMPANY_CA" > /etc/ssl/cert.pem\n' },
      ],
      good: [
        { code: 'test:\n  image: python:3.12-slim\n  script:\n    - cp "$CI_SERVER_TLS_CA_FILE" /usr/local/share/ca-certificates/gitlab.crt\n    - update-ca-certificates\n' },
        { code: 'test:\n  image: alpine:3.20\n  script:\n    - cat "$COMPANY_CA" >> /etc/ssl/certs/ca-certificates.crt\n', note: 'appending keeps the public CAs' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const { line, script } of scriptLines(ctx.doc)) {
      for (const cmd of script.commands) {
        const target = overwrittenBundle(cmd, line.file.text);
        if (!target) continue;
        report(
          { file: line.file, span: target.span },
          `\`${cmd.name ?? 'the command'}\` replaces the system CA bundle \`${target.value}\`: the job then trusts this CA only, and TLS to every other host fails; add the certificate with \`update-ca-certificates\` (copy it to /usr/local/share/ca-certificates/) or point the one tool at it (\`SSL_CERT_FILE\`, \`REQUESTS_CA_BUNDLE\`, \`GIT_SSL_CAINFO\`)`,
        );
      }
    }
  },
});

/** The bundle a command overwrites, as the word naming it. */
function overwrittenBundle(cmd: ShellCommand, file: string): ShellWord | undefined {
  for (const r of cmd.redirects) if ((r.operator === '>' || r.operator === '>|') && isBundle(r.target)) return r.target;
  // A redirection of a whole pipeline is not attached to its last command.
  const stages = cmd.pipeline?.commands;
  if (stages && stages[stages.length - 1] === cmd) {
    const m = /^[ \t]*>\|?[ \t]*(\S+)/.exec(file.slice(cmd.pipeline!.span.end));
    const value = m?.[1]!.replace(/^(["'])(.*)\1$/, '$2');
    if (value && BUNDLES.has(value)) {
      const start = cmd.pipeline!.span.end + m![0].length - m![1]!.length;
      return { raw: m![1]!, value, span: { start, end: start + m![1]!.length } };
    }
  }
  const ops = positionals(cmd);
  switch (cmd.name) {
    case 'cp':
    case 'mv':
    case 'install':
      return ops.length >= 2 && isBundle(ops[ops.length - 1]) ? ops[ops.length - 1] : undefined;
    case 'ln':
      return hasFlag(cmd, '-f', '--force') && ops.length >= 2 && isBundle(ops[ops.length - 1]) ? ops[ops.length - 1] : undefined;
    case 'tee':
      return hasFlag(cmd, '-a', '--append') ? undefined : ops.find(isBundle);
    case 'curl':
    case 'wget':
      return cmd.args.find((w, i) => isBundle(w) && ['-o', '--output', '-O', '--output-document'].includes(cmd.args[i - 1]?.value ?? '')) ?? outputAttached(cmd);
    default:
      return undefined;
  }
}

/** `--output=/etc/ssl/cert.pem`, `-O/etc/ssl/cert.pem`. */
function outputAttached(cmd: ShellCommand): ShellWord | undefined {
  for (const w of cmd.args) {
    const m = w.value === undefined ? null : /^(?:--output(?:-document)?=|-[oO])(\/.+)$/.exec(w.value);
    if (m && BUNDLES.has(m[1]!)) return w;
  }
  return undefined;
}
