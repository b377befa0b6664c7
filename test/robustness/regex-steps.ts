/**
 * A second, deterministic check against super-linear regular expressions, for what scslre cannot
 * see: scslre only tries attack strings that repeat one character, so a pattern that is slow on a
 * repeated *sequence* (`/\$[({][^)}]*[)}]/g` on `$($($(…`, `/: \[.*\]$/` on `: [: [: [… `) passes it.
 *
 * The pattern is run by a small backtracking matcher over refa's literal translation of it
 * (characters as sets, `^ $ \b` as lookarounds), which explores alternatives, quantifiers and start
 * positions in the order V8's engine does, and counts its steps; no clock is involved, so the
 * verdict is the same on a loaded CI machine. Attack strings are built from the pattern's own
 * pieces: for a sample string that walks through the pattern (one per choice of alternatives), every
 * run of one to three consecutive pieces is repeated after the pieces before it, then followed by a
 * suffix meant to make the match fail (nothing, a line feed, NUL, or a character a negated class
 * leaves out). A pattern whose step count grows more than ~2.4 times faster than the input — 4 times
 * longer input, more than 10 times more steps — is reported, with the attack string.
 */
import { JS, type CharSet, type Concatenation, type Element, type Expression, type Quantifier } from 'refa';

export interface StepReport {
  /** The input, as `prefix + unit.repeat(n) + suffix`. */
  prefix: string;
  unit: string;
  suffix: string;
  /** Steps for the shorter and the longer input. */
  steps: [number, number];
  /** The n of each input. */
  sizes: [number, number];
}

type Node = Element | Concatenation | Expression;

/** Readable characters to stand for a class, in order of preference: letters and digits first, or punctuation first. */
const PREFERRED = ['a0 .-/:=_A#@\t,;"\'()[]{}$|\\!?*+<>&%~^`', '.-/:=_#@,;"\'()[]{}$|\\!?*+<>&%~^` a0A\t'];

/** A character of `set`, a readable one when there is one. */
function representative(set: CharSet, variant = 0): string | undefined {
  for (const c of PREFERRED[variant]!) if (set.has(c.charCodeAt(0))) return c;
  for (const range of set.ranges) if (range.min < 0xd800 || range.min > 0xdfff) return String.fromCodePoint(range.min);
  return undefined;
}

function size(set: CharSet): number {
  return set.ranges.reduce((sum, r) => sum + r.max - r.min + 1, 0);
}

/**
 * Sample strings walking through the pattern, as lists of pieces (a literal run, or one character
 * for a class); choice i takes alternative i of every alternation, and variant 1 stands for classes
 * by punctuation rather than letters (`venv.` rather than `venva`, which `\b` would refuse).
 */
function samples(expression: Expression, choices: number): string[][] {
  const out: string[][] = [];
  for (let sample = 0; sample < 2 * choices; sample++) {
    const choice = sample >> 1;
    const variant = sample & 1;
    const pieces: string[] = [];
    let literal = '';
    const flush = () => {
      if (literal) pieces.push(literal);
      literal = '';
    };
    const walkAlternatives = (alternatives: Concatenation[]) => {
      if (alternatives.length === 0) return;
      walkConcatenation(alternatives[choice % alternatives.length]!);
    };
    const walkConcatenation = (c: Concatenation) => {
      for (const e of c.elements) {
        if (e.type === 'CharacterClass') {
          const ch = representative(e.characters, variant);
          if (ch === undefined) continue;
          // One character, or its case variants under the i flag: part of a literal run.
          if (size(e.characters) > 3) {
            flush();
            pieces.push(ch);
          } else literal += ch;
        } else if (e.type === 'Quantifier') {
          flush();
          const times = Math.min(Math.max(e.min, 1), e.max);
          for (let i = 0; i < times; i++) {
            walkAlternatives(e.alternatives);
            flush();
          }
        } else if (e.type === 'Alternation') {
          flush();
          walkAlternatives(e.alternatives);
          flush();
        }
        // Assertions consume nothing.
      }
    };
    walkAlternatives(expression.alternatives);
    flush();
    out.push(pieces);
  }
  return out;
}

function maxAlternatives(node: Node): number {
  let max = 1;
  const visit = (n: Node) => {
    if ('alternatives' in n) {
      if (n.type === 'Alternation' || n.type === 'Expression') max = Math.max(max, n.alternatives.length);
      n.alternatives.forEach(visit);
    } else if (n.type === 'Concatenation') n.elements.forEach(visit);
  };
  visit(node);
  return max;
}

