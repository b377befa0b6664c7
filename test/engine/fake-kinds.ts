/**
 * Small fake file kinds for engine tests: a line-based "dockerfile" whose statements are
 * lines (with `\` continuations), and a few rules with known behaviour.
 */
import type { AnyKindSupport, KindSupport } from '../../src/lint/engine/kind.js';
import type { ProjectDoc } from '../../src/lint/engine/project.js';
import { createRegistry, type KindRegistry } from '../../src/lint/engine/registry.js';
import { defineRule, type AnyFileDoc, type Rule, type RuleMeta, type SourceFile } from '../../src/lint/engine/types.js';
import type { ParseEnv, ParseProblem } from '../../src/lint/engine/kind.js';

export interface LinesDoc {
  /** Statements: start and end line (1-based, inclusive) and text. */
  statements: { startLine: number; endLine: number; start: number; text: string }[];
  /** Files named by `INCLUDE path` lines, read through the engine. */
  includes: SourceFile[];
}

function meta(id: string, extra: Partial<RuleMeta> = {}): RuleMeta {
  const kind = id.slice(0, id.indexOf('/')) as RuleMeta['kind'];
  return {
    id,
    kind,
    severity: 'warning',
    description: `Reports ${id}.`,
    rationale: 'For tests.',
    howToFix: 'Do not.',
    fixable: false,
    aliases: [],
    examples: { bad: [{ code: 'foo\n' }, { code: 'x foo\n' }], good: [{ code: 'bar\n' }, { code: '\n' }] },
    ...extra,
  };
}

/** Every `foo` → warning, fixed to `bar`; alias DL9001. */
export const noFoo = defineRule<LinesDoc>({
  meta: meta('dockerfile/no-foo', {
    fixable: true,
    aliases: ['DL9001'],
    examples: {
      bad: [{ code: 'foo\n', output: 'bar\n' }, { code: 'a foo foo\n', output: 'a bar bar\n' }],
      good: [{ code: 'bar\n' }, { code: 'food\n' }],
    },
  }),
  check(ctx) {
    for (const s of ctx.doc.statements) {
      for (const m of s.text.matchAll(/\bfoo\b/g)) {
        const at = s.start + m.index;
        ctx.report({ message: 'no foo here', span: { start: at, end: at + 3 }, fix: { range: [at, at + 3], text: 'bar' } });
      }
    }
    for (const inc of ctx.doc.includes) {
      const at = inc.text.search(/\bfoo\b/);
      if (at >= 0) ctx.report({ message: 'no foo here', span: { start: at, end: at + 3 }, file: inc });
    }
  },
});

/** Every `TODO` → info (by explicit line/column). */
export const todo = defineRule<LinesDoc>({
  meta: meta('dockerfile/todo', { severity: 'info', aliases: ['DL9002'] }),
  check(ctx) {
    ctx.doc.statements.forEach((s) => {
      const i = s.text.indexOf('TODO');
      if (i >= 0) ctx.report({ message: 'a TODO', loc: { line: s.startLine, column: i + 1, endColumn: i + 5 } });
    });
  },
});

/** Throws on `CRASH`; reports a position outside the file on `BADPOS`. */
export const fragile = defineRule<LinesDoc>({
  meta: meta('dockerfile/fragile', { severity: 'error' }),
  check(ctx) {
    if (ctx.file.text.includes('BADPOS')) ctx.report({ message: 'bad', loc: { line: 999, column: 1 } });
    if (ctx.file.text.includes('CRASH')) throw new TypeError('cannot read properties of undefined');
  },
});

/** Reports the trusted registries option when `REG` appears (a configuration-driven rule). */
export const registryRule = defineRule<LinesDoc>({
  meta: meta('dockerfile/untrusted', { needsConfig: true }),
  check(ctx) {
    const trusted = ctx.options.trustedRegistries;
    if (!trusted) return;
    for (const m of ctx.file.text.matchAll(/REG=(\S+)/g)) {
      if (!trusted.includes(m[1]!)) ctx.report({ message: `registry ${m[1]} is not trusted`, span: { start: m.index, end: m.index + m[0].length } });
    }
  },
});

