import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'tls-verification-disabled';
const run = (script: string) => `FROM debian:bookworm-slim\nRUN ${script}\n`;

describe(rule, () => {
  test('curl and wget options, also inside combined short options', async () => {
    expect(await at(rule, run('curl -fsSLk https://x/a -o a && curl --insecure https://x/b && wget --no-check-certificate https://x/c'))).toEqual([
      '-fsSLk',
      '--insecure',
      '--no-check-certificate',
    ]);
    // `-k` as the value of -o, and -K (a config file) are not -k.
    expect(await at(rule, run('curl -o -k https://x/a && curl -K cfg https://x/b'))).toEqual([]);
  });

  test('pip: --trusted-host, plain-HTTP indexes, python -m pip and pip config', async () => {
    const text = run(
      'python3 -m pip install --trusted-host=pypi.internal -r r.txt && pip install -i http://pypi.internal/simple x && pip config set global.trusted-host pypi.internal && pip install --extra-index-url https://ok/simple y',
    );
    expect(await at(rule, text)).toEqual(['--trusted-host=pypi.internal', '-i http://pypi.internal/simple', 'global.trusted-host pypi.internal']);
  });

  test('git, npm, yarn, conda and composer configuration', async () => {
    const text = run(
      [
        'git config --global http.sslVerify false',
        'git -c http.https://git.internal/.sslverify=0 clone https://git.internal/a.git',
        'npm config set strict-ssl false',
        'yarn config set strict-ssl=false',
        'npm ci --strict-ssl=false',
        'conda config --set ssl_verify no',
        'composer config -g secure-http false',
        'git config --global http.sslVerify true',
      ].join(' && '),
    );
    expect(await at(rule, text)).toEqual([
      'http.sslVerify false',
      'http.https://git.internal/.sslverify=0',
      'strict-ssl false',
      'strict-ssl=false',
      '--strict-ssl=false',
      '--set ssl_verify no',
      'secure-http false',
    ]);
  });

  test('registry and cluster tools', async () => {
    const text = run('kubectl --insecure-skip-tls-verify apply -f k.yaml && skopeo copy --src-tls-verify=false a b && /kaniko/executor --skip-tls-verify --context . && podman pull --tls-verify=true x');
    expect(await at(rule, text)).toEqual(['--insecure-skip-tls-verify', '--src-tls-verify=false', '--skip-tls-verify']);
  });

  test('environment variables set by the script and configuration it writes', async () => {
    const text = run(
      "export NODE_TLS_REJECT_UNAUTHORIZED=0 && GIT_SSL_NO_VERIFY=1 git clone https://x/a.git && echo 'Acquire::https::Verify-Peer \"false\";' > /etc/apt/apt.conf.d/99x && echo 'sslverify=0' >> /etc/yum.conf",
    );
    const found = await hits(rule, text);
    expect(found.map((h) => h.at)).toEqual([
      'NODE_TLS_REJECT_UNAUTHORIZED=0',
      'GIT_SSL_NO_VERIFY=1',
      "'Acquire::https::Verify-Peer \"false\";'",
      "'sslverify=0'",
    ]);
    expect(found[0]!.message).toMatch(/Node\.js/);
  });

  test('a here-document is pointed at exactly', async () => {
    const text = 'FROM debian:bookworm-slim\nRUN <<EOF\ncat > /etc/pip.conf <<CONF\n[global]\ntrusted-host = pypi.internal\nCONF\nEOF\n';
    expect(await at(rule, text)).toEqual(['trusted-host = pypi.internal']);
  });

  test('one finding per place even when two detections meet', async () => {
    expect(await at(rule, run('npm config set strict-ssl=false'))).toEqual(['strict-ssl=false']);
  });
});
