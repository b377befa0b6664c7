import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import { expand } from '../variables.js';

/** `/app`, `C:\app`, `c:/app`, `\app`. */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:([\\/]|$)/.test(path);
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/workdir-relative',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A relative WORKDIR whose base directory is not known from the Dockerfile.',
    rationale:
      'A relative WORKDIR is resolved against the working directory of the base image, which the Dockerfile does not ' +
      'show and which changes when the base image does: `WORKDIR app` is `/app` on one image and `/usr/src/app` on ' +
      'another. Like BuildKit (WorkdirRelativePath), a relative WORKDIR after an absolute one in the same stage (or ' +
      'one inherited through `FROM <stage>`) is fine, and variables are substituted before deciding; hadolint (DL3000) ' +
      'reports every relative WORKDIR.',
    howToFix: 'Write the absolute path: `WORKDIR /app`.',
    fixable: false,
    aliases: ['DL3000'],
    examples: {
      bad: [
        { code: 'FROM python:3.12-slim\nWORKDIR app\n' },
        { code: 'FROM python:3.12-slim\nARG DIR=src\nWORKDIR $DIR\n', note: 'the variable resolves to a relative path' },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nWORKDIR /app\n' },
        { code: 'FROM python:3.12-slim\nWORKDIR /app\nWORKDIR src\n', note: 'relative to a known directory' },
        { code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n' },
        { code: 'FROM python:3.12-slim\nARG APP_HOME\nWORKDIR $APP_HOME\n', note: 'only known at build time' },
      ],
    },
  },
  check(ctx) {
    for (const ins of ctx.doc.find('WORKDIR')) {
      if (!ins.path || ins.state.workdir !== undefined) continue;
      const raw = ctx.doc.text.slice(ins.path.span.start, ins.path.span.end);
      const value = raw.includes('\n') ? ins.path.value : raw;
      const exp = expand(value, ins.path.span.start, (n) => ins.state.variable(n), ctx.doc.escapeChar);
      // An unknown variable at the start may hold an absolute path.
      if (exp.unresolved.length > 0 && !exp.pieces[0]?.known) continue;
      if (exp.value === '' || isAbsolute(exp.value)) continue;
      const via = exp.usesVariables ? ` (\`${ins.path.value}\` resolves to \`${exp.value}\`)` : '';
      ctx.report({
        message: `\`WORKDIR ${exp.value}\` is relative to the base image's working directory, which this Dockerfile does not set${via}; use an absolute path such as \`/${exp.value.replace(/^\.\//, '')}\``,
        span: ins.path.span,
      });
    }
  },
});
