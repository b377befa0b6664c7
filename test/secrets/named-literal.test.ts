import { describe, expect, it } from 'vitest';
import { findSecretNamedLiterals } from '../../src/lint/secrets/detectors/named-literal.js';
import { FAKE_PASSWORD as PW } from './fakes.js';
import { found } from './helpers.js';

const values = (text: string): string[] => found(text, findSecretNamedLiterals(text)).map(([, v]) => v);

describe('secret-named keys with literal values', () => {
  it.each([
    ['YAML', `variables:\n  DB_PASSWORD: ${PW}\n`],
    ['YAML double-quoted', `variables:\n  DB_PASSWORD: "${PW}"\n`],
    ['YAML single-quoted with a comment', `  DB_PASSWORD: '${PW}' # prod\n`],
    ['YAML unquoted with a comment', `  DB_PASSWORD: ${PW} # prod\n`],
    ['JSON', `{"db_password": "${PW}", "user": "app"}`],
    ['env file', `DB_PASSWORD=${PW}\n`],
    ['Makefile', `DB_PASSWORD = ${PW}\n`],
    ['Makefile :=', `DB_PASSWORD := ${PW}\n`],
    ['Makefile ?=', `DB_PASSWORD ?= ${PW}\n`],
    ['tox setenv', `setenv =\n    DB_PASSWORD = ${PW}\n`],
    ['Dockerfile ENV space form', `ENV DB_PASSWORD ${PW}\n`],
    ['Dockerfile ENV pairs', `ENV APP=web DB_PASSWORD=${PW} PORT=80\n`],
    ['Dockerfile ENV continuation line', `ENV APP=web \\\n    DB_PASSWORD=${PW}\n`],
    ['Dockerfile ARG default', `ARG DB_PASSWORD=${PW}\n`],
    ['export', `export DB_PASSWORD=${PW}\n`],
    ['--build-arg', `docker build --build-arg DB_PASSWORD=${PW} .\n`],
    ['-e', `  - docker run -e DB_PASSWORD=${PW} app\n`],
    ['quoted -e', `  - docker run -e "DB_PASSWORD=${PW}" app\n`],
    ['helm --set', `helm upgrade app . --set db.password=${PW},replicas=2\n`],
    ['GitLab long form', `variables:\n  DB_PASSWORD:\n    description: "db"\n    value: "${PW}"\n`],
    ['curl header', `curl -H "PRIVATE-TOKEN: ${PW}" https://gitlab.example.com/api/v4/user\n`],
    ['bearer header', `curl --header 'Authorization: Bearer ${PW}' https://api.example.com\n`],
    ['commented-out line', `# DB_PASSWORD=${PW}\n`],
  ])('finds the value alone in %s', (_form, text) => {
    expect(values(text)).toEqual([PW]);
  });

  it('names the key in `what`', () => {
    const [hit] = findSecretNamedLiterals(`API_TOKEN=${PW}`);
    expect(hit!.what).toBe('value of `API_TOKEN`');
    const [header] = findSecretNamedLiterals(`-H "PRIVATE-TOKEN: ${PW}"`);
    expect(header!.what).toBe('credential in the `PRIVATE-TOKEN` header');
  });

  it('still reports a random-looking value under a service container name', () => {
    expect(values(`POSTGRES_PASSWORD: ${PW}`)).toEqual([PW]);
  });

  it('reports each pair once although several forms match it', () => {
    expect(values(`export API_TOKEN=${PW}`)).toHaveLength(1);
  });

  it.each([
    ['a variable reference', 'DB_PASSWORD: $PASSWORD'],
    ['a braced reference', 'DB_PASSWORD=${PASSWORD}'],
    ['a CI predefined variable', 'REGISTRY_PASSWORD: $CI_REGISTRY_PASSWORD'],
    ['a GitHub expression', 'GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}'],
    ['a command substitution', 'export TOKEN=$(cat /run/secrets/token)'],
    ['a make call', 'API_TOKEN ?= $(shell cat .token)'],
    ['an empty string', 'password: ""'],
    ['an empty value', 'DB_PASSWORD='],
    ['a file reference name', 'TOKEN_FILE=/run/secrets/x'],
    ['a path value', 'SSH_PRIVATE_KEY: /root/.ssh/id_rsa'],
    ['a placeholder', 'API_KEY=changeme'],
    ['angle placeholder', 'API_KEY=<your-api-key>'],
    ['service default', 'POSTGRES_PASSWORD: postgres'],
    ['root default', 'MYSQL_ROOT_PASSWORD: root'],
    ['a test value', 'SECRET_KEY: test-secret-key-for-ci'],
    ['a boolean', 'AUTH: "true"'],
    ['a name that is not secret', `USERNAME=${PW}`],
    ['a public key name', `PUBLIC_KEY=${PW}`],
    ['an id', `AWS_ACCESS_KEY_ID=${PW}`],
    ['a GPG key fingerprint', 'ENV GPG_KEY 0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D'],
    ['a flag (left to the shell rules)', `docker login -u me -p ${PW} registry`],
    ['a block scalar', 'DB_PASSWORD: |\n  line'],
    ['prose', 'token: the token used by the release bot'],
    ['a YAML job key', 'secret_detection:\n  stage: test'],
    ['a header from a variable', 'curl -H "PRIVATE-TOKEN: $GITLAB_TOKEN" x'],
    ['a pinned requirement', 'django-rest-auth==0.9.5\npython-social-auth>=0.2'],
    ['a password equal to the user name in the file', 'POSTGRES_USER: baserow\nDB_PASSWORD: baserow'],
    ['a service container word', 'MYSQL_ROOT_PASSWORD: failmap\nMYSQL_PASSWORD: tikipass'],
    ['placeholder words', 'MINIO_SECRET_KEY: secret_key\nAWS_SECRET_ACCESS_KEY=anyvalue\nK8S_SECRET_A=value1'],
    ['part of its own name', 'ENV NAGIOSADMIN_PASS nagios'],
    ['a resource name', 'tlsSecret: tls-wildcard-review-example-io'],
    ['an escaped multi-word value', 'K8S_SECRET_B=multi\\ word\\ value'],
    ['a tox substitution', 'DB_PASSWORD =  {env:DB_PASSWORD:debug_toolbar}'],
    ['a regular expression', `sed -e 's/^{"token":"\\(.*\\)"}$/\\1/g'`],
  ])('ignores %s', (_what, text) => {
    expect(values(text)).toEqual([]);
  });
});
