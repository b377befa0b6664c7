import { defineShellCheck } from '../check.js';
import { reportRpmMissingYes } from '../packages.js';

export default defineShellCheck({
  name: 'yum-missing-yes',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3030'] },
  severity: 'warning',
  description: '`yum install` (or another changing action) without `-y`.',
  rationale:
    'Without `-y`, yum asks "Is this ok [y/N]" before changing packages, and a build or a CI job has nobody to ' +
    'answer: yum reads end of input, answers no and exits with "Operation aborted", failing the step. As in hadolint ' +
    '(DL3030), `-y` and `--assumeyes` count, for install, groupinstall and localinstall. Beyond hadolint, slipway ' +
    'checks every prompting action (remove, update, reinstall, `group install`, `module enable`…), and also accepts ' +
    '`--setopt=assumeyes=1`, `yes |` and `assumeyes=1` written to yum.conf by this RUN or an earlier one.',
  howToFix: 'Add `-y` after the action: `yum install -y httpd`.',
  fixable: true,
  examples: {
    bad: [
      { script: 'yum install httpd && yum clean all', image: 'centos:7', output: 'yum install -y httpd && yum clean all' },
      { script: 'yum -q groupinstall "Development Tools"', image: 'centos:7', output: 'yum -q groupinstall -y "Development Tools"', note: '-q does not answer' },
      { script: 'yum remove postfix', image: 'centos:7', output: 'yum remove -y postfix' },
    ],
    good: [
      { script: 'yum install -y httpd && yum clean all', image: 'centos:7' },
      { script: "echo 'assumeyes=1' >> /etc/yum.conf && yum --assumeyes install httpd", image: 'centos:7' },
      { script: 'yum clean all && yum makecache', image: 'centos:7', note: 'these actions do not ask' },
    ],
  },
  check(ctx) {
    reportRpmMissingYes(ctx, ['yum']);
  },
});