/** Characters that a negated class leaves out, as candidates for a suffix that makes a match fail. */
function excludedCharacters(node: Node): string[] {
  const out = new Set<string>();
  const visit = (n: Node) => {
    if (n.type === 'CharacterClass') {
      if (size(n.characters) > 0x8000) {
        const rest = n.characters.negate();
        const ch = representative(rest);
        if (ch !== undefined) out.add(ch);
      }
    } else if ('alternatives' in n) n.alternatives.forEach(visit);
    else if (n.type === 'Concatenation') n.elements.forEach(visit);
  };
  visit(node);
  return [...out];
}

class Budget extends Error {}

/**
 * A backtracking matcher over refa's AST that counts its steps: alternatives left to right,
 * greedy quantifiers longest first and lazy ones shortest first, an iteration that matches the
 * empty string ending its loop, lookarounds atomic, every start position tried in turn (only
 * `lastIndex` 0 with the `y` flag). Lookbehinds match right to left, as in V8.
 */
class Stepper {
  steps = 0;
  private codes: number[] = [];

  constructor(
    private readonly expression: Expression,
    private readonly sticky: boolean,
    private readonly budget: number,
  ) {}

  /** One search, as `exec` does it: the steps it took, and whether it found a match. */
  run(input: string): { steps: number; matched: boolean } {
    this.codes = [...input].map((c) => c.codePointAt(0)!);
    this.steps = 0;
    const starts = this.sticky ? 1 : this.codes.length + 1;
    for (let start = 0; start < starts; start++) {
      if (this.alternatives(this.expression.alternatives, start, 1, () => true)) return { steps: this.steps, matched: true };
    }
    return { steps: this.steps, matched: false };
  }

  private tick(): void {
    if (++this.steps > this.budget) throw new Budget();
  }

  private alternatives(alts: readonly Concatenation[], pos: number, dir: 1 | -1, k: (pos: number) => boolean): boolean {
    for (const alt of alts) if (this.sequence(alt.elements, dir === 1 ? 0 : alt.elements.length - 1, pos, dir, k)) return true;
    return false;
  }

  private sequence(elements: readonly Element[], i: number, pos: number, dir: 1 | -1, k: (pos: number) => boolean): boolean {
    // Characters in a row are matched in a loop: no stack frame each.
    for (;;) {
      this.tick();
      if (i < 0 || i >= elements.length) return k(pos);
      const e = elements[i]!;
      if (e.type !== 'CharacterClass') break;
      const at = dir === 1 ? pos : pos - 1;
      if (at < 0 || at >= this.codes.length || !e.characters.has(this.codes[at]!)) return false;
      pos += dir;
      i += dir;
    }
    const next = (p: number) => this.sequence(elements, i + dir, p, dir, k);
    const e = elements[i]!;
    switch (e.type) {
      case 'Alternation':
        return this.alternatives(e.alternatives, pos, dir, next);
      case 'Assertion': {
        const inner = e.kind === 'ahead' ? 1 : -1;
        const found = this.alternatives(e.alternatives, pos, inner, () => true);
        return found !== e.negate && next(pos);
      }
      case 'Quantifier':
        return this.loop(e, 0, pos, dir, next);
      default:
        throw new Error(`cannot run ${e.type}`);
    }
  }

  private loop(q: Quantifier, count: number, pos: number, dir: 1 | -1, k: (pos: number) => boolean): boolean {
    const only = q.alternatives.length === 1 && q.alternatives[0]!.elements.length === 1 ? q.alternatives[0]!.elements[0]! : undefined;
    if (only?.type === 'CharacterClass') return this.classLoop(only.characters, q, pos, dir, k);
    this.tick();
    const again = () =>
      count < q.max &&
      this.alternatives(q.alternatives, pos, dir, (p) => {
        if (p === pos && count >= q.min) return false;
        return this.loop(q, count + 1, p, dir, k);
      });
    if (q.lazy) return (count >= q.min && k(pos)) || again();
    return again() || (count >= q.min && k(pos));
  }

  /** `[…]*` and the like, without a stack frame per character: as many as match, then give back one at a time (or the reverse, lazily). */
  private classLoop(set: CharSet, q: Quantifier, pos: number, dir: 1 | -1, k: (pos: number) => boolean): boolean {
    let most = 0;
    for (; most < q.max; most++) {
      this.tick();
      const at = dir === 1 ? pos + most : pos - most - 1;
      if (at < 0 || at >= this.codes.length || !set.has(this.codes[at]!)) break;
    }
    if (most < q.min) return false;
    if (q.lazy) {
      for (let count = q.min; count <= most; count++) if (this.tickAnd(() => k(pos + dir * count))) return true;
    } else {
      for (let count = most; count >= q.min; count--) if (this.tickAnd(() => k(pos + dir * count))) return true;
    }
    return false;
  }

