import { defineShellCheck } from '../check.js';
import { rpmPinned } from '../packages.js';
import { installsWhat, itOrThem, rpmInstalls, unpinnedPackages } from '../pinning.js';

export default defineShellCheck({
  name: 'yum-package-unpinned',
  hosts: ['dockerfile'],
  aliases: { dockerfile: ['DL3033'] },
  severity: 'info',
  description: '`yum install` of a package without a version (`httpd` rather than `httpd-2.4.6`).',
  rationale:
    'An unpinned package is whatever the repositories serve on the day of the build. As in hadolint (DL3033), a ' +
    'package is pinned by a `-<version>` suffix or an `.rpm` file, and `yum module install` needs a `:stream`. ' +
    'Unlike hadolint, the version must be the last dash-separated part (so `java-17-openjdk` is a name, not ' +
    'version 17), groups (`@core`) are not packages, variables whose value is unknown are never guessed, all ' +
    'unpinned packages of a command are named in one finding, and the default severity is info, not warning: ' +
    'CentOS and Fedora repositories drop superseded builds, so an exact pin stops resolving at the next update. ' +
    'Pinning the base image and the repository snapshot (a vault or mirror URL) is the sturdier route. Not checked ' +
    'in CI jobs: there the job image is the pin.',
  howToFix:
    'Name the version: `yum install -y httpd-2.4.6` (`yum list --showduplicates httpd` lists them), or pin the base image by digest.',
  fixable: false,
  examples: {
    bad: [
      { script: 'yum install -y httpd mod_ssl-2.4.6 && yum clean all', image: 'centos:7' },
      { script: 'yum install -y java-17-openjdk && yum clean all', image: 'centos:7', note: 'the 17 is part of the name' },
    ],
    good: [
      { script: 'yum install -y httpd-2.4.6-99.el7 mod_ssl-2.4.6 && yum clean all', image: 'centos:7' },
      { script: 'yum install -y /tmp/app-1.0.rpm @core && yum module install -y nodejs:20 && yum clean all', image: 'centos:7' },
    ],
  },
  check: unpinnedPackages({
    installs: (script) => rpmInstalls(script, ['yum']),
    notAPackage: (pkg) => pkg.startsWith('@') && !pkg.includes(':'),
    pinned: (pkg, install) => rpmPinned(pkg, install.module === true),
    message: (what, first, install) =>
      `${installsWhat(install, what, first)} whatever version the repositories have at build time; pin ${itOrThem(what, first)} (\`${first}${install.module ? ':<stream>' : '-<version>'}\`)`,
  }),
});
