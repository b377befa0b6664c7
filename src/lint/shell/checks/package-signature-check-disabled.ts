import type { Span } from '../../engine/types.js';
import { APT_PROGRAMS } from '../apt.js';
import { parseArgs, type CommandOptionSpec } from '../args.js';
import { defineShellCheck } from '../check.js';
import { insecureConfigHits, insecureEnv } from '../insecure-settings.js';
import type { ShellWord } from '../model.js';

const RPM_TOOLS = ['dnf', 'yum', 'tdnf', 'microdnf', 'dnf5', 'yum-config-manager'];
const RPM_TOOL_SPEC: CommandOptionSpec = { withValue: ['--setopt', '-c', '--config', '--repo', '--repoid', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '-x', '--exclude'] };
const NO_VALUES: CommandOptionSpec = { withValue: [] };

/** Options that turn signature checks off, per program, with what they do. */
const OPTIONS: Record<string, Record<string, string>> = {
  apt: {
    '--allow-unauthenticated': 'installs packages whose signature could not be checked',
    '--force-yes': 'also says yes to installing unauthenticated packages (and to downgrades and removing essential packages); it is deprecated',
    '--allow-insecure-repositories': 'uses repositories without a valid signature',
    '--allow-downgrade-to-insecure-repositories': 'accepts a repository that lost its signature',
  },
  apk: { '--allow-untrusted': 'installs packages without a trusted signature' },
  rpmtool: { '--nogpgcheck': 'installs packages without checking their GPG signature' },
  zypper: { '--no-gpg-checks': 'installs packages without checking their GPG signature' },
  rpm: {
    '--nosignature': 'installs the package without checking its signature',
    '--nodigest': 'installs the package without checking its digest',
    '--nofiledigest': 'installs the package without checking its file digests',
    '--noverify': 'installs the package without verifying it',
  },
  snap: { '--dangerous': 'installs a snap that is not signed by the store' },
  dpkg: { '--force-bad-verify': 'installs a package whose signature verification failed' },
};

/**
 * True when every package the command installs is a local file (`apk add --allow-untrusted
 * /tmp/packages/*.apk` built by an earlier stage): no repository or network is involved.
 */
function localPackagesOnly(name: string, operands: readonly ShellWord[]): boolean {
  const files = name === 'rpm' ? operands : operands.slice(1);
  // A path with a variable in it (`/tmp/packages/nginx-${VERSION}.apk`) is still a local path.
  return files.length > 0 && files.every((w) => {
    const text = w.value ?? w.raw.replace(/^["']|["']$/g, '');
    return !/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && /\.(apk|rpm|deb)$/.test(text);
  });
}

function table(name: string): Record<string, string> | undefined {
  if (APT_PROGRAMS.includes(name)) return OPTIONS.apt;
  if (RPM_TOOLS.includes(name)) return OPTIONS.rpmtool;
  return OPTIONS[name];
}

export default defineShellCheck({
  name: 'package-signature-check-disabled',
  hosts: ['dockerfile', 'gitlab-ci'],
  severity: 'error',
  description: 'A package manager is told to install packages without checking their signature.',
  rationale:
    'Package managers check a signature (or a signed list of digests) before installing anything: that is what ' +
    'stops a compromised mirror, proxy or network from slipping in a modified package, which would run as root ' +
    'during the build and ship in the image. Turning it off removes that protection for every package of the ' +
    'command — usually to paper over a missing key. Reported: apt-get/apt `--allow-unauthenticated`, ' +
    '`--force-yes`, `--allow-insecure-repositories`, `APT::Get::AllowUnauthenticated`, `deb [trusted=yes]` ' +
    'sources; apk `--allow-untrusted`; dnf/yum/tdnf/microdnf `--nogpgcheck` and `gpgcheck=0`; zypper ' +
    '`--no-gpg-checks`; rpm `--nosignature`/`--nodigest`/`--nofiledigest`/`--noverify`; `snap --dangerous`; ' +
    '`GOSUMDB=off`. Installing only local package files (`apk add --allow-untrusted /tmp/packages/*.apk` built by ' +
    'an earlier stage) involves no repository and is not reported. Checkov has these as CKV2_DOCKER_7, _8, _9, _10 and _11; hadolint has none.',
  howToFix:
    'Remove the option and install the repository\'s signing key instead: for APT, download the key to ' +
    '/usr/share/keyrings/ and name it in the source (`deb [signed-by=/usr/share/keyrings/x.gpg] …`); for apk, put ' +
    'the key in /etc/apk/keys/; for rpm-based tools, `rpm --import KEY`. Use `-y` where `--force-yes` was meant as "yes".',
  fixable: false,
  examples: {
    bad: [
      { script: 'apt-get update && apt-get install -y --allow-unauthenticated internal-tool' },
      { script: 'apk add --no-cache --allow-untrusted --repository https://packages.example.com/alpine tool', image: 'alpine:3.22' },
      { script: 'dnf install -y --nogpgcheck https://example.com/tool.rpm', image: 'fedora:42' },
      { script: 'echo "deb [trusted=yes] http://repo.example.com/debian stable main" > /etc/apt/sources.list.d/example.list', note: 'a source APT trusts without a signature' },
    ],
    good: [
      { script: 'apt-get update && apt-get install -y --no-install-recommends internal-tool' },
      { script: 'echo "deb [signed-by=/usr/share/keyrings/example.gpg] https://repo.example.com/debian stable main" > /etc/apt/sources.list.d/example.list' },
      { script: 'dnf install -y tool && dnf clean all', image: 'fedora:42' },
      { script: 'apk add --no-cache --allow-untrusted /tmp/packages/*.apk', image: 'alpine:3.22', note: 'local packages built by an earlier stage' },
    ],
  },
  check(ctx) {
    const reported: Span[] = [];
    const report = (span: Span, message: string) => {
      if (reported.some((r) => r.start < span.end && span.start < r.end)) return;
      reported.push(span);
      ctx.report({ message, span });
    };
    const tail = 'install the signing key instead';
    for (const cmd of ctx.script.commands) {
      for (const a of cmd.assignments) {
        const hit = insecureEnv(a.name, a.value?.value ?? '');
        if (hit?.kind === 'signature') report(a.span, `\`${a.name}=${a.value?.value ?? ''}\` ${hit.what}; remove it`);
      }
      const name = cmd.name;
      const options = name === undefined ? undefined : table(name);
      if (!options) continue;
      const rpmTool = RPM_TOOLS.includes(name!);
      const parsed = parseArgs(cmd, rpmTool ? RPM_TOOL_SPEC : APT_PROGRAMS.includes(name!) ? undefined : NO_VALUES);
      if (localPackagesOnly(name!, parsed.positionals)) continue;
      for (const o of parsed.options) {
        const what = options[o.name];
        if (what) {
          report(o.word.span, `\`${name} ${o.name}\` ${what}; remove it and ${o.name === '--force-yes' ? 'use `-y` to answer yes' : tail}`);
        } else if (rpmTool && o.name === '--setopt' && /(^|\.)gpgcheck=(0|false|no)$/i.test(o.value ?? '')) {
          report({ start: o.word.span.start, end: (o.valueWord ?? o.word).span.end }, `\`${name} --setopt=${o.value}\` installs packages without checking their GPG signature; remove it and ${tail}`);
        }
      }
    }
    for (const hit of insecureConfigHits(ctx.script, 'signature')) report(hit.span, `this setting ${hit.what}; remove it and ${tail}`);
  },
});
