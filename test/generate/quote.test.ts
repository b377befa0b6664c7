import { execFileSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { shellJoin, shellQuote } from '../../src/generate/quote/shell.js';
import { isSafePlainScalar, yamlFlowSequence, yamlScalar } from '../../src/generate/quote/yaml-scalar.js';
import { dockerEnvPair, dockerEnvValue, dockerExecForm } from '../../src/generate/quote/dockerfile.js';
import { makeRecipeWords, makeVariableValue } from '../../src/generate/quote/makefile.js';
import { toxCommand } from '../../src/generate/quote/tox.js';
import { UnsafeValueError } from '../../src/generate/unsafe-value.js';
import { dockerEnv } from './parse-helpers.js';

const NASTY = [
  'plain',
  "it's",
  'say "hi"',
  '$(rm -rf /)',
  '`id`',
  '${HOME}',
  'a: b',
  'x #comment',
  '#start',
  'a && b',
  '*glob?',
  '&anchor',
  '*alias',
  '!tag',
  '- item',
  '? key',
  '{{ handlebars }}',
  '[flow]',
  '{map: 1}',
  '%directive',
  '@at',
  '|block',
  '>folded',
  'yes',
  'No',
  'off',
  'null',
  '~',
  '3.10',
  '0x1F',
  '1e3',
  '12:30',
  '2001-12-14',
  '.inf',
  'trailing ',
  ' leading',
  '',
  'tab\there',
  'back\\slash',
  'ümlaut ✓ 🚀',
  '-dash',
  '=',
  '<<',
];

describe('shellQuote', () => {
  test.each(NASTY.filter((s) => !s.includes('\n')))('%j reads back as one word', (word) => {
    const out = execFileSync('sh', ['-c', `printf '%s\\n' ${shellQuote(word)}`], { encoding: 'utf8' });
    expect(out).toBe(`${word}\n`);
  });
  test('shellJoin keeps word boundaries', () => {
    const words = ['printf', '[%s]', 'a b', "c'd", '$(x)', ''];
    expect(execFileSync('sh', ['-c', shellJoin(words)], { encoding: 'utf8' })).toBe("[a b][c'd][$(x)][]");
  });
  test('leaves plain words readable', () => {
    expect(shellJoin(['python', '-m', 'pytest', 'tests/unit', 'a=b'])).toBe('python -m pytest tests/unit a=b');
  });
});

describe('yamlScalar', () => {
  test.each([...NASTY, 'multi\nline', 'cr\rlf', 'nul\u0000', 'ls\u2028ps\u2029', 'bom\ufeff', 'nel\u0085', 'del\u007f'])(
    '%j reads back as the same string, in a mapping and a sequence',
    (value) => {
      const scalar = yamlScalar(value);
      expect(scalar).not.toMatch(/\n/);
      expect(parseYaml(`key: ${scalar}\nother: 1\n`)).toEqual({ key: value, other: 1 });
      expect(parseYaml(`- ${scalar}\n- 2\n`)).toEqual([value, 2]);
      expect(parseYaml(`list: ${yamlFlowSequence([value, 'x'])}\n`)).toEqual({ list: [value, 'x'] });
      // YAML 1.1 readers (GitLab's Ruby parser) would turn plain yes/no/on/off/0x… into non-strings.
      expect(parseYaml(`key: ${scalar}\n`, { version: '1.1' })).toEqual({ key: value });
    },
  );
  test('plain where it is unambiguous, quoted where not', () => {
    expect(yamlScalar('$CI_REGISTRY_IMAGE')).toBe('$CI_REGISTRY_IMAGE');
    expect(yamlScalar('https://hello.example.com')).toBe('https://hello.example.com');
    expect(yamlScalar('3.12')).toBe('"3.12"');
    expect(yamlScalar('a: b')).toBe('"a: b"');
    expect(isSafePlainScalar('on')).toBe(false);
  });
  test('numbers and booleans stay typed', () => {
    expect(parseYaml(`k: ${yamlScalar(8080)}`)).toEqual({ k: 8080 });
    expect(parseYaml(`k: ${yamlScalar(false)}`)).toEqual({ k: false });
  });
});

describe('Dockerfile values', () => {
  test('exec form is a JSON array of exactly the words', () => {
    const words = ['python', '-c', 'print("a\\tb")', "it's", '$(x)', '`y`', '{{z}}'];
    expect(JSON.parse(dockerExecForm('cmd', words))).toEqual(words);
  });
  test('exec form refuses newlines and empty commands', () => {
    expect(() => dockerExecForm('cmd', ['a\nRUN evil'])).toThrow(UnsafeValueError);
    expect(() => dockerExecForm('cmd', ['a\u2028b'])).toThrow(UnsafeValueError);
    expect(() => dockerExecForm('cmd', [])).toThrow(UnsafeValueError);
  });
  test.each(NASTY.filter((v) => v !== ''))('ENV value %j reads back unchanged (no expansion)', (value) => {
    const text = `FROM scratch\nENV ${dockerEnvPair('env', 'K', value)} \\\n    OTHER=1\n`;
    expect(dockerEnv(text)).toEqual({ K: value, OTHER: '1' });
  });
  test('ENV refuses newlines and bad names', () => {
    expect(() => dockerEnvValue('v', 'a\nRUN x')).toThrow(UnsafeValueError);
    expect(() => dockerEnvPair('v', 'A B', 'x')).toThrow(UnsafeValueError);
    expect(() => dockerEnvPair('v', 'A=B', 'x')).toThrow(UnsafeValueError);
  });
});

describe('Makefile values', () => {
  test('recipe words double $ and are shell-quoted', () => {
    expect(makeRecipeWords('c', ['echo', '$HOME', 'a b'])).toBe("echo '$$HOME' 'a b'");
    expect(() => makeRecipeWords('c', ['a\nb'])).toThrow(UnsafeValueError);
  });
  test('variable values escape # and $', () => {
    expect(makeVariableValue('v', 'https://x/#frag$')).toBe('https://x/\\#frag$$');
    expect(() => makeVariableValue('v', 'ends\\')).toThrow(UnsafeValueError);
    expect(() => makeVariableValue('v', ' padded')).toThrow(UnsafeValueError);
  });
});

describe('tox values', () => {
  test('commands are shell-quoted; tox syntax characters are refused', () => {
    expect(toxCommand('c', ['python', '-m', 'pytest', '-k', 'not slow'])).toBe("python -m pytest -k 'not slow'");
    for (const bad of ['{posargs}', 'a#b', 'back\\slash', 'new\nline']) expect(() => toxCommand('c', [bad])).toThrow(UnsafeValueError);
  });
});
