import { defineShellCheck } from '../check.js';
import { argsWith, ZYPPER_OPTIONS } from '../packages.js';
import { installsWhat, itOrThem, unpinnedPackages } from '../pinning.js';

export default defineShellCheck({
  name: 'zypper-package-unpinned',
  hosts: ['dockerfile'],
  aliases: { dockerfile: ['DL3037'] },
  severity: 'info',
  description: '`zypper install` of a package without a version (`curl` rather than `curl=8.6.0`).',
  rationale:
    'An unpinned package is whatever the repositories serve on the day of the build. As in hadolint (DL3037), a ' +
    'package is pinned by `=`, `<`, `>` (`<=`, `>=`) or an `.rpm` file. Unlike hadolint, option values (`--repo ' +
    'NAME`, `--from NAME`) are not packages, patterns, patches and products installed with `-t` are not checked, ' +
    'variables whose value is unknown are never guessed, all unpinned packages of a command are named in one ' +
    'finding, and the default severity is info, not warning: openSUSE repositories drop superseded builds, so an ' +
    'exact pin stops resolving at the next update; pinning the base image is the sturdier route. Not checked in CI ' +
    'jobs: there the job image is the pin.',
  howToFix: "Name the version: `zypper -n in 'curl=8.6.0'` (quote `<` and `>` so the shell does not read a redirection); `zypper se -s curl` lists them.",
  fixable: false,
  examples: {
    bad: [
      { script: 'zypper -n in curl "git>=2.43" && zypper clean -a', image: 'opensuse/leap:15.6' },
      { script: 'zypper -n install --from oss python311 && zypper clean -a', image: 'opensuse/leap:15.6', note: 'the --from value is a repository' },
    ],
    good: [
      { script: 'zypper -n in curl=8.6.0 "git>=2.43" ./app-1.0.rpm && zypper clean -a', image: 'opensuse/leap:15.6' },
      { script: 'zypper -n in -t pattern devel_basis && zypper clean -a', image: 'opensuse/leap:15.6', note: 'a pattern is not a package' },
    ],
  },
  check: unpinnedPackages({
    installs: (script) =>
      script.commands.flatMap((cmd) => {
        if (cmd.name !== 'zypper') return [];
        const parsed = argsWith(cmd, ZYPPER_OPTIONS);
        const [sub, ...operands] = parsed.positionals;
        if (sub?.value !== 'install' && sub?.value !== 'in') return [];
        const type = parsed.options.find((o) => o.name === '-t' || o.name === '--type')?.value;
        if (type !== undefined && type !== 'package') return [];
        return [{ cmd, verb: `zypper ${sub.value}`, operands }];
      }),
    pinned: (pkg) => /[=<>]/.test(pkg) || pkg.endsWith('.rpm'),
    message: (what, first, install) =>
      `${installsWhat(install, what, first)} whatever version the repositories have at build time; pin ${itOrThem(what, first)} (\`${first}=<version>\`)`,
  }),
});
