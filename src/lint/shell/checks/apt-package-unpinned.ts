import { aptSubcommand } from '../apt.js';
import { positionals } from '../args.js';
import { defineShellCheck } from '../check.js';
import { installsWhat, itOrThem, unpinnedPackages } from '../pinning.js';

export default defineShellCheck({
  name: 'apt-package-unpinned',
  hosts: ['dockerfile'],
  aliases: { dockerfile: ['DL3008'] },
  severity: 'info',
  description: '`apt-get install` of a package without a version (`curl` rather than `curl=7.88.1-10+deb12u8`).',
  rationale:
    'An unpinned package is whatever version the mirror serves on the day of the build, so two builds of the same ' +
    'Dockerfile can differ. Like hadolint (DL3008), a package counts as pinned when it names a version (`pkg=1.2`), ' +
    'a release (`pkg/bookworm-backports`) or a `.deb` file, and `-t`/`--target-release` values are not packages. ' +
    'Unlike hadolint, slipway reports each unpinned package on its own word, also checks `apt` and `aptitude`, ' +
    'resolves `$VAR` operands whose ARG/ENV value is known and never reports one whose value is unknown (it may ' +
    'well hold `pkg=${VERSION}`, hadolint issue #928), and the default severity is info, not warning: Debian and ' +
    'Ubuntu keep only the newest version of a package in a suite, so an exact pin breaks the build as soon as a ' +
    'security update replaces it (the most common complaint about DL3008, hadolint PR #1253). Pinning the base ' +
    'image by digest and installing from a snapshot mirror makes apt layers reproducible without that churn. Raise ' +
    'the rule to warning in `lint.rules` where exact pins are policy. Not checked in CI jobs: there the job image is ' +
    'the pin.',
  howToFix:
    'Pin with `pkg=<version>` (`apt-cache policy pkg` shows the candidates), or pin the base image by digest and ' +
    'install from a snapshot mirror (snapshot.debian.org) so the same packages come back on every build.',
  fixable: false,
  examples: {
    bad: [
      { script: 'apt-get update && apt-get install -y --no-install-recommends curl ca-certificates' },
      { script: 'apt-get install -y -t bookworm-backports git', note: 'the -t value is a release, not a package' },
    ],
    good: [
      { script: 'apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8' },
      { script: 'apt-get install -y ./vendor/tool_1.2.3_amd64.deb git/bookworm-backports' },
      { script: 'apt-get install -y "python3=${PYTHON_DEB_VERSION}"', note: 'a build argument whose value is unknown is not guessed' },
    ],
  },
  check: unpinnedPackages({
    installs: (script) =>
      script.commands
        .filter((cmd) => aptSubcommand(cmd) === 'install')
        .map((cmd) => ({ cmd, verb: `${cmd.name} install`, operands: positionals(cmd).slice(1) })),
    // `pkg-` in an install line removes pkg.
    notAPackage: (pkg) => pkg.endsWith('-'),
    pinned: (pkg) => pkg.includes('=') || pkg.includes('/') || pkg.endsWith('.deb'),
    message: (what, first, install) =>
      `${installsWhat(install, what, first)} whatever version the mirror has at build time; pin ${itOrThem(what, first)} (\`${first}=<version>\`, see \`apt-cache policy ${first}\`) or pin the base image and a snapshot mirror`,
  }),
});
