import { defineRule, type Fix } from '../../engine/types.js';
import type { CmdInstruction, DockerfileDoc, EntrypointInstruction, Stage } from '../model.js';
import { pushAll } from '../../../util/push-all.js';

/** Words a shell runs itself: `CMD cd /app && …` cannot become an argv. (`exec` is dropped instead.) */
const SHELL_WORDS = new Set([
  '.', ':', '[', '[[', '!', '{', 'alias', 'case', 'cd', 'eval', 'export', 'for', 'function', 'if', 'read', 'set', 'source',
  'test', 'trap', 'ulimit', 'umask', 'unset', 'until', 'wait', 'while',
]);

/**
 * The argv a shell would run for `text`, when it is plain words: no expansions, globs, operators,
 * redirections, comments or assignments (whose meaning the exec form would lose); else undefined.
 */
export function plainArgv(text: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= text.length) break;
    let word = '';
    let quoted = false;
    while (i < text.length && text[i] !== ' ' && text[i] !== '\t') {
      const c = text[i]!;
      if (c === "'") {
        const end = text.indexOf("'", i + 1);
        if (end < 0) return undefined;
        word += text.slice(i + 1, end);
        i = end + 1;
        quoted = true;
      } else if (c === '"') {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return undefined;
        const inner = text.slice(i + 1, end);
        if (/[$`\\!]/.test(inner)) return undefined;
        word += inner;
        i = end + 1;
        quoted = true;
      } else if (/[A-Za-z0-9_\-./:=,@%+^]/.test(c)) {
        word += c;
        i++;
      } else return undefined;
    }
    if (words.length === 0 && !quoted && (word.includes('=') || SHELL_WORDS.has(word))) return undefined;
    if (words.length === 0 && !quoted && word === 'exec') continue;
    words.push(word);
  }
  return words.length > 0 ? words : undefined;
}

/** The stage and every stage built on it, directly or not. */
function descendants(stage: Stage): Stage[] {
  const out: Stage[] = [];
  const todo = [stage];
  for (let s = todo.pop(); s; s = todo.pop()) {
    if (out.includes(s)) continue;
    out.push(s);
    pushAll(todo, s.children);
  }
  return out;
}

/** The stage and the stages it is built on. */
function ancestors(stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !out.includes(s); s = s.base) out.push(s);
  return out;
}

/** Whether converting to exec form keeps what the container runs (see the rationale). */
function convertible(ins: CmdInstruction | EntrypointInstruction): boolean {
  const stage = ins.stage;
  if (!stage || !ins.state.posixShell || ins.startLine !== ins.endLine || ins.heredocs.length > 0) return false;
  // An exec-form ENTRYPOINT receives CMD as arguments; a shell-form one ignores it.
  if (ins.keyword === 'ENTRYPOINT') return !descendants(stage).some((s) => s.find('CMD').length > 0);
  return !ancestors(stage).some((s) => s.find('ENTRYPOINT').length > 0);
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/cmd-entrypoint-shell-form',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'CMD or ENTRYPOINT is written in shell form, or in a JSON form that is not valid JSON.',
    rationale:
      'In shell form Docker runs `/bin/sh -c "<command>"`: the shell is PID 1 and does not pass SIGTERM on, so ' +
      '`docker stop` waits its 10 s and kills the application without a clean shutdown, and a shell-form ENTRYPOINT ' +
      'ignores CMD and `docker run` arguments. `CMD [\'python\', \'app.py\']` (single quotes) is not JSON, so it ' +
      'silently runs as shell text and fails. Like hadolint (DL3025) and BuildKit (JSONArgsRecommended), CMD and ' +
      'ENTRYPOINT are checked; like BuildKit, a stage whose SHELL was changed is left alone (the shell is then a ' +
      'choice). The fix writes the exec form only when the command is plain words (no variables, globs, operators ' +
      'or redirections, which need a shell; a leading `exec` is dropped), fits on one line, and the change keeps ' +
      'the arguments: an ENTRYPOINT only when no CMD follows in its stage or the stages built on it, a CMD only ' +
      'when no ENTRYPOINT of this file precedes it.',
    howToFix:
      'Write `CMD ["executable", "arg"]` (`--fix` does it for plain commands). When the command needs a shell, say so: ' +
      '`CMD ["sh", "-c", "exec gunicorn --bind 0.0.0.0:$PORT app:app"]`, with `exec` so the application becomes PID 1.',
    fixable: true,
    aliases: ['DL3025'],
    examples: {
      bad: [
        { code: 'FROM python:3.12-slim\nCMD python -m app --port 8000\n', output: 'FROM python:3.12-slim\nCMD ["python", "-m", "app", "--port", "8000"]\n' },
        {
          code: "FROM node:22-slim\nENTRYPOINT exec node 'server.js'\n",
          output: 'FROM node:22-slim\nENTRYPOINT ["node", "server.js"]\n',
          note: 'a leading exec is dropped',
        },
        { code: "FROM python:3.12-slim\nCMD ['python', 'app.py']\n", output: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n', note: 'not JSON' },
        { code: 'FROM python:3.12-slim\nCMD gunicorn --bind 0.0.0.0:$PORT app:app\n', note: 'needs a shell: reported, not fixed' },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nCMD ["python", "-m", "app"]\n' },
        { code: 'FROM python:3.12-slim\nCMD ["sh", "-c", "exec gunicorn --bind 0.0.0.0:$PORT app:app"]\n' },
        { code: 'FROM python:3.12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD gunicorn app:app\n', note: 'a chosen shell' },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const all = [...doc.find('CMD'), ...doc.find('ENTRYPOINT')].sort((a, b) => a.index - b.index);
    for (const ins of all) {
      if (ins.form === 'exec' || !ins.argsSpan || ins.argsText.trim() === '') continue;
      const span = ins.argsSpan;
      if (ins.malformedJson) {
        const written = doc.text.slice(span.start, span.end);
        let fix: Fix | undefined;
        if (!written.includes('"') && !written.includes('\\')) {
          try {
            const parsed: unknown = JSON.parse(written.replace(/'/g, '"'));
            if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) {
              fix = { range: [span.start, span.end], text: JSON.stringify(parsed).replace(/","/g, '", "') };
            }
          } catch {
            fix = undefined;
          }
        }
        ctx.report({
          message: `this ${ins.keyword} is not valid JSON (strings need double quotes), so Docker runs it as shell text \`/bin/sh -c '${written}'\`; write it as a JSON array`,
          span,
          ...(fix ? { fix } : {}),
        });
        continue;
      }
      if (ins.state.shellInstruction) continue;
      const argv = convertible(ins) ? plainArgv(doc.text.slice(span.start, span.end)) : undefined;
      const exec = argv ? `[${argv.map((w) => JSON.stringify(w)).join(', ')}]` : undefined;
      const then = ins.keyword === 'ENTRYPOINT' ? ', and CMD and `docker run` arguments are ignored' : '';
      ctx.report({
        message: `${ins.keyword} in shell form runs under \`/bin/sh -c\`, which does not pass SIGTERM to the program${then}; write it in exec form${exec ? ` (\`${ins.keyword} ${exec}\`)` : ', e.g. `["sh", "-c", "exec …"]` when it needs a shell'}`,
        span,
        ...(exec ? { fix: { range: [span.start, span.end] as [number, number], text: exec } } : {}),
      });
    }
  },
});
