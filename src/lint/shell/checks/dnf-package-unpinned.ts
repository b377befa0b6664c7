import { defineShellCheck } from '../check.js';
import { DNF_PROGRAMS, rpmPinned } from '../packages.js';
import { installsWhat, itOrThem, rpmInstalls, unpinnedPackages } from '../pinning.js';

export default defineShellCheck({
  name: 'dnf-package-unpinned',
  hosts: ['dockerfile'],
  aliases: { dockerfile: ['DL3041'] },
  severity: 'info',
  description: '`dnf install` (or microdnf, dnf5, tdnf) of a package without a version (`httpd` rather than `httpd-2.4.6`).',
  rationale:
    'An unpinned package is whatever the repositories serve on the day of the build. As in hadolint (DL3041), a ' +
    'package is pinned by a `-<version>` suffix or an `.rpm` file, and `dnf module install` needs a `:stream`. ' +
    'Unlike hadolint, the version must be the last dash-separated part (so `java-17-openjdk` is a name, not ' +
    'version 17), groups (`@core`) are not packages, variables whose value is unknown are never guessed, all ' +
    'unpinned packages of a command are named in one finding, and the default severity is info, not warning: ' +
    'Fedora, CentOS Stream and Rocky repositories drop superseded builds, so an exact pin stops resolving at the next update. ' +
    'Pinning the base image and the repository snapshot (a vault or mirror URL) is the sturdier route. Not checked ' +
    'in CI jobs: there the job image is the pin.',
  howToFix:
    'Name the version: `dnf install -y httpd-2.4.62` (`dnf list --showduplicates httpd` lists them), or pin the base image by digest.',
  fixable: false,
  examples: {
    bad: [
      { script: 'dnf install -y httpd mod_ssl-2.4.62 && dnf clean all', image: 'fedora:40' },
      { script: 'microdnf install -y python3-pip && microdnf clean all', image: 'registry.access.redhat.com/ubi9/ubi-minimal:9.4', note: 'pip is part of the name' },
    ],
    good: [
      { script: 'dnf install -y httpd-2.4.62-1.fc40 python3-pip-23.3.2 && dnf clean all', image: 'fedora:40' },
      { script: 'dnf module install -y nodejs:20/common && dnf install -y ./app-1.0-1.x86_64.rpm @development-tools && dnf clean all', image: 'rockylinux:9' },
    ],
  },
  check: unpinnedPackages({
    installs: (script) => rpmInstalls(script, DNF_PROGRAMS),
    notAPackage: (pkg) => pkg.startsWith('@') && !pkg.includes(':'),
    pinned: (pkg, install) => rpmPinned(pkg, install.module === true),
    message: (what, first, install) =>
      `${installsWhat(install, what, first)} whatever version the repositories have at build time; pin ${itOrThem(what, first)} (\`${first}${install.module ? ':<stream>' : '-<version>'}\`)`,
  }),
});
