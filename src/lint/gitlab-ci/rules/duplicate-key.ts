import { defineRule } from '../../engine/types.js';
import { LineIndex } from '../../../util/text.js';
import type { GitlabCiDoc } from '../model/types.js';
import { keyName } from '../yaml/nodes.js';
import { at } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/duplicate-key',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A key written twice in the same mapping: two jobs with the same name, or a keyword repeated in a job.',
    rationale:
      'GitLab\'s YAML loader silently keeps the last one, so the first job (or value) disappears without a word. Many YAML tools refuse such files outright; slipway reads them as GitLab does and reports the duplicate.',
    howToFix: 'Rename one of the jobs, or merge the two values into one key.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  script: make test\ntest:\n  script: make integration-test\n' },
        { code: 'build:\n  script: make\n  variables:\n    A: "1"\n  variables:\n    B: "2"\n' },
      ],
      good: [
        { code: 'test:\n  script: make test\nintegration-test:\n  script: make integration-test\n' },
        { code: 'build:\n  script: make\n  variables:\n    A: "1"\n    B: "2"\n' },
      ],
    },
  },
  check(ctx) {
    const roots = new Set(ctx.doc.sources.map((s) => s.root).filter((r) => r !== undefined));
    const lines = new Map<string, LineIndex>();
    const lineOf = (file: { path: string; text: string }, offset: number) => {
      let index = lines.get(file.path);
      if (!index) lines.set(file.path, (index = new LineIndex(file.text)));
      return index.positionAt(offset).line;
    };
    for (const dup of ctx.doc.duplicates) {
      const name = keyName(dup.second.key);
      const firstLine = lineOf(dup.first.key.file, dup.first.key.span.start);
      const topLevel = [...roots].some((root) => root.file.path === dup.map.file.path && root.span.start === dup.map.span.start);
      const what = topLevel && !name.startsWith('.') && !['stages', 'variables', 'default', 'workflow', 'include'].includes(name) ? `job \`${name}\`` : `key \`${name}\``;
      ctx.report({
        message: `${what} is defined twice in the same mapping; GitLab keeps only this one and silently drops the one at line ${firstLine}`,
        ...at(ctx, dup.second.key),
      });
    }
  },
});
