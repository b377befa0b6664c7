import { fileLabel, keepItIn } from './advice.js';
import { fakePrivateKey } from './fake-secrets.js';
import { capitalize, secretFamilyRule } from './family-rule.js';

export default secretFamilyRule(
  {
    id: 'secrets/private-key',
    kind: 'any',
    severity: 'error',
    description: 'A private key block (PEM, OpenSSH, PGP) is written in the file.',
    rationale:
      'A private key in a repository gives whoever reads it the identity the key stands for: SSH access to servers, deploy rights, signing. ' +
      'slipway reports `-----BEGIN … PRIVATE KEY-----` blocks with a key-sized base64 body, written out or on one line with `\\n` escapes; a header followed by `...` or a placeholder is documentation and is not reported. ' +
      "secretlint's private key rules run too; one key gives one finding.",
    howToFix:
      'Treat the key as compromised: remove its public half from every server, deploy key list or keyring that trusts it, and generate a new pair. ' +
      'Keep the new private key out of the repository: in GitLab CI as a File-type CI/CD variable (`ssh-add "$SSH_PRIVATE_KEY"`), in a Dockerfile through `RUN --mount=type=ssh` or a secret mount.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          filename: '.gitlab-ci.yml',
          code: `deploy:\n  script:\n    - |\n      cat > ~/.ssh/id_rsa <<'KEY'\n${fakePrivateKey('RSA PRIVATE KEY')
            .split('\n')
            .map((l) => '      ' + l)
            .join('\n')}\n      KEY\n`,
          note: 'A key pasted into a job script.',
        },
        {
          filename: 'Dockerfile',
          code: `FROM alpine:3.20\nRUN echo "${fakePrivateKey('OPENSSH PRIVATE KEY', '\\n')}" > /root/.ssh/id_ed25519\n`,
          note: 'A key on one line with `\\n` escapes; it stays in the image layer.',
        },
      ],
      good: [
        {
          filename: '.gitlab-ci.yml',
          code: 'deploy:\n  script:\n    - eval "$(ssh-agent -s)"\n    - ssh-add "$SSH_PRIVATE_KEY"\n',
          note: 'The key is a File-type CI/CD variable.',
        },
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\nRUN --mount=type=ssh git clone git@gitlab.com:group/app.git /src\n',
          note: 'The SSH agent is forwarded for one instruction only.',
        },
        {
          filename: 'Makefile',
          code: '# Put your key in ~/.ssh/id_rsa:\n#   -----BEGIN RSA PRIVATE KEY-----\n#   ...\n#   -----END RSA PRIVATE KEY-----\nssh:\n\tssh -i ~/.ssh/id_rsa deploy@example.com\n',
          note: 'A header without a key body is documentation.',
        },
      ],
    },
  },
  'private-key',
  (hit, file) =>
    `${capitalize(hit.what)} (\`${hit.masked}\`) committed in \`${fileLabel(file)}\`; replace the key pair (this one is compromised) and ${keepItIn(file)}`,
);
