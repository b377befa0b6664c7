/** Parsers the generate tests use to compare generated files with the model (not with strings). */
import { DockerfileParser } from 'dockerfile-ast';
import { parse as parseYaml } from 'yaml';

export const DOCKERFILE_INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export interface DockerInstruction {
  keyword: string;
  args: string[];
  line: number;
}

/** Instructions with their arguments; throws on what dockerfile-ast (or the builder) would reject. */
export function dockerInstructions(text: string): DockerInstruction[] {
  const df = DockerfileParser.parse(text);
  const problems: string[] = [];
  const out: DockerInstruction[] = [];
  for (const ins of df.getInstructions()) {
    const keyword = ins.getKeyword();
    const line = ins.getRange().start.line + 1;
    if (!DOCKERFILE_INSTRUCTIONS.has(keyword)) problems.push(`line ${line}: unknown instruction ${keyword}`);
    if (ins.getArguments().length === 0) problems.push(`line ${line}: ${keyword} without arguments`);
    out.push({ keyword, args: ins.getArguments().map((a) => a.getValue()), line });
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return out;
}

/** The exec-form JSON array of an instruction's text after the keyword (and options). */
export function execForm(instructionText: string): string[] {
  const start = instructionText.indexOf('[');
  const parsed: unknown = JSON.parse(instructionText.slice(start));
  if (!Array.isArray(parsed) || !parsed.every((w) => typeof w === 'string')) throw new Error(`not exec form: ${instructionText}`);
  return parsed as string[];
}

/** The logical lines of a Dockerfile (continuations joined), comments dropped. */
export function dockerLogicalLines(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    if (current === '' && (raw.startsWith('#') || raw.trim() === '')) continue;
    if (raw.endsWith('\\')) current += `${raw.slice(0, -1)} `;
    else {
      lines.push((current + raw).replace(/\s+/g, ' ').trim());
      current = '';
    }
  }
  return lines;
}

/**
 * One word as BuildKit's shell lexer reads it (moby/buildkit frontend/dockerfile/shell/lex.go):
 * single quotes literal; in double quotes `\` escapes only `"`, `$` and `\`; outside quotes `\`
 * escapes any character. An unescaped `$` would be expanded by the builder, so it throws.
 */
export function buildkitWord(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === "'") {
      const end = raw.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in ${raw}`);
      out += raw.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      for (i++; i < raw.length && raw[i] !== '"'; i++) {
        const d = raw[i]!;
        if (d === '\\' && ['"', '$', '\\'].includes(raw[i + 1] ?? '')) out += raw[++i];
        else if (d === '$') throw new Error(`the builder would expand $ in ${raw}`);
        else out += d;
      }
      if (raw[i] !== '"') throw new Error(`unterminated " in ${raw}`);
    } else if (c === '\\') out += raw[++i] ?? '';
    else if (c === '$') throw new Error(`the builder would expand $ in ${raw}`);
    else out += c;
  }
  return out;
}

/** ENV pairs of a Dockerfile, as the builder reads them. */
export function dockerEnv(text: string): Record<string, string> {
  const df = DockerfileParser.parse(text);
  const env: Record<string, string> = {};
  for (const e of df.getENVs()) for (const p of e.getProperties()) env[p.getName()] = buildkitWord(p.getUnescapedValue() ?? '');
  return env;
}

export function yamlDoc(text: string): Record<string, unknown> {
  return parseYaml(text) as Record<string, unknown>;
}

/** Make targets (rules) and their recipe lines. */
export function makeTargets(text: string): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      if (!current) throw new Error(`recipe line outside a rule: ${line}`);
      current.push(line.slice(1));
      continue;
    }
    current = undefined;
    const m = /^([A-Za-z0-9_.-]+):(?!=)/.exec(line);
    if (m && !m[1]!.startsWith('.')) {
      current = [];
      targets.set(m[1]!, current);
    }
  }
  return targets;
}

/** A small INI reader (sections, `key = value`, indented continuation lines), like tox reads it. */
export function iniSections(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  let key: string | undefined;
  for (const line of text.split('\n')) {
    if (/^\s*[#;]/.test(line) || line.trim() === '') continue;
    const header = /^\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      section = new Map();
      sections.set(header[1]!, section);
      key = undefined;
      continue;
    }
    if (!section) throw new Error(`line outside a section: ${line}`);
    if (/^\s/.test(line)) {
      if (key === undefined) throw new Error(`continuation without a key: ${line}`);
      section.set(key, `${section.get(key)}\n${line.trim()}`.replace(/^\n/, ''));
      continue;
    }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (!kv) throw new Error(`not key = value: ${line}`);
    key = kv[1]!;
    section.set(key, kv[2]!);
  }
  return sections;
}
