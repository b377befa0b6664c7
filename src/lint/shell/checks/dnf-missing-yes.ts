import { defineShellCheck } from '../check.js';
import { DNF_PROGRAMS, reportRpmMissingYes } from '../packages.js';

export default defineShellCheck({
  name: 'dnf-missing-yes',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3038'] },
  severity: 'warning',
  description: '`dnf install` (or microdnf, dnf5, tdnf; or another changing action) without `-y`.',
  rationale:
    'Without `-y`, dnf asks "Is this ok [y/N]" before changing packages, and a build or a CI job has nobody to ' +
    'answer: dnf reads end of input, answers no and the step fails with "Operation aborted". As in hadolint ' +
    '(DL3038), `-y` and `--assumeyes` count, and `dnf` and `microdnf` are checked for install, groupinstall and ' +
    'localinstall. Beyond hadolint, slipway also checks `dnf5` and `tdnf` and every prompting action (remove, ' +
    'upgrade, `group install`, `module enable`…), and accepts `--setopt=assumeyes=1`, `yes |` and `assumeyes=1` ' +
    'written to dnf.conf by this RUN or an earlier one.',
  howToFix: 'Add `-y` after the action: `dnf install -y httpd`.',
  fixable: true,
  examples: {
    bad: [
      { script: 'dnf install httpd && dnf clean all', image: 'fedora:40', output: 'dnf install -y httpd && dnf clean all' },
      { script: 'microdnf install --nodocs shadow-utils', image: 'registry.access.redhat.com/ubi9/ubi-minimal:9.4', output: 'microdnf install -y --nodocs shadow-utils' },
      { script: 'dnf module enable nodejs:20', image: 'rockylinux:9', output: 'dnf module enable -y nodejs:20' },
    ],
    good: [
      { script: 'dnf install -y httpd && dnf clean all', image: 'fedora:40' },
      { script: 'dnf --setopt=assumeyes=True --setopt=install_weak_deps=False install httpd', image: 'fedora:40' },
      { script: 'dnf makecache && dnf repolist', image: 'fedora:40', note: 'these actions do not ask' },
    ],
  },
  check(ctx) {
    reportRpmMissingYes(ctx, DNF_PROGRAMS);
  },
});
