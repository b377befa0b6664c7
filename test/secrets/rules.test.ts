import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../src/lint/engine/types.js';
import { secretRules } from '../../src/lint/secrets/rules/index.js';
import { scanSecrets } from '../../src/lint/secrets/scan.js';
import { FAKE_PASSWORD, fakeToken } from './fakes.js';
import { runRule, sourceFile, valuesOf } from './helpers.js';

describe('secretRules', () => {
  it('is one explicit list sorted by id, all of kind `any`', () => {
    const ids = secretRules.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(['secrets/hardcoded-token', 'secrets/private-key', 'secrets/secret-named-literal', 'secrets/url-credentials']);
    for (const rule of secretRules) expect(rule.meta.kind).toBe('any');
  });

  for (const rule of secretRules) {
    const { meta } = rule;
    describe(meta.id, () => {
      it('has complete metadata', () => {
        expect(meta.id).toMatch(/^secrets\/[a-z]+(-[a-z]+)*$/);
        expect(SEVERITIES).toContain(meta.severity);
        expect(meta.fixable).toBe(false);
        for (const text of [meta.description, meta.rationale, meta.howToFix]) expect(text.length).toBeGreaterThan(20);
        expect(meta.examples.bad.length).toBeGreaterThanOrEqual(2);
        expect(meta.examples.good.length).toBeGreaterThanOrEqual(2);
        for (const example of [...meta.examples.bad, ...meta.examples.good]) expect(example.filename).toBeTruthy();
      });

      it.each(meta.examples.bad.map((e, i) => [i, e]))('reports bad example %i, with a masked message', async (_i, example) => {
        const reports = await runRule(rule, example.code, example.filename);
        expect(reports.length).toBeGreaterThanOrEqual(1);
        const hits = await scanSecrets(sourceFile(example.code, example.filename));
        for (const report of reports) {
          for (const secret of valuesOf(example.code, hits)) expect(report.message).not.toContain(secret);
          expect(report.message).toContain(`\`${example.filename}\``);
          expect(report.secrets).toEqual([report.span]);
        }
      });

      it.each(meta.examples.good.map((e, i) => [i, e]))('accepts good example %i', async (_i, example) => {
        expect(await runRule(rule, example.code, example.filename)).toEqual([]);
      });
    });
  }
});

describe('messages', () => {
  const rule = (id: string) => secretRules.find((r) => r.meta.id === id)!;

  it('say what leaked, masked, where, and what to do for the file kind', async () => {
    const token = fakeToken('glpat-', 20, 40);
    const [ci] = await runRule(rule('secrets/hardcoded-token'), `variables:\n  T: ${token}\n`, '.gitlab-ci.yml');
    expect(ci!.message).toBe(
      'GitLab personal access token `glpa****************…` committed in `.gitlab-ci.yml`; revoke it and pass it as a masked CI/CD variable (Settings > CI/CD > Variables), referenced as `$NAME`',
    );
    const [docker] = await runRule(rule('secrets/secret-named-literal'), `ENV API_TOKEN=${FAKE_PASSWORD}\n`, 'Dockerfile');
    expect(docker!.message).toMatch(/^Literal value of `API_TOKEN` \(`Qz8\**`\) committed in `Dockerfile`; if it is a real secret, rotate it and pass it at build time with a secret mount/);
  });

  it('name the base file name of a nested path', async () => {
    const [report] = await runRule(rule('secrets/url-credentials'), `pip install -i https://u:${FAKE_PASSWORD}@pypi.example.com/simple x\n`, 'Makefile');
    expect(report!.message).toMatch(/^Password in a `https:\/\/` URL \(`Qz8\**`\) committed in `Makefile`; change the password/);
  });
});
