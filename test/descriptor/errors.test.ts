import { describe, expect, test } from 'vitest';
import { errorsOf, textAt } from './helpers.js';

const TORNADO = 'name: hello\nextends: python-tornado\n';

interface BadDescriptor {
  name: string;
  yaml: string;
  errors: string[];
  /** The source text the first error's position must point at. */
  at: string;
}

const cases: BadDescriptor[] = [
  {
    name: 'misspelled top-level key',
    yaml: 'name: hello\nimgae:\n  variant: slim\nlanguage: python\napp:\n  command: [python, app.py]\n',
    errors: ['slipway.yaml:2:1: error: unknown key `imgae`; did you mean `image`?'],
    at: 'imgae:',
  },
  {
    name: 'misspelled nested key',
    yaml: `${TORNADO}image:\n  varient: alpine\n`,
    errors: ['slipway.yaml:4:3: error: unknown key `varient` in `image`; did you mean `variant`?'],
    at: 'varient:',
  },
  {
    name: 'key at the wrong level',
    yaml: `${TORNADO}port: 8080\n`,
    errors: ['slipway.yaml:3:1: error: unknown key `port`; it belongs under `app` (`app.port`)'],
    at: 'port:',
  },
  {
    name: 'unknown key without a close match lists the valid ones',
    yaml: `${TORNADO}release:\n  promote: true\n`,
    errors: ['slipway.yaml:4:3: error: unknown key `promote` in `release`; expected one of latest, gitTag'],
    at: 'promote:',
  },
  {
    name: 'bad enum value',
    yaml: `${TORNADO}image:\n  variant: slimm\n`,
    errors: ['slipway.yaml:4:12: error: `image.variant` must be one of slim, alpine; got `slimm`; did you mean `slim`?'],
    at: 'slimm',
  },
  {
    name: 'quoted number where a number is expected',
    yaml: `${TORNADO}app:\n  port: "8888"\n`,
    errors: ['slipway.yaml:4:9: error: `app.port` must be a whole number; got the text `"8888"`'],
    at: '"8888"',
  },
  {
    name: 'shell-form command',
    yaml: `${TORNADO}app:\n  command: python app.py\n`,
    errors: ['slipway.yaml:4:12: error: `app.command` must be a list in exec form, e.g. ["python", "app.py"]; got the text `python app.py`'],
    at: 'python app.py',
  },
  {
    name: 'unquoted version read as a number',
    yaml: `${TORNADO}runtime:\n  version: 3.10\n`,
    errors: [
      'slipway.yaml:4:12: error: `runtime.version` must be a quoted version string such as "3.13"; got the number `3.10` (YAML reads it as 3.1: quote it, "3.10")',
    ],
    at: '3.10',
  },
  {
    name: 'unknown preset',
    yaml: 'name: hello\nextends: pyhton-flask\n',
    errors: [
      'slipway.yaml:2:10: error: unknown preset `pyhton-flask`; did you mean `python-flask`? Available presets: go-http, node-cli, node-express, node-vite, python-fastapi, python-flask, python-tornado',
    ],
    at: 'pyhton-flask',
  },
  {
    name: 'secret-named environment variable with a value',
    yaml: `${TORNADO}image:\n  env:\n    APP_ENV: production\n    API_TOKEN: s3cr3t-value\n`,
    errors: [
      'slipway.yaml:6:16: error: `image.env.API_TOKEN` looks like a secret; secrets must not be baked into the image or written in slipway.yaml: keep it in a masked CI/CD variable and pass it to the container at run time',
    ],
    at: 's3cr3t-value',
  },
  {
    name: 'GitLab token inside a command',
    yaml: `${TORNADO}test:\n  command: [curl, -H, "PRIVATE-TOKEN: glpat-abcdefghij0123456789"]\n`,
    errors: [
      'slipway.yaml:4:23: error: `test.command[2]` contains a secret (GitLab personal access token); never write secrets in slipway.yaml: keep the value in a masked CI/CD variable and refer to it by name',
    ],
    at: '"PRIVATE-TOKEN',
  },
  {
    name: 'private key block',
    yaml: `${TORNADO}deploy:\n  method: ssh\n  ssh:\n    command: |\n      cat > key <<EOF\n      -----BEGIN OPENSSH PRIVATE KEY-----\n      b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n      QyNTUxOQAAACBvHh0bDkgYmJ9oWfZb2b7cXcNO2kKx1sB3l5fXqVBgWQAAAJgYYyKZGGMi\n      -----END OPENSSH PRIVATE KEY-----\n      EOF\n`,
    errors: [
      'slipway.yaml:6:14: error: `deploy.ssh.command` contains a secret (OpenSSH private key); never write secrets in slipway.yaml: keep the value in a masked CI/CD variable and refer to it by name',
    ],
    at: '|',
  },
  {
    name: 'URL with a password',
    yaml: `${TORNADO}deploy:\n  method: kubernetes\n  environment:\n    url: https://admin:hunter2@hello.example.com\n`,
    errors: [
      'slipway.yaml:6:10: error: `deploy.environment.url` must be an http(s):// URL without credentials; got `https://admin:hunter2@hello.example.com`',
    ],
    at: 'https://admin',
  },
  {
    name: 'path climbing out of the project',
    yaml: `${TORNADO}image:\n  copy: [app.py, ../secrets]\n`,
    errors: [
      'slipway.yaml:4:18: error: `image.copy[1]` must be a relative path inside the project (no leading /, no .., / as separator); got `../secrets`',
    ],
    at: '../secrets',
  },
  {
    name: 'absolute path',
    yaml: `${TORNADO}python:\n  requirements: /etc/requirements.txt\n`,
    errors: [
      'slipway.yaml:4:17: error: `python.requirements` must be a relative path inside the project (no leading /, no .., / as separator); got `/etc/requirements.txt`',
    ],
    at: '/etc/requirements.txt',
  },
  {
    name: 'YAML syntax error',
    yaml: `${TORNADO}image:\n  variant: slim\n   layering: single\n`,
    errors: ['slipway.yaml:4:12: error: invalid YAML: nested mappings are not allowed in compact mappings'],
    at: 'slim',
  },
  {
    name: 'tab indentation',
    yaml: `${TORNADO}app:\n\tport: 8888\n`,
    errors: ['slipway.yaml:4:1: error: invalid YAML: tabs are not allowed as indentation; indent with spaces'],
    at: '\tport',
  },
  {
    name: 'duplicate key',
    yaml: `${TORNADO}image:\n  variant: slim\n  variant: alpine\n`,
    errors: ['slipway.yaml:5:3: error: duplicate key `variant`; YAML keys must be unique, remove one of them'],
    at: 'variant: alpine',
  },
  {
    name: 'two documents',
    yaml: `${TORNADO}---\nname: other\n`,
    errors: ['slipway.yaml:3:1: error: the file must hold a single YAML document; remove the `---` separator and what follows'],
    at: '---',
  },
  {
    name: 'host written where a variable name belongs',
    yaml: `${TORNADO}deploy:\n  method: ssh\n  ssh:\n    hostVariable: deploy.example.com\n`,
    errors: [
      "slipway.yaml:6:19: error: `deploy.ssh.hostVariable` must be the NAME of a CI/CD variable (upper-case letters, digits and _), not its value: keep the value in GitLab's CI/CD settings; got `deploy.example.com`",
    ],
    at: 'deploy.example.com',
  },
  {
    name: 'settings of another deploy method',
    yaml: `${TORNADO}deploy:\n  method: ssh\n  kubernetes:\n    namespace: web\n`,
    errors: [
      'slipway.yaml:5:3: error: `deploy.kubernetes` configures the kubernetes method, but `deploy.method` is ssh; remove `deploy.kubernetes` or set `deploy.method: kubernetes`',
    ],
    at: 'kubernetes:',
  },
  {
    name: 'end-of-life runtime',
    yaml: `${TORNADO}runtime:\n  version: "3.9"\n`,
    errors: [
      'slipway.yaml:4:12: error: `runtime.version`: Python 3.9 reached its end of life on 2025-10-31 and gets no more security fixes; use a supported version: 3.11, 3.12, 3.13, 3.14, 3.15',
    ],
    at: '"3.9"',
  },
  {
    name: 'port out of range',
    yaml: `${TORNADO}app:\n  port: 70000\n`,
    errors: ['slipway.yaml:4:9: error: `app.port` must be between 1 and 65535; got the number `70000`'],
    at: '70000',
  },
  {
    name: 'no preset and no app',
    yaml: 'name: hello\nlanguage: python\n',
    errors: ['slipway.yaml:1:1: error: missing required key `app` (how the application runs)'],
    at: 'name:',
  },
  {
    name: 'empty file',
    yaml: '# nothing yet\n',
    errors: [
      'slipway.yaml:1:1: error: the descriptor is empty; it needs at least `name:` and a preset (`extends:`) or `language:` and `app.command` (run `slipway init` to write one)',
    ],
    at: '# nothing',
  },
  {
    name: 'not a mapping',
    yaml: '- name: hello\n',
    errors: ['slipway.yaml:1:1: error: the file must be a mapping; got a list'],
    at: '- name',
  },
  {
    name: 'empty section',
    yaml: `${TORNADO}app:\n`,
    errors: ['slipway.yaml:3:1: error: `app` must be a mapping; got an empty value'],
    at: 'app:',
  },
  {
    name: 'HTTP health check without a port',
    yaml: 'name: worker\nlanguage: python\napp:\n  command: [python, worker.py]\n  healthcheck:\n    path: /health\n',
    errors: [
      'slipway.yaml:5:3: error: `app.healthcheck` probes HTTP on `app.port`, which is not set; set `app.port`, give `healthcheck.command`, or set `healthcheck: false`',
    ],
    at: 'healthcheck:',
  },
  {
    name: 'deploy stage without a deploy method or a build',
    yaml: `${TORNADO}ci:\n  stages: [test, deploy]\n`,
    errors: [
      'slipway.yaml:4:18: error: `ci.stages` lists deploy but `deploy.method` is none; set `deploy.method` (ssh, kubernetes, compose) or remove deploy',
      'slipway.yaml:4:18: error: `ci.stages` lists deploy without build; deploy uses the image the build stage pushes, so add build',
    ],
    at: 'deploy]',
  },
  {
    name: 'misspelled time zone',
    yaml: `${TORNADO}image:\n  timezone: Europe/Zurik\n`,
    errors: [
      'slipway.yaml:4:13: error: `image.timezone` must be an IANA time zone such as Europe/Zurich or UTC; got `Europe/Zurik`; did you mean `Europe/Zurich`?',
    ],
    at: 'Europe/Zurik',
  },
  {
    name: 'bad environment variable name',
    yaml: `${TORNADO}image:\n  env:\n    app-env: production\n`,
    errors: [
      'slipway.yaml:5:5: error: `image.env` key `app-env` must be an environment variable name (letters, digits and _, not starting with a digit)',
    ],
    at: 'app-env:',
  },
  {
    name: 'bad lint severity',
    yaml: `${TORNADO}lint:\n  rules:\n    DL3008: of\n`,
    errors: ['slipway.yaml:5:13: error: `lint.rules.DL3008` must be one of off, error, warning, info, style; got `of`; did you mean `off`?'],
    at: 'of',
  },
  {
    name: 'running as root',
    yaml: `${TORNADO}image:\n  user:\n    name: root\n`,
    errors: [
      'slipway.yaml:5:11: error: `image.user.name` must not be root: the application runs as an unprivileged user; keep the default `app` or name another',
    ],
    at: 'root',
  },
  {
    name: 'duplicate list entry',
    yaml: `${TORNADO}image:\n  systemPackages: [libpq5, curl, libpq5]\n`,
    errors: ['slipway.yaml:4:34: error: `image.systemPackages` lists `libpq5` more than once'],
    at: 'libpq5]',
  },
  {
    name: 'every problem of a file at once, in source order',
    yaml: `${TORNADO}app:\n  port: 0\nimage:\n  variant: debian\n  layering: multi\n`,
    errors: [
      'slipway.yaml:4:9: error: `app.port` must be between 1 and 65535; got the number `0`',
      'slipway.yaml:6:12: error: `image.variant` must be one of slim, alpine; got `debian`',
      'slipway.yaml:7:13: error: `image.layering` must be one of single, builder, base-app; got `multi`',
    ],
    at: '0',
  },
];

describe('bad descriptors give one precise line per problem', () => {
  test('there are at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });
  test.each(cases)('$name', ({ yaml, errors, at }) => {
    const got = errorsOf(yaml);
    expect(got).toEqual(errors);
    for (const line of got) expect(line).not.toContain('\n');
    const [, l, c] = /^slipway\.yaml:(\d+):(\d+):/.exec(got[0]!)!;
    expect(textAt(yaml, Number(l), Number(c)).startsWith(at)).toBe(true);
  });
});
