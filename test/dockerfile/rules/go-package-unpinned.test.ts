import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'go-package-unpinned';
const run = (script: string) => `FROM golang:1.22\nRUN ${script}\n`;

describe(rule, () => {
  test('go install and go run without @version build the go.mod version; go get of a remote package does not', async () => {
    expect(await at(rule, run('go install github.com/a/b && go run github.com/a/c'))).toEqual([]);
    expect(await at(rule, run('go get github.com/a/b && go get ./... && go get -u'))).toEqual(['github.com/a/b']);
  });

  test('moving queries are unpinned; versions, pseudo-versions, commits and @none are not', async () => {
    expect(await at(rule, run('go install x.io/a@latest && go install x.io/b@main && go get x.io/c@upgrade'))).toEqual(['x.io/a@latest', 'x.io/b@main', 'x.io/c@upgrade']);
    expect(await at(rule, run('go install x.io/a@v1.2.3 x.io/b@v0.0.0-20240101000000-abcdef123456 && go get x.io/c@abcdef1 x.io/d@none'))).toEqual([]);
  });

  test('flag values and the arguments of go run are not packages', async () => {
    expect(await at(rule, run('go install -ldflags "-s -w" -tags netgo ./cmd/app && go run ./tools/gen github.com/not/a-package'))).toEqual([]);
  });
});
