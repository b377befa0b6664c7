import { describe, expect, it } from 'vitest';
import { secretFamily } from '../../src/lint/secrets/families.js';
import { findSecretsSync, initSecrets, mergeHits, scanSecrets } from '../../src/lint/secrets/scan.js';
import { FAKE_PASSWORD, fakeBody, fakeHex, fakeToken } from './fakes.js';
import { found, sourceFile, valuesOf } from './helpers.js';

describe('scanSecrets', () => {
  it('runs secretlint and slipway detectors together, one hit per secret', async () => {
    await initSecrets();
    const pat = fakeToken('glpat-', 20, 21);
    const github = fakeToken('ghp_', 36, 22);
    const text = [
      'variables:',
      `  GITLAB_TOKEN: ${pat}`,
      `  GH_TOKEN: ${github}`,
      `  DB_PASSWORD: "${FAKE_PASSWORD}"`,
      `  DATABASE_URL: postgres://app:${FAKE_PASSWORD}@db.example.com/app`,
      '',
    ].join('\n');
    const hits = await scanSecrets(sourceFile(text));
    expect(found(text, hits)).toEqual([
      ['gitlab-pat', pat],
      ['github-token', github],
      ['secret-named-literal', FAKE_PASSWORD],
      ['url-password', FAKE_PASSWORD],
    ]);
    expect(hits.map((h) => secretFamily(h.detector))).toEqual(['token', 'token', 'named-literal', 'url-credentials']);
    expect(hits[1]!.what).toMatch(/GitHub Token/);
  });

  it('takes AWS secret keys and other provider formats from secretlint', async () => {
    const awsSecret = fakeBody(40, 23, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+');
    const text = `AWS_SECRET_ACCESS_KEY=${awsSecret}\n`;
    const hits = await scanSecrets(sourceFile(text, 'Makefile'));
    expect(found(text, hits)).toEqual([['aws-secret-access-key', awsSecret]]);
  });

  it('prefers a known token format over the named literal that holds it', async () => {
    const token = fakeToken('gldt-', 20, 24);
    const text = `ENV DEPLOY_TOKEN=${token}\n`;
    expect(found(text, await scanSecrets(sourceFile(text, 'Dockerfile')))).toEqual([['gitlab-deploy-token', token]]);
  });

  it("drops secretlint's whole-URL hits in favour of the password alone", async () => {
    const text = `DATABASE_URL: postgres://app:${FAKE_PASSWORD}@db.example.com:5432/app\nTEST_URL: postgres://postgres:postgres@postgres/test\n`;
    expect(found(text, await scanSecrets(sourceFile(text)))).toEqual([['url-password', FAKE_PASSWORD]]);
  });

  it('finds nothing in a clean CI file that references its secrets', async () => {
    const text = [
      'build:',
      '  image: docker:27',
      '  script:',
      '    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"',
      '    - docker build --build-arg NPM_TOKEN="${NPM_TOKEN}" -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .',
      `    - echo ${fakeHex(40, 25)}  # a commit sha`,
      '    - echo 123e4567-e89b-12d3-a456-426614174000',
      '',
    ].join('\n');
    expect(await scanSecrets(sourceFile(text))).toEqual([]);
  });

  it('drops placeholders in a provider format that secretlint matches', async () => {
    const text = `# GITLAB_TOKEN=glpat-${'x'.repeat(20)}\n# GH_TOKEN=ghp_${'X'.repeat(36)}\n`;
    expect(await scanSecrets(sourceFile(text, 'Makefile'))).toEqual([]);
  });

  it('never puts a whole secret value into `masked`', async () => {
    const text = [
      `A: ${fakeToken('glpat-', 20, 26)}`,
      `B: ${fakeToken('ghp_', 36, 27)}`,
      `API_KEY=${FAKE_PASSWORD}`,
      `URL=https://u:${fakeBody(5, 28)}@h.example.com`,
      `SECRET=${fakeBody(6, 29)}`,
    ].join('\n');
    const hits = await scanSecrets(sourceFile(text, 'Makefile'));
    expect(hits.length).toBe(5);
    for (const [i, value] of valuesOf(text, hits).entries()) {
      expect(hits[i]!.masked).not.toContain(value);
      expect(hits[i]!.masked.replace(/[*…]/g, '').length).toBeLessThanOrEqual(4);
    }
  });

  it('survives binary input, NUL bytes, lone surrogates and huge lines', async () => {
    const inputs = [
      '\u0000'.repeat(1000),
      String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => i % 256)),
      '\ud800\udc00\ud800 DB_PASSWORD=\udfff' + FAKE_PASSWORD,
      'x'.repeat(2_000_000),
      `TOKEN=${'a'.repeat(1_000_000)}`,
      '\r\r\n\n\r',
      '',
    ];
    for (const text of inputs) {
      const hits = await scanSecrets(sourceFile(text));
      expect(Array.isArray(hits)).toBe(true);
    }
  });

  it('returns every hit of a file with more hits than a call takes arguments', async () => {
    const text = `API_TOKEN: ${FAKE_PASSWORD}\n`.repeat(150_000);
    expect(await scanSecrets(sourceFile(text))).toHaveLength(150_000);
  });

  it('findSecretsSync gives the own detectors without secretlint', () => {
    const text = `GH_TOKEN: ${fakeToken('ghp_', 36, 30)}\nTOKEN: ${fakeToken('glft-', 20, 31)}`;
    expect(findSecretsSync(text).map((h) => h.detector)).toEqual(['secret-named-literal', 'gitlab-feed-token']);
  });
});

describe('mergeHits', () => {
  const hit = (detector: string, start: number, end: number) => ({ detector, what: detector, span: { start, end }, masked: '' });

  it('keeps the most specific of overlapping hits and every disjoint one, sorted', () => {
    const merged = mergeHits(
      [hit('secret-named-literal', 10, 30), hit('url-password', 40, 50), hit('gitlab-pat', 12, 30)],
      [hit('github-token', 0, 5), hit('private-key', 45, 60)],
    );
    expect(merged.map((h) => h.detector)).toEqual(['github-token', 'gitlab-pat', 'private-key']);
  });

  it('stays fast with many hits', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => hit('secret-named-literal', i * 10, i * 10 + 5));
    expect(mergeHits(many, many)).toHaveLength(20_000);
  });
});
