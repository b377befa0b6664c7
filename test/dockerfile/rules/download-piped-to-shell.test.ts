import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'download-piped-to-shell';
const run = (script: string) => `FROM debian:bookworm-slim\nRUN ${script}\n`;

describe(rule, () => {
  test('pipes into shells and stdin-reading interpreters', async () => {
    const text = run('curl -fsSL https://a | sh && wget -qO- https://b | bash -s -- -y && curl https://c | python3 - && curl https://d | busybox sh && curl https://e | sudo -E zsh');
    expect(await at(rule, text)).toEqual(['curl -fsSL https://a | sh', 'wget -qO- https://b | bash', 'curl https://c | python3', 'curl https://d | busybox', 'curl https://e | sudo -E zsh']);
  });

  test('command and process substitutions', async () => {
    const text = run('sh -c "$(curl -fsSL https://a)" && bash <(curl -s https://b) && eval "$(wget -O - https://c)"');
    expect(await at(rule, text)).toEqual(['sh -c "$(curl -fsSL https://a)"', 'bash <(curl -s https://b)', 'eval "$(wget -O - https://c)"']);
  });

  test('downloads to files, data processing and archives are left alone', async () => {
    const text = run(
      'curl -fsSLo /tmp/i.sh https://a | sh && wget https://b | sh && curl https://c | python3 -c "import sys; print(sys.stdin.read())" && curl https://d | tar -xz && curl https://e | sh /tmp/local.sh && v="$(curl -fsSL https://f)"',
    );
    expect(await at(rule, text)).toEqual([]);
  });
});
