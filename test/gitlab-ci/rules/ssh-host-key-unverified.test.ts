import { describe, expect, test } from 'vitest';
import { messages } from '../helpers.js';

const run = (code: string) => messages(code, ['ssh-host-key-unverified']);
const job = (...lines: string[]) => `deploy:\n  image: alpine:3.20\n  script:\n${lines.map((l) => `    ${l}`).join('\n')}\n`;
const heads = (code: string) => run(code).map((m) => m.split(' ').slice(0, 2).join(' '));

describe('gitlab-ci/ssh-host-key-unverified', () => {
  test('ssh-keyscan into known_hosts: redirect, tee, a pipe, a substitution', () => {
    const code = job(
      '- ssh-keyscan -t ed25519 host >> ~/.ssh/known_hosts',
      '- ssh-keyscan host | tee -a /root/.ssh/known_hosts',
      '- ssh-keyscan -p 2222 host 2>/dev/null | sort -u > "$HOME/.ssh/known_hosts"',
      '- echo "$(ssh-keyscan host)" >> ~/.ssh/known_hosts',
    );
    expect(heads(code)).toEqual(['4:7 `ssh-keyscan`', '5:7 `ssh-keyscan`', '6:7 `ssh-keyscan`', '7:15 `ssh-keyscan`']);
    expect(run(code)[0]).toBe(
      "4:7 `ssh-keyscan` writes whatever key the host presents when the job runs into known_hosts, so a machine in the middle is trusted as the host; put the host's real key in a CI/CD variable (e.g. `SSH_KNOWN_HOSTS`) and write it to `~/.ssh/known_hosts`",
    );
  });

  test('options: ssh -o, attached, config written with echo or a here-document, nested sh -c, variables', () => {
    const code = [
      'variables:',
      '  GIT_SSH_COMMAND: "ssh -o UserKnownHostsFile=/dev/null"',
      'deploy:',
      '  image: alpine:3.20',
      '  script:',
      '    - scp -oStrictHostKeyChecking=no f host:/tmp',
      '    - echo -e "Host *\\n\\tStrictHostKeyChecking no\\n" > ~/.ssh/config',
      "    - sh -c 'ssh -o StrictHostKeyChecking=off host true'",
      '    - |',
      '      cat > ~/.ssh/config <<EOF',
      '      Host *',
      '        StrictHostKeyChecking no',
      '      EOF',
      '',
    ].join('\n');
    expect(heads(code)).toEqual([
      '2:28 `UserKnownHostsFile=/dev/null`',
      '6:13 `StrictHostKeyChecking=no`',
      '7:26 `StrictHostKeyChecking',
      '8:21 `StrictHostKeyChecking=off`',
      '12:9 `StrictHostKeyChecking',
    ]);
  });

  test('keys from a variable, keyscan checked elsewhere, accept-new and yes are fine', () => {
    const code = job(
      '- echo "$SSH_KNOWN_HOSTS" >> ~/.ssh/known_hosts',
      '- ssh-keyscan host > /tmp/scanned',
      '- ssh -o StrictHostKeyChecking=yes host',
      '- ssh -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=known_hosts host',
    );
    expect(run(code)).toEqual([]);
  });
});
