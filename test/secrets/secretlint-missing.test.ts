import { describe, expect, it, vi } from 'vitest';
import { initSecrets, scanSecrets } from '../../src/lint/secrets/scan.js';
import { FAKE_PASSWORD, fakeToken } from './fakes.js';
import { found, sourceFile } from './helpers.js';

vi.mock('@secretlint/core', () => {
  throw new Error('secretlint cannot be loaded');
});

describe('without secretlint', () => {
  it('initSecrets does not throw and scanSecrets still runs slipway detectors', async () => {
    await expect(initSecrets()).resolves.toBeUndefined();
    const token = fakeToken('glpat-', 20, 50);
    const text = `GH: ${fakeToken('ghp_', 36, 51)}\nT: ${token}\nAPI_KEY=${FAKE_PASSWORD}\n`;
    expect(found(text, await scanSecrets(sourceFile(text)))).toEqual([
      ['gitlab-pat', token],
      ['secret-named-literal', FAKE_PASSWORD],
    ]);
  });
});
