import { APT_PROGRAMS } from '../apt.js';
import { parseArgs, type CommandOptionSpec } from '../args.js';
import { defineShellCheck } from '../check.js';
import type { ShellCommand, ShellWord } from '../model.js';

const RPM_TOOLS = ['dnf', 'dnf5', 'yum', 'microdnf', 'tdnf'];
const RPM_SPEC: CommandOptionSpec = { withValue: ['--setopt', '-c', '--config', '--repo', '--repoid', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '-x', '--exclude', '--nodocs'] };
const ZYPPER_SPEC: CommandOptionSpec = { withValue: ['-r', '--repo', '-t', '--type', '--root', '-R'] };

/** The upgrade-everything subcommand a command runs, when it names no package. */
function upgradeAll(cmd: ShellCommand): { sub: ShellWord; whole: boolean } | undefined {
  const name = cmd.name;
  if (name === undefined) return undefined;
  let subs: readonly string[];
  let spec: CommandOptionSpec | undefined;
  if (APT_PROGRAMS.includes(name)) subs = ['upgrade', 'dist-upgrade', 'full-upgrade', 'safe-upgrade'];
  else if (name === 'apk') subs = ['upgrade'];
  else if (RPM_TOOLS.includes(name)) {
    subs = ['update', 'upgrade', 'distro-sync', 'dsync', 'up'];
    spec = RPM_SPEC;
  } else if (name === 'zypper') {
    // zypper dist-upgrade is hadolint's DL3035; update and patch upgrade every package too.
    subs = ['update', 'up', 'patch'];
    spec = ZYPPER_SPEC;
  } else return undefined;
  const pos = parseArgs(cmd, spec).positionals;
  const sub = pos[0];
  if (sub?.value === undefined || !subs.includes(sub.value) || pos.length > 1) return undefined;
  return { sub, whole: ['dist-upgrade', 'full-upgrade', 'distro-sync', 'dsync'].includes(sub.value) };
}

export default defineShellCheck({
  name: 'os-packages-upgraded',
  hosts: ['dockerfile'],
  severity: 'info',
  description: 'A RUN upgrades every package of the base image (`apt-get upgrade`, `dist-upgrade`, `apk upgrade`, `dnf upgrade`).',
  rationale:
    'Upgrading all packages inside the image makes its content depend on the day of the build rather than on the ' +
    'Dockerfile, stores a second copy of every upgraded file in a new layer (the old one stays in the base layers), ' +
    'and hides that the base image itself is stale. `dist-upgrade`/`full-upgrade` may also remove packages or pull ' +
    'in new ones. The base image is where updates belong: official images are rebuilt for every security fix, so ' +
    'building with `--pull` on a maintained tag gets them without this step. Upgrading named packages (`apk ' +
    'upgrade openssl`, `apt-get install --only-upgrade openssl`) to take one fix before the base image has it is ' +
    'not reported. Trivy reports `dist-upgrade` (DS-0024); hadolint dropped its DL3005 rule on this.',
  howToFix:
    'Remove the upgrade; rebuild regularly with `docker build --pull` on a maintained base tag (or move to a newer ' +
    'one). If one package needs a fix now, upgrade that package by name.',
  fixable: false,
  examples: {
    bad: [
      { script: 'apt-get update && apt-get upgrade -y && apt-get install -y --no-install-recommends curl' },
      { script: 'apk upgrade --no-cache', image: 'alpine:3.22' },
      { script: 'apt-get update && apt-get dist-upgrade -y' },
    ],
    good: [
      { script: 'apt-get update && apt-get install -y --no-install-recommends --only-upgrade openssl' },
      { script: 'apk upgrade --no-cache openssl', image: 'alpine:3.22', note: 'one package, named' },
    ],
  },
  check(ctx) {
    for (const cmd of ctx.script.commands) {
      const hit = upgradeAll(cmd);
      if (!hit) continue;
      ctx.report({
        message: `\`${cmd.name} ${hit.sub.value}\` upgrades every package of the base image in this layer${hit.whole ? ' and may add or remove packages' : ''}, so the image depends on the day it is built; rebuild on a current base image (\`docker build --pull\`) instead`,
        span: { start: cmd.nameWord!.span.start, end: hit.sub.span.end },
      });
    }
  },
});
