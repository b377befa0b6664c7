import { describe, expect, test } from 'vitest';
import { lint, messages } from '../helpers.js';

const RULE = 'literal-secret-variable';
const run = (code: string) => messages(code, [RULE]);

describe('gitlab-ci/literal-secret-variable', () => {
  test('a predefined credential overridden: reported at the name, value masked', () => {
    const code = 'variables:\n  CI_REGISTRY_PASSWORD: hunter2-but-longer\nbuild:\n  variables:\n    CI_JOB_TOKEN: { value: "glcbt-64_abcdefghijklmnop", expand: false }\n  script: x\n';
    expect(run(code)).toEqual([
      '2:3 variable `CI_REGISTRY_PASSWORD` replaces the container registry password GitLab gives each job (valid only while the job runs) with a literal value (`hunt**************`) committed in the file; remove it and let GitLab set it',
      '5:5 variable `CI_JOB_TOKEN` of job `build` replaces the job token GitLab gives each job (valid only while the job runs) with a literal value (`glcb****************…`) committed in the file; remove it and let GitLab set it',
    ]);
    for (const m of run(code)) expect(m).not.toMatch(/hunter2|abcdefgh/);
  });

  test('references to other variables and empty values are not overrides', () => {
    expect(run('variables:\n  CI_REGISTRY_PASSWORD: $DOCKERHUB_TOKEN\n  CI_DEPLOY_PASSWORD: ""\njob:\n  script: x\n')).toEqual([]);
  });

  test('DOCKER_AUTH_CONFIG: the registry and the decoded user are named, the password is not', () => {
    const auth = Buffer.from('deploy:S3cr3t-Passw0rd!').toString('base64');
    const code = `variables:\n  DOCKER_AUTH_CONFIG: |\n    {"auths": {"registry.example.com": {"auth": "${auth}"}, "ghcr.io": {"username": "bot", "password": "ghp_x"}}}\njob:\n  script: x\n`;
    const [m] = run(code);
    expect(m).toBe(
      `2:3 \`DOCKER_AUTH_CONFIG\` holds a literal registry password for \`registry.example.com\` (\`ZGVw****************…\`, user \`deploy\`) and 1 more, readable by anyone who reads the repository; if it is a real secret, rotate it and define it as a masked CI/CD variable (Settings > CI/CD > Variables) instead of in \`variables:\``,
    );
    expect(run('variables:\n  DOCKER_AUTH_CONFIG: \'{"auths": {"r.example.com": {"auth": "$REGISTRY_AUTH"}}}\'\njob:\n  script: x\n')).toEqual([]);
  });

  test('secret-named values the line scan cannot read: one-line value form, flow mapping, block scalar, expand: false', () => {
    const code = [
      'variables: {API_TOKEN: x7Kq9Lm2Vb8Nw3Rt, DEPLOY_TOKEN: { value: "glx8Rq2vTn5WmZ4kP7sY", description: "deploy account" }}',
      'job:',
      '  variables:',
      '    DB_PASSWORD: >-',
      '      Zq8!mR2#vT9w',
      '    SIGNING_SECRET:',
      '      value: "p4$$w0rd-Xk29fLq"',
      '      expand: false',
      '  script: x',
      '',
    ].join('\n');
    expect(run(code).map((m) => m.replace(/ committed in the file.*/, ''))).toEqual([
      '1:24 variable `API_TOKEN` has a literal value (`x7Kq************`)',
      '1:65 variable `DEPLOY_TOKEN` has a literal value (`glx8****************`)',
      '4:18 variable `DB_PASSWORD` of job `job` has a literal value (`Zq8*********`)',
      '7:14 variable `SIGNING_SECRET` of job `job` has a literal value (`p4$$************`)',
    ]);
    expect(run(code)[1]).toContain('(its `description:` offers it, filled in, in the Run pipeline form)');
  });

  test('what secrets/secret-named-literal reports on plain lines is left to it', () => {
    const code = 'variables:\n  DEPLOY_TOKEN: glx8Rq2vTn5WmZ4kP7sY\njob:\n  variables:\n    DB_PASSWORD:\n      value: Zq8mR2vT9wXk\n  script: x\n';
    expect(run(code)).toEqual([]);
  });

  test('placeholders, references, service defaults and names that are not secret are fine', () => {
    const code = [
      'job:',
      '  variables:',
      '    POSTGRES_PASSWORD: { value: postgres }',
      '    API_TOKEN: { value: $VAULT_TOKEN }',
      '    TOKEN_FILE: { value: /run/secrets/token-file-path }',
      '    SECRET_KEY: { value: changeme }',
      '    GPG_KEY: { value: 0xA1B2C3D4E5F60718 }',
      '    RAW: { value: "$HOME", expand: false }',
      '  script: x',
      '',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });

  test('the finding marks the value as a secret for code frames', () => {
    const code = 'job:\n  variables:\n    DEPLOY_TOKEN: { value: "glx8Rq2vTn5WmZ4kP7sY" }\n  script: x\n';
    expect(lint(code, { only: [`gitlab-ci/${RULE}`] })).toHaveLength(1);
  });
});
