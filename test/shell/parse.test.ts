import { beforeAll, describe, expect, test } from 'vitest';
import { initShell, parseShell, type ShellCommand, type ShellScript } from '../../src/lint/shell/index.js';

beforeAll(() => initShell());

/** `name arg arg` for each command, `?raw` for a dynamic word. */
function summary(script: ShellScript): string[] {
  return script.commands.map((c) => [c.name ?? `<${c.kind}>`, ...c.args.map((a) => a.value ?? `?${a.raw}`)].join(' '));
}

function named(script: ShellScript, name: string): ShellCommand {
  const cmd = script.commands.find((c) => c.name === name);
  if (!cmd) throw new Error(`no ${name} in ${summary(script).join(' ; ')}`);
  return cmd;
}

describe('the ten tricky lines of the shell-parser evaluation', () => {
  test('commands behind && are all found', () => {
    expect(summary(parseShell('apt-get update && apt-get install -y curl'))).toEqual(['apt-get update', 'apt-get install -y curl']);
  });

  test('set -e then a command guarded by || true', () => {
    const s = parseShell('set -eux; apt-get install curl || true');
    expect(summary(s)).toEqual(['set -eux', 'apt-get install curl', 'true']);
    expect(named(s, 'apt-get').context.condition).toBe(true);
  });

  test('env with assignments is peeled off', () => {
    const cmd = parseShell('env DEBIAN_FRONTEND=noninteractive apt-get install -y x').commands[0]!;
    expect(cmd.name).toBe('apt-get');
    expect(cmd.wrappers.map((w) => w.name)).toEqual(['env']);
    expect(cmd.assignments.map((a) => [a.name, a.value?.value])).toEqual([['DEBIAN_FRONTEND', 'noninteractive']]);
  });

  test('sudo with an option is peeled off', () => {
    const cmd = parseShell('sudo -E apt-get install x').commands[0]!;
    expect(cmd.name).toBe('apt-get');
    expect(cmd.args.map((a) => a.value)).toEqual(['install', 'x']);
    expect(cmd.wrappers[0]!.words.map((w) => w.value)).toEqual(['sudo', '-E']);
  });

  test('commands in a subshell are marked', () => {
    const s = parseShell('(cd /tmp && make)');
    expect(summary(s)).toEqual(['cd /tmp', 'make']);
    expect(s.commands.every((c) => c.context.subshell)).toBe(true);
  });

  test('an if body and its condition', () => {
    const s = parseShell('if [ -f x ]; then pip install -r x; fi');
    expect(s.commands.map((c) => c.kind)).toEqual(['test', 'simple']);
    expect(s.commands[0]!.context.condition).toBe(true);
    expect(named(s, 'pip').context.condition).toBe(false);
  });

  test('a pipeline inside a command substitution inside a string', () => {
    const s = parseShell('echo "$(curl -s http://x | sh)"');
    expect(summary(s)).toEqual(['echo ?"$(curl -s http://x | sh)"', 'curl -s http://x', 'sh']);
    const curl = named(s, 'curl');
    expect(curl.context.substitution).toBe(true);
    expect(curl.pipeline?.commands.map((c) => c.name)).toEqual(['curl', 'sh']);
    expect(s.pipelines).toHaveLength(1);
  });

  test('prefix assignments', () => {
    const cmd = parseShell('FOO=1 BAR=2 cmd').commands[0]!;
    expect(cmd.name).toBe('cmd');
    expect(cmd.assignments.map((a) => `${a.name}=${a.value?.value}`)).toEqual(['FOO=1', 'BAR=2']);
  });

  test('a loop body with a dynamic argument', () => {
    const cmd = parseShell('for p in a b; do apk add $p; done').commands[0]!;
    expect(cmd.name).toBe('apk');
    expect(cmd.args.map((a) => a.value)).toEqual(['add', undefined]);
  });

  test('a here-document body is data, not commands', () => {
    const s = parseShell('cat <<EOF > f\napt-get install x\nEOF');
    expect(summary(s)).toEqual(['cat']);
    expect(s.commands[0]!.redirects.map((r) => r.operator)).toEqual(['<<', '>']);
    expect(s.commands[0]!.redirects[0]!.heredoc?.body).toBe('apt-get install x\n');
  });
});

