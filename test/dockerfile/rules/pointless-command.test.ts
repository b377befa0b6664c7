import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'pointless-command';
const run = (script: string, flags = '') => `FROM debian:12\nRUN ${flags}${script}\n`;

describe(rule, () => {
  test('points at the command name, also behind sudo and in pipelines', async () => {
    expect(await at(rule, run('ps aux | grep nginx && sudo service nginx start'))).toEqual(['ps', 'service']);
  });

  test('processes managed within the RUN: a background job or a service used after it starts', async () => {
    expect(await at(rule, run('redis-server & sleep 1 && redis-cli ping && kill %1'))).toEqual([]);
    expect(await at(rule, run('service mysql start && mysql < /init.sql && service mysql stop'))).toEqual([]);
    expect(await at(rule, run('service mysql start'))).toEqual(['service']);
  });

  test('scripted vim and ssh with an agent mount are fine; installing and looking up tools too', async () => {
    expect(await at(rule, run('vim -es -c "PlugInstall" -c qa && command -v top && apt-get install -y vim'))).toEqual([]);
    expect(await at(rule, run('ssh -T git@github.com || true', '--mount=type=ssh '))).toEqual([]);
    expect(await at(rule, run('ssh -T git@github.com || true'))).toEqual(['ssh']);
  });

  test('mount, shutdown, free and top are always reported', async () => {
    expect(await at(rule, run('mount -t tmpfs none /mnt; free -m; top -bn1; shutdown -h now'))).toEqual(['mount', 'free', 'top', 'shutdown']);
  });
});
