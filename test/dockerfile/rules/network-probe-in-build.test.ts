import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'network-probe-in-build';
const run = (script: string) => `FROM debian:bookworm-slim\nRUN ${script}\n`;

describe(rule, () => {
  test('probes and where they point', async () => {
    const text = run('ping -c1 db; ifconfig; ip -4 addr show; ip route; nc -zv redis 6379; nslookup db; wget -qO- http://127.0.0.1:8080/health; curl -f http://localhost/');
    expect(await at(rule, text)).toEqual(['ping', 'ifconfig', 'ip -4 addr', 'ip route', 'nc -zv', 'nslookup', 'wget -qO- http://127.0.0.1:8080/health', 'curl -f http://localhost/']);
  });

  test('changes to the network, plain nc, remote URLs and smoke tests of a server started in the RUN are left alone', async () => {
    const text = run('ip link set eth0 up; nc -l 8080 & curl -f http://localhost:8080/; curl -fsSL https://example.com/x -o x; service nginx start && curl http://localhost/');
    expect(await at(rule, text)).toEqual([]);
  });

  test('not a GitLab CI check: the adapter refuses it', async () => {
    const check = (await import('../../../src/lint/shell/checks/network-probe-in-build.js')).default;
    expect(check.hosts).toEqual(['dockerfile']);
  });
});
