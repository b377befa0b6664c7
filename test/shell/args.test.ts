import { beforeAll, describe, expect, test } from 'vitest';
import { countFlag, flagValue, hasFlag, initShell, parseShell, positionals, subcommand } from '../../src/lint/shell/index.js';

beforeAll(() => initShell());

const cmd = (text: string) => parseShell(text).commands[0]!;

describe('options', () => {
  test('short, combined, long and --opt=value', () => {
    expect(hasFlag(cmd('apt-get install -y x'), '-y')).toBe(true);
    expect(hasFlag(cmd('apt-get install -qy x'), '-y')).toBe(true);
    expect(hasFlag(cmd('apt-get install --yes x'), '-y', '--yes')).toBe(true);
    expect(hasFlag(cmd('apt-get install --assume-yes=true x'), '--assume-yes')).toBe(true);
    expect(hasFlag(cmd('apt-get install x'), '-y', '--yes')).toBe(false);
  });

  test('a value-taking option hides its value, attached or not', () => {
    // `-o` takes a value: the y in the value is not -y, and the value is not a package.
    const c = cmd('apt-get -oAPT::Get::Assume-Yes=true install -o Dpkg::Options::=--force-confnew x');
    expect(hasFlag(c, '-y')).toBe(false);
    expect(flagValue(c, '-o')).toBe('Dpkg::Options::=--force-confnew');
    expect(positionals(c).map((w) => w.value)).toEqual(['install', 'x']);
    expect(subcommand(c)?.value).toBe('install');
  });

  test('counting repeated options and -q=2', () => {
    expect(countFlag(cmd('apt-get -qq install x'), '-q')).toBe(2);
    expect(countFlag(cmd('apt-get -q -q install x'), '-q')).toBe(2);
    expect(flagValue(cmd('apt-get -q=2 install x'), '-q')).toBe('2');
  });

  test('-- ends options; dynamic words are operands', () => {
    const c = cmd('rm -rf -- -y "$DIR"');
    expect(hasFlag(c, '-y')).toBe(false);
    expect(hasFlag(c, '-r')).toBe(true);
    expect(positionals(c).map((w) => w.raw)).toEqual(['-y', '"$DIR"']);
  });

  test('the subcommand comes after global options', () => {
    expect(subcommand(cmd('apt-get -q update'))?.value).toBe('update');
    expect(subcommand(cmd('pip --no-cache-dir install x'))?.value).toBe('install');
    expect(subcommand(cmd('pip -i https://idx install x'))?.value).toBe('install');
  });
});
