/** The end-of-life table and how image tags are read against it. */
import { describe, expect, test } from 'vitest';
import {
  cycleStatus,
  EOL_PRODUCTS,
  EOL_TABLE_CHECKED,
  eolStatus,
  eolStatusOfReference,
  findCycle,
  officialImageName,
  recommendedCycle,
  supportedCycles,
  type EolProductId,
} from '../../src/lint/eol/index.js';

const DAY = '2026-11-23';

/** `Python 3.8: eol` lines for a tag, to compare in one go. */
function read(image: string, tag: string, day = DAY): string[] {
  return eolStatus(image, tag, day).components.map((c) => `${c.label}: ${c.status} [${tag.slice(c.range[0], c.range[1])}]`);
}

describe('the table', () => {
  test('is dated, and every product is ordered, with releases before their end of life', () => {
    expect(EOL_TABLE_CHECKED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const product of Object.values(EOL_PRODUCTS)) {
      expect(product.cycles.length, product.id).toBeGreaterThan(3);
      for (const c of product.cycles) {
        expect(c.released < c.eol, `${product.id} ${c.cycle}`).toBe(true);
        expect(c.eol).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const released = product.cycles.map((c) => c.released);
      expect(released, product.id).toEqual([...released].sort());
    }
  });

  test('dates that were in the future on the day it was checked are marked estimated', () => {
    for (const product of Object.values(EOL_PRODUCTS)) {
      for (const c of product.cycles) {
        if (c.released > EOL_TABLE_CHECKED) expect(c.estimated, `${product.id} ${c.cycle}`).toBe(true);
      }
    }
  });

  test('known dates from the issue', () => {
    expect(findCycle('python', '3.9')!.eol).toBe('2025-10-31');
    expect(findCycle('python', '3.10')!.eol).toBe('2026-10-31');
    expect(findCycle('node', '18')!.eol).toBe('2025-04-30');
    expect(findCycle('node', '20')!.eol).toBe('2026-04-30');
    expect(findCycle('debian', 'buster')!.eol).toBe('2024-06-30');
  });

  test('Go supports the two newest minors: a minor ends when the second newer one is released', () => {
    const go = EOL_PRODUCTS.golang.cycles;
    for (let i = 0; i + 2 < go.length; i++) expect(go[i]!.eol).toBe(go[i + 2]!.released);
    expect(supportedCycles('golang', '2025-09-01').map((c) => c.cycle)).toEqual(['1.24', '1.25']);
  });
});

describe('cycles and status of a version', () => {
  test.each([
    ['python', '3.12.4', '3.12'],
    ['python', '3.13rc1', '3.13'],
    ['python', '2', '2.7'],
    ['python', '3', undefined],
    ['node', '20.11.1', '20'],
    ['node', 'v18', '18'],
    ['node', 'hydrogen', '18'],
    ['golang', '1.22.5', '1.22'],
    ['golang', 'go1.21', '1.21'],
    ['golang', '1', undefined],
    ['debian', '10.13', '10'],
    ['debian', 'bookworm', '12'],
    ['ubuntu', 'jammy', '22.04'],
    ['ubuntu', '20.04.6', '20.04'],
    ['alpine', '3.18.4', '3.18'],
    ['alpine', 'edge', undefined],
    ['php', '7', '7.4'],
  ] as [EolProductId, string, string | undefined][])('%s %s → %s', (product, version, cycle) => {
    expect(findCycle(product, version)?.cycle).toBe(cycle);
  });

  test('cycleStatus on a given day', () => {
    expect(cycleStatus('python', '3.9', DAY)).toBe('eol');
    expect(cycleStatus('python', '3.9', '2025-10-30')).toBe('supported');
    expect(cycleStatus('python', '3.9', '2025-10-31')).toBe('eol');
    expect(cycleStatus('node', '22', DAY)).toBe('supported');
    expect(cycleStatus('python', '4.0', DAY)).toBe('unknown');
  });

  test('the recommended cycle is the newest supported one, LTS where the product has them', () => {
    expect(recommendedCycle('node', DAY)!.cycle).toBe('26');
    expect(recommendedCycle('node', '2026-06-01')!.cycle, 'Node.js 26 is not LTS before October').toBe('24');
    expect(recommendedCycle('ubuntu', DAY)!.cycle).toBe('26.04');
    expect(recommendedCycle('python', '2025-01-01')!.cycle).toBe('3.13');
    expect(supportedCycles('python', DAY).map((c) => c.cycle)).toEqual(['3.11', '3.12', '3.13', '3.14', '3.15']);
  });

  test('days are YYYY-MM-DD or Dates', () => {
    expect(cycleStatus('node', '18', new Date('2025-05-01T12:00:00Z'))).toBe('eol');
    expect(() => cycleStatus('node', '18', '1 May 2025')).toThrow(/YYYY-MM-DD/);
  });
});

describe('image tags', () => {
  test('a runtime tag names the runtime and the OS release', () => {
    expect(read('python', '3.8-slim-buster')).toEqual(['Python 3.8: eol [3.8]', 'Debian 10 (buster): eol [buster]']);
    expect(read('python', '3.13-slim-bookworm')).toEqual(['Python 3.13: supported [3.13]', 'Debian 12 (bookworm): supported [bookworm]']);
    expect(read('node', '18.20.4-alpine3.19')).toEqual(['Node.js 18: eol [18.20.4]', 'Alpine 3.19: eol [alpine3.19]']);
    expect(read('golang', '1.21.5-bookworm')).toEqual(['Go 1.21: eol [1.21.5]', 'Debian 12 (bookworm): supported [bookworm]']);
    expect(read('php', '8.1-fpm-bullseye')).toEqual(['PHP 8.1: eol [8.1]', 'Debian 11 (bullseye): eol [bullseye]']);
    expect(read('ruby', '3.3-slim')).toEqual(['Ruby 3.3: supported [3.3]']);
  });

  test('moving tags name nothing', () => {
    for (const [image, tag] of [['python', '3'], ['python', 'latest'], ['node', 'lts'], ['node', 'current-alpine'], ['alpine', 'edge'], ['debian', 'stable-slim'], ['ubuntu', 'rolling'], ['python', 'alpine']]) {
      expect(eolStatus(image!, tag!, DAY), `${image}:${tag}`).toEqual({ status: 'unknown', components: [] });
    }
  });

  test('Node.js codenames, with or without lts-', () => {
    expect(read('node', 'hydrogen-alpine')).toEqual(['Node.js 18: eol [hydrogen]']);
    expect(read('node', 'lts-iron')).toEqual(['Node.js 20: eol [iron]']);
  });

  test('OS images', () => {
    expect(read('debian', 'buster-slim')).toEqual(['Debian 10 (buster): eol [buster]']);
    expect(read('debian', 'bullseye-20240101-slim')).toEqual(['Debian 11 (bullseye): eol [bullseye]']);
    expect(read('debian', '12.5')).toEqual(['Debian 12 (bookworm): supported [12.5]']);
    expect(read('ubuntu', 'bionic-20230530')).toEqual(['Ubuntu 18.04 (bionic): eol [bionic]']);
    expect(read('ubuntu', '24.04')).toEqual(['Ubuntu 24.04 (noble): supported [24.04]']);
    expect(read('alpine', '3.14.2')).toEqual(['Alpine 3.14: eol [3.14.2]']);
  });

  test('other official images: only the OS part', () => {
    expect(read('buildpack-deps', 'buster-curl')).toEqual(['Debian 10 (buster): eol [buster]']);
    expect(read('eclipse-temurin', '17-jre-focal')).toEqual(['Ubuntu 20.04 (focal): eol [focal]']);
    expect(read('rust', '1.80-slim-bookworm')).toEqual(['Debian 12 (bookworm): supported [bookworm]']);
  });

  test('only official images, under any of their names', () => {
    for (const name of ['python', 'library/python', 'docker.io/library/python', 'index.docker.io/library/python', 'arm64v8/python', 'mirror.gcr.io/library/python', 'public.ecr.aws/docker/library/python']) {
      expect(officialImageName(name), name).toBe('python');
    }
    for (const name of ['myorg/python', 'ghcr.io/org/python', 'registry.example.com/python', 'localhost:5000/python']) {
      expect(officialImageName(name), name).toBeUndefined();
      expect(eolStatus(name, '3.6', DAY).status).toBe('unknown');
    }
  });

  test('a whole reference, digest ignored', () => {
    expect(eolStatusOfReference('python:3.8@sha256:abc', DAY).status).toBe('eol');
    expect(eolStatusOfReference('localhost:5000/python', DAY).status).toBe('unknown');
    expect(eolStatusOfReference('node:22-slim', DAY).status).toBe('supported');
  });

  test('components say how long is left and what to move to', () => {
    const [python] = eolStatus('python', '3.11', DAY).components;
    expect(python!.daysLeft).toBe(342);
    expect(python!.upgrade?.cycle).toBe('3.15');
    const [node] = eolStatus('node', '26', DAY).components;
    expect(node!.upgrade).toBeUndefined();
  });
});
