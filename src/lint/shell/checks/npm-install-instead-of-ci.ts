import { hasFlag, parseArgs } from '../args.js';
import { defineShellCheck } from '../check.js';
import { dependencyInstall } from '../installs.js';

export default defineShellCheck({
  name: 'npm-install-instead-of-ci',
  hosts: ['dockerfile', 'gitlab-ci'],
  severity: 'warning',
  description: '`npm install` installs the declared dependencies where `npm ci` should.',
  rationale:
    '`npm install` resolves the version ranges of package.json again: when package-lock.json is missing or out of ' +
    'date it installs whatever versions are newest that day and rewrites the lockfile, so two builds of the same ' +
    'commit can ship different code. `npm ci` installs exactly the lockfile, fails when it does not match ' +
    'package.json, starts from an empty node_modules and is faster. Only `npm install` of the declared ' +
    'dependencies is reported (with or without options such as `--omit=dev`); `npm install <package>`, `-g` and ' +
    '`--no-package-lock` are not. With no lockfile in the repository, commit one: that is the fix too.',
  howToFix:
    'Copy package-lock.json (or npm-shrinkwrap.json) with package.json and run `npm ci` (`npm ci --omit=dev` for ' +
    'production dependencies only).',
  fixable: false,
  examples: {
    bad: [
      { script: 'npm install', image: 'node:22-slim' },
      { script: 'npm install --omit=dev && npm cache clean --force', image: 'node:22-slim' },
    ],
    good: [
      { script: 'npm ci --omit=dev', image: 'node:22-slim' },
      { script: 'npm install -g npm@10.9.2', image: 'node:22-slim', note: 'installing a tool, not the dependencies' },
      { script: 'npm install --no-package-lock', image: 'node:22-slim', note: 'explicitly without a lockfile' },
    ],
  },
  check(ctx) {
    for (const cmd of ctx.script.commands) {
      const install = dependencyInstall(cmd);
      if (install?.tool !== 'npm') continue;
      const sub = install.subcommand;
      if (sub === 'ci' || sub === 'clean-install' || sub === 'ic' || sub === 'install-clean' || sub === 'isntall-clean') continue;
      const noLock = parseArgs(cmd).options.some((o) => o.name === '--no-package-lock' || (o.name === '--package-lock' && o.value === 'false'));
      if (noLock) continue;
      ctx.report({
        message: `\`${install.text}\` resolves versions again and may rewrite package-lock.json, so builds are not reproducible; use \`npm ci\`${hasFlag(cmd, '--production', '--only', '--omit') ? ' with the same options' : ''}, which installs exactly the lockfile`,
        span: install.span,
      });
    }
  },
});
