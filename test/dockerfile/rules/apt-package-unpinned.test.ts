import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'apt-package-unpinned';

describe(rule, () => {
  test('one finding per install command, on the first unpinned package, naming them all', async () => {
    const text = 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 git \\\n    make gcc wget\n';
    const [hit, ...rest] = await hits(rule, text);
    expect(rest).toEqual([]);
    expect(hit!.at).toBe('git');
    expect(hit!.message).toContain('`apt-get install` of git, make, gcc and 1 more');
  });

  test('releases, .deb files, -t values and `pkg-` removals are not reported', async () => {
    expect(await at(rule, 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports git/bookworm-backports ./x.deb nano-\n')).toEqual([]);
  });

  test('variables: resolved when the ARG has a value, never guessed otherwise', async () => {
    expect(await at(rule, 'FROM debian:12\nARG PKGS="curl git"\nRUN apt-get install -y $PKGS\n')).toEqual(['$PKGS']);
    expect(await at(rule, 'FROM debian:12\nARG V=1.2\nRUN apt-get install -y "curl=${V}"\n')).toEqual([]);
    expect(await at(rule, 'FROM debian:12\nARG PKGS\nRUN apt-get install -y $PKGS $(cat /pkgs)\n')).toEqual([]);
  });

  test('apt and aptitude too; other subcommands are not installs', async () => {
    expect(await at(rule, 'FROM debian:12\nRUN apt install -y curl && apt-get remove -y vim && apt-get source bash\n')).toEqual(['curl']);
  });
});
