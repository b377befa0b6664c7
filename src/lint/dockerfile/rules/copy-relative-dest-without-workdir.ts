import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import { expand } from '../variables.js';

/** `/app`, `C:\app`, `c:/app`, `\app`. */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:([\\/]|$)/.test(path);
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/copy-relative-dest-without-workdir',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'COPY or ADD to a relative destination in a stage that has not set WORKDIR.',
    rationale:
      "A relative destination is resolved against the working directory, which, without a WORKDIR in the stage (or " +
      'in the stage it is built on), is whatever the base image set: `/` for most images, something else for ' +
      'others, and it can change with the base image. hadolint (DL3045) reports COPY; slipway also checks ADD, ' +
      'follows WORKDIR through `FROM <stage>` (a WORKDIR whose value it cannot resolve, `WORKDIR $GOPATH/src`, still counts), and resolves the destination (a variable it cannot resolve is not ' +
      'reported). Like hadolint it cannot see a WORKDIR set by an external base image (hadolint#930): set one here ' +
      'anyway, so the Dockerfile says where files go.',
    howToFix: 'Add `WORKDIR /app` before the COPY, or copy to an absolute path.',
    fixable: false,
    aliases: ['DL3045'],
    examples: {
      bad: [
        { code: 'FROM node:22-slim\nCOPY package.json .\n' },
        { code: 'FROM python:3.12-slim\nADD src app/src\n' },
      ],
      good: [
        { code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .\n' },
        { code: 'FROM node:22-slim AS base\nWORKDIR /app\nFROM base\nCOPY package.json ./\nCOPY README.md /docs/\n', note: 'inherited through FROM <stage>; absolute' },
        { code: 'FROM node:22-slim\nARG DEST\nCOPY package.json $DEST\n', note: 'only known at build time' },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    for (const ins of [...doc.find('COPY'), ...doc.find('ADD')].sort((a, b) => a.index - b.index)) {
      const dest = ins.destination;
      if (!dest || ins.state.workdirInstruction !== undefined || !ins.stage) continue;
      const raw = doc.text.slice(dest.span.start, dest.span.end);
      const exp = ins.form === 'exec' ? undefined : expand(raw, dest.span.start, (n) => ins.state.variable(n), doc.escapeChar);
      if (exp && exp.unresolved.length > 0 && !exp.pieces[0]?.known) continue;
      const value = exp ? exp.value : dest.value;
      if (value === '' || isAbsolute(value)) continue;
      ctx.report({
        message: `\`${ins.keyword} … ${value}\` copies to a path relative to the base image's working directory, and this stage sets no WORKDIR; add \`WORKDIR /app\` before it or use an absolute path`,
        span: dest.span,
      });
    }
  },
});
