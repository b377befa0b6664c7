import { describe, expect, test } from 'vitest';
import { labelKeyProblem } from '../../../src/lint/dockerfile/rules/invalid-label-key.js';
import { at } from './helpers.js';

describe('invalid-label-key', () => {
  test('the format', () => {
    for (const ok of ['maintainer', 'org.opencontainers.image.source', 'com.example.build-date', 'a1']) expect(labelKeyProblem(ok), ok).toBeUndefined();
    for (const bad of ['Version', 'build_date', '1abc', 'abc.', 'a..b', 'a--b', 'io.docker.x', 'org.dockerproject.y', 'a/b']) {
      expect(labelKeyProblem(bad), bad).toBeDefined();
    }
  });

  test('points at the key; keys with variables are skipped', async () => {
    expect(await at('invalid-label-key', 'FROM a:1\nLABEL ok=1 Bad=2 $KEY=3\n')).toEqual(['Bad']);
  });
});
