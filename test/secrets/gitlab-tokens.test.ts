import { describe, expect, it } from 'vitest';
import { findGitlabTokens, GITLAB_TOKEN_FAMILIES } from '../../src/lint/secrets/detectors/gitlab-tokens.js';
import { fakeBody, fakeHex, fakeToken } from './fakes.js';
import { found } from './helpers.js';

describe('GitLab token families', () => {
  it.each(GITLAB_TOKEN_FAMILIES.map((f) => [f.prefix, f]))('finds a %s token with its exact span', (_prefix, family) => {
    const token = family.alphabet ? family.prefix + fakeHex(family.minLength, 5) : fakeToken(family.prefix, family.minLength, 5);
    const text = `variables:\n  SOME_VALUE: ${token} # set by hand\n`;
    expect(found(text, findGitlabTokens(text))).toEqual([[family.detector, token]]);
  });

  it('finds routable tokens with their routing suffix', () => {
    const pat = 'glpat-' + fakeBody(27, 2) + '.' + fakeBody(9, 3, 'abcdefghijklmnopqrstuvwxyz0123456789');
    const runner = 'glrt-t1_' + fakeBody(27, 4) + '.' + fakeBody(9, 5, 'abcdefghijklmnopqrstuvwxyz0123456789');
    const text = `a ${pat}\nb ${runner}\n`;
    expect(found(text, findGitlabTokens(text))).toEqual([
      ['gitlab-pat', pat],
      ['gitlab-runner-token', runner],
    ]);
  });

  it('finds a token inside a URL and stops at a following `.git`', () => {
    const token = fakeToken('glpat-', 20, 8);
    const text = `git clone https://oauth2:${token}@gitlab.com/g/p.git\necho ${token}.git`;
    expect(found(text, findGitlabTokens(text)).map(([, v]) => v)).toEqual([token, token]);
  });

  it('finds runner registration tokens and session cookies (value only)', () => {
    const rrt = 'GR1348941' + fakeBody(20, 9);
    const cookie = fakeHex(32, 10);
    const text = `register --registration-token ${rrt}\ncurl -b "_gitlab_session=${cookie}" x`;
    expect(found(text, findGitlabTokens(text))).toEqual([
      ['gitlab-rrt', rrt],
      ['gitlab-session-cookie', cookie],
    ]);
  });

  it.each([
    ['placeholder x', 'glpat-' + 'x'.repeat(20)],
    ["gitleaks' documented placeholder", 'glpat-' + 'XXXXXXXXXXX-XXXXXXXX'],
    ['too short', 'glpat-' + fakeBody(12)],
    ['embedded in a longer word', 'myglpat-' + fakeBody(20)],
    ['pipeline trigger token that is not hex', 'glptt-' + fakeBody(40, 11)],
    ['agent token too short', 'glagent-' + fakeBody(30)],
    ['registration prefix alone', 'GR1348941' + '1'.repeat(20)],
    ['unknown prefix', 'glxyz-' + fakeBody(20)],
    ['variable reference', 'glpat-$GITLAB_TOKEN_SUFFIX_VALUE'],
  ])('ignores %s', (_what, value) => {
    expect(findGitlabTokens(`TOKEN: ${value}\n`)).toEqual([]);
  });

  it('masks every hit', () => {
    const token = fakeToken('gldt-', 20, 12);
    const [hit] = findGitlabTokens(token);
    expect(hit!.masked).toBe('gldt' + '*'.repeat(16) + '…');
  });
});