export function parseLines(text: string, env?: ParseEnv): { doc: LinesDoc | undefined; problems: ParseProblem[] } {
  const lines = text.split('\n');
  const includes: SourceFile[] = [];
  const problems: ParseProblem[] = [];
  const statements: LinesDoc['statements'] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('SYNTAX ERROR')) return { doc: undefined, problems: [{ message: 'unexpected SYNTAX', loc: { line: i + 1, column: line.indexOf('SYNTAX') + 1 } }] };
    const startLine = i + 1;
    const start = offset;
    let body = line;
    while (lines[i]!.endsWith('\\') && i + 1 < lines.length) {
      offset += lines[i]!.length + 1;
      i++;
      body += `\n${lines[i]}`;
    }
    offset += lines[i]!.length + 1;
    if (body.trim() && !body.trim().startsWith('#')) statements.push({ startLine, endLine: i + 1, start, text: body });
    const include = /^INCLUDE (\S+)/.exec(body);
    const inc = include ? env?.readFile(include[1]!) : undefined;
    if (inc?.text.includes('SYNTAX ERROR')) problems.push({ message: 'included file does not parse', file: inc, span: { start: inc.text.indexOf('SYNTAX'), end: inc.text.indexOf('SYNTAX') + 6 } });
    else if (inc) includes.push(inc);
    else if (include) problems.push({ message: `cannot read ${include[1]}`, loc: { line: startLine, column: 9 } });
  }
  return { doc: { statements, includes }, problems };
}

export const linesSupport: KindSupport<LinesDoc> = {
  kind: 'dockerfile',
  parse: (file, env) => parseLines(file.text, env),
  rules: [noFoo, todo, fragile, registryRule],
  statementRange: (doc, line) => doc.statements.find((s) => s.startLine >= line),
};

/** A makefile kind whose parser crashes on `PANIC`, with no rules and no statementRange. */
export const crashySupport: KindSupport<object> = {
  kind: 'makefile',
  parse: (file) => {
    if (file.text.includes('PANIC')) throw new Error('parser exploded');
    return { doc: {}, problems: [] };
  },
  rules: [
    defineRule<object>({
      meta: meta('makefile/no-foo'),
      check(ctx) {
        const i = ctx.file.text.search(/^foo/m);
        if (i >= 0) ctx.report({ message: 'no foo in makefiles', span: { start: i, end: i + 3 } });
      },
    }),
  ],
};

/** `secrets/token`: reports every `tok_…` value as a secret. */
export const anySupport: AnyKindSupport = {
  prepare: (file) => ({
    secrets: [...file.text.matchAll(/tok_[A-Za-z0-9]+/g)].map((m) => ({
      detector: 'token',
      what: 'token',
      span: { start: m.index, end: m.index + m[0].length },
      masked: `${m[0].slice(0, 4)}****`,
    })),
  }),
  rules: [
    defineRule<AnyFileDoc>({
      meta: { ...meta('secrets/token'), kind: 'any', severity: 'error' },
      check(ctx) {
        for (const hit of ctx.doc.secrets) {
          ctx.report({ message: `a token ${hit.masked} in plain text`, span: hit.span, secrets: [hit.span] });
        }
      },
    }),
  ],
};

/** `project/same-foo`: reports, in every file but the first, a `foo` count that differs from the first file's. */
export const sameFoo = defineRule<ProjectDoc>({
  meta: meta('project/same-foo'),
  check(ctx) {
    const files = [...ctx.doc.files.values()];
    const count = (t: string) => (t.match(/\bfoo\b/g) ?? []).length;
    const first = files[0];
    if (!first) return;
    for (const f of files.slice(1)) {
      if (count(f.file.text) !== count(first.file.text)) ctx.report({ message: `foo count differs from ${first.file.path}`, file: f.file });
    }
  },
});

export function fakeRegistry(options: { project?: boolean; any?: boolean } = {}): KindRegistry {
  return createRegistry(
    [linesSupport as KindSupport, crashySupport as KindSupport],
    options.project ? [sameFoo] : [],
    options.any ? anySupport : undefined,
  );
}

export type { Rule };
