/**
 * Runtime versions per language: their format, the default, and whether a version is supported on
 * a given day. Python keeps its own release table (python-versions.ts); Node.js and Go read the
 * dated end-of-life table shared with the Dockerfile linter (src/lint/eol), so the generator and the
 * `base-image-end-of-life` rule agree on every date.
 */
import type { Language } from './model.js';
import { compareVersions, DEFAULT_PYTHON_VERSION, PYTHON_VERSIONS_CHECKED, pythonVersionStatus, supportedPythonVersions } from './python-versions.js';

export { compareVersions };
import { EOL_PRODUCTS, EOL_TABLE_CHECKED, findCycle, supportedCycles } from '../lint/eol/index.js';

/**
 * Node.js: the newest LTS line with a settled ecosystem (24, "Krypton", LTS since 2025-10, end of life
 * 2028-04-30). Node.js 26 became LTS in 2026-10; it is offered, not yet the default.
 */
export const DEFAULT_NODE_VERSION = '24';
/** Go: the newest minor (released 2026-08; supported until the second newer minor, about 2027-08). */
export const DEFAULT_GO_VERSION = '1.27';

export const DEFAULT_VERSIONS: Readonly<Record<Language, string>> = {
  python: DEFAULT_PYTHON_VERSION,
  node: DEFAULT_NODE_VERSION,
  go: DEFAULT_GO_VERSION,
};

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { python: 'Python', node: 'Node.js', go: 'Go' };

/** How a version of each language is written in slipway.yaml, checked before its status. */
export const VERSION_FORMATS: Readonly<Record<Language, { pattern: RegExp; message: string }>> = {
  python: { pattern: /^3\.[0-9]+$/, message: 'must be a Python minor version "3.N" in quotes, e.g. "3.13"' },
  node: { pattern: /^[1-9][0-9]*$/, message: 'must be a Node.js major version in quotes, e.g. "24"' },
  go: { pattern: /^1\.[0-9]+$/, message: 'must be a Go minor version "1.N" in quotes, e.g. "1.27"' },
};

/** The day each language's table was checked. */
export const VERSIONS_CHECKED: Readonly<Record<Language, string>> = { python: PYTHON_VERSIONS_CHECKED, node: EOL_TABLE_CHECKED, go: EOL_TABLE_CHECKED };

export type RuntimeStatus =
  | { status: 'supported' }
  | { status: 'end-of-life'; endOfLife: string }
  | { status: 'unreleased'; released: string }
  | { status: 'unknown' };

const EOL_PRODUCT = { node: 'node', go: 'golang' } as const;

function isoDay(today: Date): string {
  return today.toISOString().slice(0, 10);
}

export function runtimeStatus(language: Language, version: string, today: Date): RuntimeStatus {
  if (language === 'python') {
    const s = pythonVersionStatus(version, today);
    if (s.status === 'end-of-life') return { status: 'end-of-life', endOfLife: s.release.endOfLife };
    if (s.status === 'unreleased') return { status: 'unreleased', released: s.release.released };
    return { status: s.status };
  }
  const product = EOL_PRODUCT[language];
  const cycle = findCycle(product, version);
  if (!cycle) {
    // Older than the table: long past its end of life.
    const oldest = EOL_PRODUCTS[product].cycles[0]!;
    if (compareVersions(version, oldest.cycle) < 0) return { status: 'end-of-life', endOfLife: `before ${oldest.eol.slice(0, 4)}` };
    return { status: 'unknown' };
  }
  const day = isoDay(today);
  if (day < cycle.released) return { status: 'unreleased', released: cycle.released };
  if (day >= cycle.eol) return { status: 'end-of-life', endOfLife: cycle.eol };
  return { status: 'supported' };
}

/** Versions supported on `today`, oldest first. */
export function supportedVersions(language: Language, today: Date): string[] {
  if (language === 'python') return supportedPythonVersions(today);
  return supportedCycles(EOL_PRODUCT[language], isoDay(today)).map((c) => c.cycle);
}

/** The end-of-life table rows of a language, for the documentation. */
export function releaseRows(language: 'node' | 'go'): { version: string; released: string; endOfLife: string; lts: boolean; estimated: boolean }[] {
  return EOL_PRODUCTS[EOL_PRODUCT[language]].cycles.map((c) => ({
    version: c.cycle,
    released: c.released,
    endOfLife: c.eol,
    lts: c.lts === true,
    estimated: c.estimated === true,
  }));
}

/** Node.js LTS code names (`jod`) → their major (`22`), as `.nvmrc` writes them (`lts/jod`). */
export function nodeLtsNames(): Record<string, string> {
  return Object.fromEntries(EOL_PRODUCTS.node.cycles.flatMap((c) => (c.aliases ?? []).map((alias) => [alias, c.cycle])));
}

/** Whether a Node.js major is a long-term-support line. */
export function isNodeLts(major: string): boolean {
  return EOL_PRODUCTS.node.cycles.some((c) => c.cycle === major && c.lts === true);
}
