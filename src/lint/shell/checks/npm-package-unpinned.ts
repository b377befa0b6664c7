import { positionals } from '../args.js';
import { defineShellCheck } from '../check.js';
import { installsWhat, itOrThem, unpinnedPackages } from '../pinning.js';

/** `npm install` and the aliases npm accepts for it. */
const INSTALL = ['install', 'i', 'add', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall'];
const GIT = /^(git(\+[a-z]+)?:\/\/|github:|gitlab:|bitbucket:|gist:)/;
const LOCAL = /^(\.{1,2}(\/|$)|\/|~\/|file:)/;
const TARBALL = /\.(tar|tar\.gz|tgz)$/;

/** True when an npm package spec fixes a version: `pkg@1.2.3`, `pkg@^1.2`, a path, a tarball, a git URL with `#ref`. */
function npmPinned(spec: string): boolean {
  if (LOCAL.test(spec) || TARBALL.test(spec) || /^https?:\/\//.test(spec)) return true;
  // A git URL or a GitHub shorthand (`user/repo`) follows its default branch unless it names `#ref`.
  if (GIT.test(spec) || (!spec.startsWith('@') && spec.includes('/'))) return spec.includes('#');
  const at = spec.indexOf('@', 1);
  if (at < 0) return false;
  const version = spec.slice(at + 1);
  if (version.startsWith('npm:')) return npmPinned(version.slice(4));
  // A dist-tag (`latest`, `next`, `beta`) or `*` moves; a version or a range does not.
  return /^(v?\d|[~^<>=])/.test(version);
}

export default defineShellCheck({
  name: 'npm-package-unpinned',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3016'] },
  severity: 'warning',
  description: '`npm install <pkg>` without a version (`pkg` or `pkg@latest` rather than `pkg@1.2.3`).',
  rationale:
    'An unpinned package is whatever the registry tags `latest` when the image is built or the job runs, so a new ' +
    'major release changes the result overnight. The registry keeps every version, so a pin keeps working. As in ' +
    'hadolint (DL3016), `npm install` without packages (from package.json and the lock file), paths, tarballs and ' +
    'git URLs with `#ref` are fine, and `--registry`/`--loglevel` values are not packages. Unlike hadolint, a ' +
    'dist-tag such as `@latest` or `@next` counts as unpinned (it moves like no version at all), a GitHub shorthand ' +
    '`user/repo` needs `#ref` too, the `i`/`add` aliases are checked, and each package is reported on its own word.',
  howToFix:
    'Name a version (`npm install -g typescript@5.4.5`), or add the package to package.json and install from the ' +
    'lock file with `npm ci`.',
  fixable: false,
  examples: {
    bad: [
      { script: 'npm install -g typescript', image: 'node:20-slim' },
      { script: 'npm i -g npm@latest pnpm@9.1.0', image: 'node:20-slim', note: 'a dist-tag is not a version' },
    ],
    good: [
      { script: 'npm install -g typescript@5.4.5 @angular/cli@17.3.0', image: 'node:20-slim' },
      { script: 'npm ci && npm install ./vendor/lib-1.0.0.tgz git+https://github.com/org/lib.git#v1.2.0', image: 'node:20-slim' },
    ],
  },
  check: unpinnedPackages({
    installs: (script) =>
      script.commands.flatMap((cmd) => {
        if (cmd.name !== 'npm') return [];
        const [sub, ...operands] = positionals(cmd);
        if (sub?.value === undefined || !INSTALL.includes(sub.value)) return [];
        return [{ cmd, verb: `npm ${sub.value}`, operands }];
      }),
    pinned: npmPinned,
    message: (what, first, install) => {
      const example = GIT.test(first) || (!first.startsWith('@') && first.includes('/')) ? `${first}#<tag or commit>` : `${first.replace(/(.)@.*/s, '$1')}@<version>`;
      return `${installsWhat(install, what, first)} whatever the registry tags latest at build time; pin ${itOrThem(what, first)} (\`${example}\`) or install from package.json with \`npm ci\``;
    },
  }),
});
