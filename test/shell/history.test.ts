import { beforeAll, describe, expect, test } from 'vitest';
import { initShell, parseShell, ScriptHistory, type ShellScript } from '../../src/lint/shell/index.js';

beforeAll(() => initShell());

const mentionsX = (s: ShellScript) => s.text.includes('x');
const valueOf = (s: ShellScript) => /v=(\w+)/.exec(s.text)?.[1];

function history(...texts: string[]): ScriptHistory {
  let h = ScriptHistory.EMPTY;
  for (const t of texts) h = h.then(parseShell(t));
  return h;
}

describe('ScriptHistory', () => {
  test('some: true when one script before matches, whichever', () => {
    expect(ScriptHistory.EMPTY.some(mentionsX)).toBe(false);
    expect(history('echo a', 'echo b').some(mentionsX)).toBe(false);
    expect(history('echo x', 'echo b').some(mentionsX)).toBe(true);
    expect(history('echo a', 'echo x').some(mentionsX)).toBe(true);
  });

  test('last: the newest script that gives a value wins; scripts without one are skipped', () => {
    expect(ScriptHistory.EMPTY.last(valueOf)).toBeUndefined();
    expect(history('echo v=1', 'echo v=2', 'echo none').last(valueOf)).toBe('2');
    expect(history('echo v=1', 'echo none').last(valueOf)).toBe('1');
  });

  test('branches share their past and do not see each other', () => {
    const base = history('echo v=base');
    const left = base.then(parseShell('echo v=left'));
    const right = base.then(parseShell('echo x'));
    expect(left.last(valueOf)).toBe('left');
    expect(right.last(valueOf)).toBe('base');
    expect(left.some(mentionsX)).toBe(false);
    expect(right.some(mentionsX)).toBe(true);
    expect(base.last(valueOf)).toBe('base');
  });

  test('answers are remembered per question: asking along a history reads each script once', () => {
    let reads = 0;
    const counted = (s: ShellScript) => {
      reads++;
      return s.text.includes('never');
    };
    let h = ScriptHistory.EMPTY;
    const n = 2000;
    for (let i = 0; i < n; i++) {
      h.some(counted);
      h = h.then(parseShell(`echo ${i}`));
    }
    expect(h.some(counted)).toBe(false);
    expect(reads).toBe(n);
  });

  test('a history of 200,000 scripts is walked without recursion', () => {
    const script = parseShell('echo v=deep');
    let h = ScriptHistory.EMPTY.then(script);
    const other = parseShell('true');
    for (let i = 0; i < 200_000; i++) h = h.then(other);
    expect(h.last(valueOf)).toBe('deep');
  });
});
