/**
 * tox's view of a tox.ini: which sections tox reads, each setting's lines as tox 4 sees them
 * (inline `#` comments removed, factor conditions split off), the expanded envlist, and every
 * factor condition — all with file offsets.
 */
import type { Span } from '../engine/types.js';
import type { LineIndex } from '../../util/text.js';
import { expandNames, parseCondition, type ExpansionIssue, type FactorCondition, type GeneratedName } from './factors.js';
import type { IniDoc, IniEntry, IniSection, IniValueLine } from './ini.js';
import { substitutionsIn, type Substitution } from './substitutions.js';
import { pushAll } from '../../util/push-all.js';

/** One line of a setting as tox 4 reads it. */
export interface ToxValueLine extends IniValueLine {
  /** The line without its `#` comment (tox 4 cuts at any `#` not written `\#`), trimmed. */
  effective: string;
  /** The condition the line starts with (`py311: …`). */
  condition?: FactorCondition;
  /** The line after its condition, with its span. */
  content: string;
  contentSpan: Span;
  /** The `{…}` substitutions of the content (empty for settings that hold env names: envlist, depends, labels). */
  substitutions: Substitution[];
}

export interface ToxSetting {
  entry: IniEntry;
  lines: ToxValueLine[];
}

export type ToxSectionKind = 'core' | 'testenv-base' | 'testenv' | 'pkgenv' | 'other';

export interface ToxSection {
  ini: IniSection;
  kind: ToxSectionKind;
  /** For `[testenv:NAME]`: the env names it configures (generative names expanded). */
  envNames: GeneratedName[];
  settings: ToxSetting[];
}

export interface ToxDoc {
  text: string;
  lines: LineIndex;
  ini: IniDoc;
  sections: ToxSection[];
  /** `[tox]` (or `[tox:tox]` of setup.cfg). */
  core?: ToxSection;
  /** `[testenv]`, the base of every run environment. */
  base?: ToxSection;
  /** The `env_list`/`envlist` setting of the core section. */
  envlist?: ToxSetting;
  /** The envlist expanded, in order, duplicates kept (each with its own position). */
  envs: GeneratedName[];
  envlistIssues: ExpansionIssue[];
  /** Env names of `labels = name = env, env` in the core section. */
  labelEnvs: GeneratedName[];
}

/** Sections tox reads its own settings from. */
export function isToxSection(section: ToxSection): boolean {
  return section.kind !== 'other';
}

const COMMENT_IN_VALUE = /(?<!\\)#/;

function sectionKind(name: string): ToxSectionKind {
  if (name === 'tox' || name === 'tox:tox') return 'core';
  if (name === 'testenv') return 'testenv-base';
  if (name.startsWith('testenv:')) return 'testenv';
  if (name === 'pkgenv') return 'pkgenv';
  return 'other';
}

/** Settings whose braces are factor groups of env names, not substitutions. */
const ENV_NAME_KEYS = new Set(['envlist', 'env_list', 'depends', 'labels']);

function valueLine(line: IniValueLine, key: string): ToxValueLine {
  const hash = line.text.search(COMMENT_IN_VALUE);
  const effective = (hash >= 0 ? line.text.slice(0, hash) : line.text).trimEnd();
  const condition = parseCondition(effective, line.span.start);
  const contentOffset = condition ? effective.length - condition.content.length : 0;
  const content = effective.slice(contentOffset);
  const start = line.span.start + contentOffset;
  const substitutions = ENV_NAME_KEYS.has(key) ? [] : substitutionsIn(content, start);
  const out: ToxValueLine = { ...line, effective, content, contentSpan: { start, end: start + content.length }, substitutions };
  if (condition) out.condition = condition;
  return out;
}

function setting(entry: IniEntry): ToxSetting {
  return { entry, lines: entry.lines.map((l) => valueLine(l, entry.name)) };
}

/** The last setting of a section with one of the keys (tox's aliases, e.g. `env_list`/`envlist`). */
export function settingOf(section: ToxSection | undefined, ...keys: string[]): ToxSetting | undefined {
  if (!section) return undefined;
  for (let i = section.settings.length - 1; i >= 0; i--) {
    if (keys.includes(section.settings[i]!.entry.name)) return section.settings[i];
  }
  return undefined;
}

function namesOf(s: ToxSetting | undefined): { names: GeneratedName[]; issues: ExpansionIssue[] } {
  const names: GeneratedName[] = [];
  const issues: ExpansionIssue[] = [];
  for (const line of s?.lines ?? []) {
    if (line.content === '') continue;
    const expanded = expandNames(line.content, line.contentSpan.start);
    pushAll(names, expanded.names);
    pushAll(issues, expanded.issues);
  }
  return { names, issues };
}

function labelEnvs(s: ToxSetting | undefined): GeneratedName[] {
  const out: GeneratedName[] = [];
  for (const line of s?.lines ?? []) {
    const eq = line.content.indexOf('=');
    if (eq < 0) continue;
    pushAll(out, expandNames(line.content.slice(eq + 1), line.contentSpan.start + eq + 1).names);
  }
  return out;
}

export function buildToxDoc(ini: IniDoc): ToxDoc {
  const sections: ToxSection[] = ini.sections.map((s) => {
    const kind = sectionKind(s.name);
    const envNames = kind === 'testenv' ? expandNames(s.name.slice('testenv:'.length), s.nameSpan.start + 'testenv:'.length).names : [];
    return { ini: s, kind, envNames, settings: s.entries.map(setting) };
  });
  const core = sections.find((s) => s.kind === 'core');
  const base = sections.find((s) => s.kind === 'testenv-base');
  const envlist = settingOf(core, 'env_list', 'envlist');
  const { names, issues } = namesOf(envlist);
  const doc: ToxDoc = {
    text: ini.text,
    lines: ini.lines,
    ini,
    sections,
    envs: names,
    envlistIssues: issues,
    labelEnvs: labelEnvs(settingOf(core, 'labels')),
  };
  if (core) doc.core = core;
  if (base) doc.base = base;
  if (envlist) doc.envlist = envlist;
  return doc;
}

/** Every value line of every setting, with the section and setting it belongs to. */
export function* valueLines(doc: ToxDoc, filter: (s: ToxSection) => boolean = () => true) {
  for (const section of doc.sections) {
    if (!filter(section)) continue;
    for (const s of section.settings) for (const line of s.lines) yield { section, setting: s, line };
  }
}

/** Env names that have their own `[testenv:NAME]` section. */
export function envSectionNames(doc: ToxDoc): Set<string> {
  return new Set(doc.sections.flatMap((s) => s.envNames.map((n) => n.name)));
}

/** Whether the file requires tox 4 or later (`min_version = 4…` or `requires = tox>=4…`). */
export function requiresTox4(doc: ToxDoc): boolean {
  const min = settingOf(doc.core, 'min_version', 'minversion')?.lines[0]?.content;
  if (min && Number.parseInt(min, 10) >= 4) return true;
  const requires = settingOf(doc.core, 'requires')?.lines ?? [];
  return requires.some((l) => /^tox\s*(?:>=|~=|==|>)\s*([4-9]|\d\d)/.test(l.content));
}

/** Packages that `[tox] requires` lists besides tox itself and the installers: plugins, which may define envs. */
export function requiredPlugins(doc: ToxDoc): string[] {
  const requires = settingOf(doc.core, 'requires')?.lines ?? [];
  return requires
    .map((l) => /^[A-Za-z0-9._-]+/.exec(l.content)?.[0].toLowerCase())
    .filter((name): name is string => name !== undefined && !['tox', 'virtualenv', 'pip', 'setuptools', 'wheel'].includes(name));
}
