/**
 * EXPOSE arguments as BuildKit reads them: `[ip:][hostPort:]containerPort[-end][/protocol]`, after
 * variable substitution, with the span of each part.
 */
import type { Span } from '../engine/types.js';
import type { DockerfileDoc, PlainInstruction, Token } from './model.js';
import { expand, spanOfRange, type Expansion } from './variables.js';

export interface ExposedPort {
  instruction: PlainInstruction;
  token: Token;
  /** The argument after substitution. */
  value: string;
  usesVariables: boolean;
  /** `127.0.0.1` of `127.0.0.1:80:80`. */
  ip: Part | undefined;
  /** `8080` of `8080:80`. */
  hostPort: Part | undefined;
  /** `80` or `8000-8010`. */
  containerPort: Part;
  /** `udp` of `53/udp`; undefined when not written. */
  protocol: Part | undefined;
}

export interface Part {
  value: string;
  span: Span;
}

/** Every EXPOSE argument whose value is known (arguments with an unset variable are skipped). */
export function exposedPorts(doc: DockerfileDoc): ExposedPort[] {
  const out: ExposedPort[] = [];
  for (const ins of doc.find('EXPOSE')) {
    for (const token of ins.args) {
      const raw = doc.text.slice(token.span.start, token.span.end);
      const exp = expand(raw.includes('\n') ? token.value : raw, token.span.start, (n) => ins.state.variable(n), doc.escapeChar);
      if (exp.unresolved.length > 0 || exp.value === '') continue;
      out.push(parsePort(ins, token, exp));
    }
  }
  return out;
}

function parsePort(instruction: PlainInstruction, token: Token, exp: Expansion): ExposedPort {
  const v = exp.value;
  const part = (start: number, end: number): Part => ({ value: v.slice(start, end), span: spanOfRange(exp.pieces, start, end, token.span) });
  const slash = v.indexOf('/');
  const portEnd = slash < 0 ? v.length : slash;
  const protocol = slash < 0 ? undefined : part(slash + 1, v.length);
  const colons: number[] = [];
  for (let i = 0; i < portEnd; i++) if (v[i] === ':') colons.push(i);
  const n = colons.length;
  const lastColon = colons[n - 1];
  const containerPort = part(lastColon === undefined ? 0 : lastColon + 1, portEnd);
  let ip: Part | undefined;
  let hostPort: Part | undefined;
  if (n === 1) hostPort = part(0, colons[0]!);
  else if (n >= 2) {
    ip = part(0, colons[n - 2]!);
    hostPort = part(colons[n - 2]! + 1, colons[n - 1]!);
  }
  return { instruction, token, value: v, usesVariables: exp.usesVariables, ip, hostPort, containerPort, protocol };
}

/** `80` → [80, 80]; `8000-8010` → [8000, 8010]; undefined when not numbers. */
export function portRange(value: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(value);
  if (!m) return undefined;
  const start = Number(m[1]);
  return [start, m[2] === undefined ? start : Number(m[2])];
}