describe('more shapes', () => {
  test('spans are offsets of the text, UTF-16', () => {
    const text = 'echo é && apt-get install -y "curl"';
    const s = parseShell(text);
    const apt = named(s, 'apt-get');
    expect(text.slice(apt.span.start, apt.span.end)).toBe('apt-get install -y "curl"');
    const curl = apt.args[2]!;
    expect(text.slice(curl.span.start, curl.span.end)).toBe('"curl"');
    expect(curl.value).toBe('curl');
  });

  test('quotes, escapes and expansions in words', () => {
    const cmd = parseShell(`x 'a b' "c\\"d" e\\ f "$V" pre-$V "\${V:-x}" $'t\\tu' '$lit' a$`).commands[0]!;
    expect(cmd.args.map((a) => a.value)).toEqual(['a b', 'c"d', 'e f', undefined, undefined, undefined, 't\tu', '$lit', 'a$']);
  });

  test('a dynamic command name is undefined, its words still there', () => {
    const cmd = parseShell('$PKG install -y x').commands[0]!;
    expect(cmd.name).toBeUndefined();
    expect(cmd.nameWord?.raw).toBe('$PKG');
  });

  test('the program name is the base name of a path', () => {
    expect(parseShell('/usr/bin/apt-get install x').commands[0]!.name).toBe('apt-get');
  });

  test('declarations, top-level assignments and their substitutions', () => {
    const s = parseShell('X=$(curl -fsSL https://x | sha256sum); export PATH="$X:$PATH" Y=1; readonly Z; unset W');
    expect(s.commands.map((c) => `${c.kind}:${c.name ?? ''}`)).toEqual(['assignment:', 'simple:curl', 'simple:sha256sum', 'declaration:export', 'declaration:readonly', 'unset:unset']);
    expect(s.commands[3]!.assignments.map((a) => a.name)).toEqual(['PATH', 'Y']);
  });

  test('groups, case, while and functions', () => {
    const s = parseShell('{ a; b; } | c; case "$x" in y) d ;; esac; while read l; do e; done < f; fn() { g; }');
    expect(summary(s)).toEqual(['a', 'b', 'c', 'd', 'read l', 'e', 'g']);
    expect(named(s, 'a').pipeline).toBeDefined();
    expect(named(s, 'read').context.condition).toBe(true);
    expect(named(s, 'g').context.function).toBe(true);
  });

  test('background and negation', () => {
    const s = parseShell('! a | b; c &');
    expect(s.pipelines[0]!.negated).toBe(true);
    expect(summary(s)).toEqual(['a', 'b', 'c']);
    expect(s.commands.map((c) => c.context.background)).toEqual([false, false, true]);
  });

  test('sh -c scripts are parsed, with positions inside the string', () => {
    const text = `su -c "apt-get install -y x" && bash -c 'pip install y'`;
    const s = parseShell(text);
    const apt = named(s, 'apt-get');
    expect(apt.context.nested).toBe(true);
    expect(text.slice(apt.span.start, apt.span.end)).toBe('apt-get install -y x');
    const pip = named(s, 'pip');
    expect(text.slice(pip.span.start, pip.span.end)).toBe('pip install y');
    expect(s.commands.map((c) => c.index)).toEqual([0, 1, 2, 3]);
  });

  test('a here-document read by a shell is a script', () => {
    const text = 'bash -e <<EOF\napt-get install x\nEOF\ncat <<EOF\napt-get install y\nEOF';
    const s = parseShell(text);
    expect(summary(s)).toEqual(['bash -e', 'apt-get install x', 'cat']);
    const apt = named(s, 'apt-get');
    expect(text.slice(apt.span.start, apt.span.end)).toBe('apt-get install x');
  });

  test('syntax errors keep what parsed', () => {
    const s = parseShell('apt-get install x && (echo "unterminated');
    expect(s.hasErrors).toBe(true);
    expect(s.errors.length).toBeGreaterThan(0);
    expect(s.commands[0]!.name).toBe('apt-get');
  });

  test('odd input never throws', () => {
    for (const text of ['', '   ', '\\', '&&', '|||', '$(', '`', 'a <<', "'", 'if then fi', '\u0000', 'x\r\ny', '((((((((((']) {
      expect(() => parseShell(text)).not.toThrow();
    }
  });

  test('deep nesting and long chains never exhaust the stack', () => {
    for (const text of ['('.repeat(6000) + 'x' + ')'.repeat(6000), '$('.repeat(6000) + 'x' + ')'.repeat(6000), 'if x; then '.repeat(6000) + 'y' + '; fi'.repeat(6000)]) {
      expect(() => parseShell(text)).not.toThrow();
    }
    expect(parseShell('a && '.repeat(6000) + 'b').commands).toHaveLength(6001);
  });

  test('nesting is bounded', () => {
    let text = 'apt-get install x';
    for (let i = 0; i < 8; i++) text = `sh -c ${JSON.stringify(text)}`;
    expect(() => parseShell(text)).not.toThrow();
  });
});

describe('wrappers', () => {
  test.each([
    ['sudo -u app -E -- apt-get install x', ['sudo']],
    ['env -i PATH=/bin A=1 apt-get install x', ['env']],
    ['nice -n 10 apt-get install x', ['nice']],
    ['nice -10 apt-get install x', ['nice']],
    ['time apt-get install x', ['time']],
    ['exec apt-get install x', ['exec']],
    ['timeout -s KILL 10m apt-get install x', ['timeout']],
    ['xargs -r -n1 apt-get install x', ['xargs']],
    ['sudo env A=1 nohup apt-get install x', ['sudo', 'env', 'nohup']],
    ['gosu app apt-get install x', ['gosu']],
    ['command apt-get install x', ['command']],
  ])('%s', (text, wrappers) => {
    const cmd = parseShell(text).commands[0]!;
    expect(cmd.name).toBe('apt-get');
    expect(cmd.args.map((a) => a.value)).toEqual(['install', 'x']);
    expect(cmd.wrappers.map((w) => w.name)).toEqual(wrappers);
  });

  test.each([['sudo -l'], ['env'], ['command -v apt-get'], ['sudo']])('%s runs no command: the wrapper is the command', (text) => {
    const cmd = parseShell(text).commands[0]!;
    expect(cmd.wrappers).toEqual([]);
    expect(cmd.name).toBe(text.split(' ')[0]);
  });
});
