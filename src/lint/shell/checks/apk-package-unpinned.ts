import { positionals, subcommand } from '../args.js';
import { defineShellCheck } from '../check.js';
import { installsWhat, itOrThem, unpinnedPackages } from '../pinning.js';

export default defineShellCheck({
  name: 'apk-package-unpinned',
  hosts: ['dockerfile'],
  aliases: { dockerfile: ['DL3018'] },
  severity: 'info',
  description: '`apk add` of a package without a version (`curl` rather than `curl=8.9.1-r0` or `curl~8.9`).',
  rationale:
    'An unpinned package is whatever the Alpine mirror serves on the day of the build. As in hadolint (DL3018), a ' +
    'package counts as pinned when it has `=`, `~`, `<` or `>` or is an `.apk` file, and the values of `-t`/' +
    '`--virtual` and `-X`/`--repository` are not packages. Unlike hadolint, `!pkg` (a package apk must not install, ' +
    'hadolint issue #956) is not a package, each unpinned package is reported on its own word, `$VAR` operands are ' +
    'resolved when their value is known and never guessed otherwise, and the default severity is info, not warning: ' +
    'an Alpine branch keeps only the newest build of each package, so an exact `=1.2.3-r0` pin breaks the build at ' +
    "the next security update (hadolint issue #204). A fuzzy pin `pkg~1.2` or pinning the base image's minor " +
    'release (`alpine:3.20`) is the sturdier choice. Not checked in CI jobs: there the job image is the pin.',
  howToFix:
    'Pin to the upstream version with a fuzzy match (`apk add --no-cache curl~8.9`), which survives Alpine\'s -rN ' +
    'rebuilds, or an exact `curl=8.9.1-r0` when you rebuild often enough to follow it; keep the Alpine release pinned in FROM.',
  fixable: false,
  examples: {
    bad: [
      { script: 'apk add --no-cache curl ca-certificates~20240705', image: 'alpine:3.20' },
      { script: 'apk add --no-cache --virtual .build-deps gcc musl-dev', image: 'alpine:3.20', note: 'the --virtual name is not a package' },
    ],
    good: [
      { script: 'apk add --no-cache curl=8.9.1-r0 "openssl>3.3" ca-certificates~20240705', image: 'alpine:3.20' },
      { script: 'apk add --no-cache /tmp/pkgs/tool-1.0-r0.apk \'!pyc\'', image: 'alpine:3.20', note: '!pyc tells apk not to install pyc' },
    ],
  },
  check: unpinnedPackages({
    installs: (script) =>
      script.commands
        .filter((cmd) => cmd.name === 'apk' && subcommand(cmd)?.value === 'add')
        .map((cmd) => ({ cmd, verb: 'apk add', operands: positionals(cmd).slice(1) })),
    notAPackage: (pkg) => pkg.startsWith('!'),
    pinned: (pkg) => /[=~<>]/.test(pkg) || pkg.endsWith('.apk'),
    message: (what, first, install) =>
      `${installsWhat(install, what, first)} whatever build the mirror has at build time; pin ${itOrThem(what, first)} (\`${first}~<version>\` or \`${first}=<version>-r<n>\`)`,
  }),
});