  private tickAnd(f: () => boolean): boolean {
    this.tick();
    return f();
  }
}

export interface StepOptions {
  /** The repetitions of the shorter input (at least); the longer one has 4 times as many. */
  n?: number;
  /** Growth factor above which a pattern is reported (linear: ~4, quadratic: ~16). */
  limit?: number;
}

function parse(source: string, flags: string): Expression {
  return JS.Parser.fromLiteral({ source, flags }).parse({ backreferences: 'unknown', maxBackreferenceWords: 0, assertions: 'parse', simplify: false }).expression;
}

/** The largest finite bound of a counted repetition (`{20,300}` → 300), capped. */
function largestBound(node: Node): number {
  let max = 0;
  const visit = (n: Node) => {
    if (n.type === 'Quantifier' && Number.isFinite(n.max)) max = Math.max(max, n.max);
    if ('alternatives' in n) n.alternatives.forEach(visit);
    else if (n.type === 'Concatenation') n.elements.forEach(visit);
  };
  visit(node);
  return Math.min(max, 2000);
}

/** Whether the pattern holds a backreference, which the matcher cannot run (refa does not keep groups). */
export function hasBackreference(source: string, flags: string): boolean {
  let found = false;
  const visit = (n: Node) => {
    if (n.type === 'Unknown') found = true;
    if ('alternatives' in n) n.alternatives.forEach(visit);
    else if (n.type === 'Concatenation') n.elements.forEach(visit);
  };
  visit(parse(source, flags));
  return found;
}

/**
 * A report when `prefix + unit.repeat(4n) + suffix` takes more than `limit` times the steps of
 * `prefix + unit.repeat(n) + suffix`. Where the matcher's recursion (a stack frame per iteration of
 * a group) would overflow, n is halved.
 */
function measure(stepper: Stepper, prefix: string, unit: string, suffix: string, n: number, limit: number): StepReport | undefined {
  const input = (m: number) => prefix + unit.repeat(m) + suffix;
  for (; n >= 3; n = Math.floor(n / 2)) {
    try {
      const small = stepper.run(input(n)).steps;
      const large = stepper.run(input(4 * n)).steps;
      return large > limit * small && large > 2000 ? { prefix, unit, suffix, steps: [small, large], sizes: [n, 4 * n] } : undefined;
    } catch (err) {
      if (err instanceof Budget) return { prefix, unit, suffix, steps: [stepper.steps, stepper.steps], sizes: [n, 4 * n] };
      if (!(err instanceof RangeError)) throw err;
    }
  }
  return undefined;
}

/**
 * The first attack string (if any) on which `source`/`flags` takes super-linearly many steps.
 * A counted repetition such as `{50,1000}` costs up to its bound at every start, which looks
 * quadratic until the input is longer than the bound: the inputs are made long enough.
 */
export function stepCheck(source: string, flags: string, options: StepOptions = {}): StepReport | undefined {
  const limit = options.limit ?? 10;
  const expression = parse(source, flags);
  const bound = largestBound(expression);
  // Generous: a linear pattern on these inputs takes well under a million steps.
  const stepper = new Stepper(expression, flags.includes('y'), 20_000_000);
  const suffixes = ['', '\n', '\u0000', ...excludedCharacters(expression)].slice(0, 6);
  const tried = new Set<string>();
  for (const pieces of samples(expression, Math.min(maxAlternatives(expression), 4))) {
    for (let i = 0; i < pieces.length; i++) {
      const prefix = pieces.slice(0, i).join('');
      for (let len = 1; len <= 5 && i + len <= pieces.length; len++) {
        const run = pieces.slice(i, i + len).join('');
        for (const unit of [run, `${run}\n`]) {
          for (const suffix of suffixes) {
            const key = `${prefix}\u0001${unit}\u0001${suffix}`;
            if (tried.has(key)) continue;
            tried.add(key);
            // Growth on short inputs; a pattern that grows too fast there is measured again on
            // inputs twice as long as its largest bound, where a bounded repetition shows as linear.
            const short = options.n ?? 12;
            const long = Math.ceil((2 * bound) / unit.length);
            let report: StepReport | undefined;
            for (const n of long > short ? [short, long] : [short]) {
              report = measure(stepper, prefix, unit, suffix, n, limit);
              if (!report) break;
            }
            if (report) return report;
          }
        }
      }
    }
  }
  return undefined;
}

/** Whether the matcher finds a match in `input` exactly when V8 does: a check that it runs the pattern V8 runs. */
export function agreesWithV8(source: string, flags: string, input: string): boolean {
  const matched = new Stepper(parse(source, flags), flags.includes('y'), 50_000_000).run(input).matched;
  return matched === new RegExp(source, flags.replace('g', '')).test(input);
}
