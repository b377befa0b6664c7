/**
 * tox.ini support: an INI parser with configparser's rules and positions, tox 4's reading of it
 * (envlist expansion, factor conditions, inline comments), and the rules of ./rules.
 */
import type { KindSupport } from '../engine/kind.js';
import { parseIni } from './ini.js';
import { buildToxDoc, type ToxDoc } from './model.js';
import { toxRules } from './rules/index.js';

export type { ToxDoc, ToxSection, ToxSetting, ToxValueLine } from './model.js';
export { expandNames, type GeneratedName, type Factor } from './factors.js';
export { parseIni, type IniDoc, type IniEntry, type IniSection } from './ini.js';
export { endOfLife, parsePythonVersion, EOL_TABLE_CHECKED_ON } from './python-versions.js';

export function parseTox(text: string): { doc: ToxDoc; problems: ReturnType<typeof parseIni>['problems'] } {
  const { doc: ini, problems } = parseIni(text);
  return { doc: buildToxDoc(ini), problems };
}

/** The section header or setting (with its continuation lines) at or after `line`. */
export function toxStatementRange(doc: ToxDoc, line: number): { startLine: number; endLine: number } | undefined {
  for (const section of doc.ini.sections) {
    if (section.line >= line) return { startLine: section.line, endLine: section.line };
    for (const entry of section.entries) {
      if (entry.line >= line) return { startLine: entry.line, endLine: entry.endLine };
    }
  }
  return undefined;
}

export const toxSupport: KindSupport<ToxDoc> = {
  kind: 'tox',
  parse: (file) => parseTox(file.text),
  rules: toxRules,
  statementRange: toxStatementRange,
};
