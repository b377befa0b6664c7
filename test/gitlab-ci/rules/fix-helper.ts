/** The text after `--fix` with only one gitlab-ci rule enabled. */
import { fixText } from '../../../src/lint/index.js';

export async function fixed(code: string, rule: string, files?: Record<string, string>): Promise<string> {
  return (await fixText(code, { kind: 'gitlab-ci', only: [`gitlab-ci/${rule}`], ...(files ? { files } : {}) })).output;
}
