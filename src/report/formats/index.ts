import type { Formatter } from '../context.js';
import { checkstyle } from './checkstyle.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** Every `--format`, by name, with a one-line description (`slipway lint --help`, docs). */
export const FORMATS = {
  stylish: { format: stylish, description: 'for people: grouped by file, source line with a marker, summary (default)' },
  json: { format: json, description: 'a stable JSON array of findings' },
  sarif: { format: sarif, description: 'SARIF 2.1.0 (code scanning, IDEs)' },
  gitlab: { format: gitlab, description: 'GitLab Code Quality report (artifacts:reports:codequality)' },
  checkstyle: { format: checkstyle, description: 'Checkstyle XML' },
  junit: { format: junit, description: 'JUnit XML (CI test reports)' },
  github: { format: github, description: 'GitHub Actions workflow annotations' },
} as const satisfies Record<string, { format: Formatter; description: string }>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
