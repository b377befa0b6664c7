import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import { expand } from '../variables.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/copy-dest-not-directory',
    kind: 'dockerfile',
    severity: 'error',
    description: 'COPY or ADD with several sources has a destination that does not end with `/`.',
    rationale:
      'With more than one source the destination must be a directory, written with a trailing slash; Docker fails ' +
      'the build otherwise ("When using COPY with more than one source file, the destination must be a directory ' +
      'and end with a /"). hadolint reports it for COPY (DL3021); slipway also checks ADD, counts here-documents as ' +
      'sources, and resolves a destination written with a variable (one it cannot resolve is not reported).',
    howToFix: 'End the destination with `/` (`--fix` does it): `COPY a.txt b.txt /app/`.',
    fixable: true,
    aliases: ['DL3021'],
    examples: {
      bad: [
        { code: 'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock /app\n', output: 'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock /app/\n' },
        { code: 'FROM node:22-slim\nCOPY ["package.json", "package-lock.json", "."]\n', output: 'FROM node:22-slim\nCOPY ["package.json", "package-lock.json", "./"]\n' },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock /app/\n' },
        { code: 'FROM python:3.12-slim\nCOPY requirements.txt /app/requirements.txt\nARG DEST\nCOPY a b $DEST\n', note: 'one source; a destination only known at build time' },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    for (const ins of [...doc.find('COPY', { triggers: true }), ...doc.find('ADD', { triggers: true })]) {
      const dest = ins.destination;
      if (!dest || ins.sources.length < 2) continue;
      const raw = doc.text.slice(dest.span.start, dest.span.end);
      const exp = ins.form === 'exec' ? undefined : expand(raw, dest.span.start, (n) => ins.state.variable(n), doc.escapeChar);
      if (exp && exp.unresolved.length > 0) continue;
      const value = exp ? exp.value : dest.value;
      if (value.endsWith('/') || value.endsWith('\\')) continue;
      const quoted = raw.length >= 2 && (raw.endsWith('"') || raw.endsWith("'"));
      const at = quoted ? dest.span.end - 1 : dest.span.end;
      const via = exp?.usesVariables ? ` (\`${dest.value}\` resolves to \`${value}\`)` : '';
      ctx.report({
        message: `${ins.sources.length} sources are copied, so the destination \`${value}\` must be a directory ending with \`/\`${via}; write \`${value}/\``,
        span: dest.span,
        ...(exp?.usesVariables ? {} : { fix: { range: [at, at] as [number, number], text: '/' } }),
      });
    }
  },
});
