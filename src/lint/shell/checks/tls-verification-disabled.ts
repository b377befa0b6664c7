import type { Span } from '../../engine/types.js';
import { parseArgs, type CommandOptionSpec, type ParsedOption } from '../args.js';
import { defineShellCheck } from '../check.js';
import { insecureConfigHits, insecureEnv } from '../insecure-settings.js';
import { pipCommand } from '../installs.js';
import type { ShellCommand, ShellWord } from '../model.js';

const FALSE = /^(0|false|no|off)$/i;

function optionSpan(o: ParsedOption): Span {
  return { start: o.word.span.start, end: (o.valueWord ?? o.word).span.end };
}

function wordsSpan(from: ShellWord, to: ShellWord): Span {
  return { start: from.span.start, end: to.span.end };
}

/** `<tool> config set KEY VALUE` / `KEY=VALUE`: the key and value words. */
function configSet(cmd: ShellCommand, spec: CommandOptionSpec, verbs: readonly string[][]): { key: string; value: string | undefined; span: Span } | undefined {
  const pos = parseArgs(cmd, spec).positionals;
  for (const verb of verbs) {
    if (!verb.every((v, i) => pos[i]?.value === v)) continue;
    const keyWord = pos[verb.length];
    const key = keyWord?.value;
    if (!keyWord || key === undefined) return undefined;
    const eq = key.indexOf('=');
    if (eq > 0) return { key: key.slice(0, eq), value: key.slice(eq + 1), span: keyWord.span };
    const valueWord = pos[verb.length + 1];
    return { key, value: valueWord?.value, span: valueWord ? wordsSpan(keyWord, valueWord) : keyWord.span };
  }
  return undefined;
}

const NO_VALUES: CommandOptionSpec = { withValue: [] };
const GIT: CommandOptionSpec = { withValue: ['-c', '-C', '--file', '-f', '--blob', '--type', '--default', '--git-dir', '--work-tree'] };
const CONDA: CommandOptionSpec = { withValue: ['--set', '--file', '--env', '--name', '-n', '--prefix', '-p', '--add', '--append', '--prepend', '--remove', '--remove-key', '--get', '--describe'] };

/** Boolean options whose presence (or `=true`) disables verification, per program. */
const SKIP_VERIFY_FLAGS: Record<string, readonly string[]> = {
  kubectl: ['--insecure-skip-tls-verify'],
  helm: ['--insecure-skip-tls-verify'],
  oc: ['--insecure-skip-tls-verify'],
  executor: ['--skip-tls-verify', '--skip-tls-verify-pull', '--skip-tls-verify-registry', '--insecure', '--insecure-pull', '--insecure-registry'],
  go: ['-insecure'],
};
/** Options that disable verification when set to false, per program. */
const VERIFY_FLAGS: Record<string, readonly string[]> = {
  podman: ['--tls-verify'],
  buildah: ['--tls-verify'],
  skopeo: ['--tls-verify', '--src-tls-verify', '--dest-tls-verify'],
  npm: ['--strict-ssl'],
  pnpm: ['--strict-ssl'],
  yarn: ['--strict-ssl'],
};

export default defineShellCheck({
  name: 'tls-verification-disabled',
  hosts: ['dockerfile', 'gitlab-ci'],
  severity: 'error',
  description: 'A command turns off TLS certificate verification or downloads packages over plain HTTP.',
  rationale:
    'Certificate verification is what makes HTTPS secure: without it anyone on the network path (a proxy, a ' +
    'compromised Wi-Fi or CI network, a hijacked DNS answer) can answer in the server\'s place and hand the build ' +
    'a modified package, script or archive, which then runs with the build\'s rights and ends up in the image or ' +
    'the release. Plain HTTP has the same problem with no attacker skill needed. Reported: `curl -k`/`--insecure`, ' +
    '`wget --no-check-certificate`, git `http.sslVerify=false`, `npm`/`yarn`/`pnpm` `strict-ssl false`, pip ' +
    '`--trusted-host` and `http://` index URLs, conda `ssl_verify false`, APT `Acquire::https::Verify-Peer false`, ' +
    'yum/dnf `sslverify=0`, `kubectl`/`helm --insecure-skip-tls-verify`, `podman`/`buildah`/`skopeo ' +
    '--tls-verify=false`, kaniko `--skip-tls-verify`/`--insecure`, and the environment variables that do the same ' +
    '(`NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY`, `PIP_TRUSTED_HOST` …) when a script sets them. ' +
    'Checkov has some of these as separate checks (CKV2_DOCKER_2, _3, _4, _6, _12, _13, _14, _15); hadolint has none.',
  howToFix:
    'Remove the option. If the server uses a certificate from a private CA, trust that CA instead: install it ' +
    '(copy it to /usr/local/share/ca-certificates/ and run update-ca-certificates) or point the tool at it ' +
    '(`curl --cacert`, `pip --cert`, `npm config set cafile`, `git -c http.sslCAInfo=…`). Use https:// index URLs.',
  fixable: false,
  examples: {
    bad: [
      { script: 'curl -fsSLk https://example.com/tool.tar.gz -o /tmp/tool.tar.gz' },
      { script: 'pip install --trusted-host pypi.internal --index-url http://pypi.internal/simple -r requirements.txt', note: 'two findings' },
      { script: 'git -c http.sslVerify=false clone https://git.example.com/team/lib.git' },
      { script: 'export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci', note: 'an environment variable set by the script' },
    ],
    good: [
      { script: 'curl -fsSL --cacert /etc/ssl/certs/internal-ca.pem https://example.com/tool.tar.gz -o /tmp/tool.tar.gz' },
      { script: 'pip install --index-url https://pypi.internal/simple -r requirements.txt' },
      { script: 'curl -fsSL -o /tmp/k https://example.com/k', note: '-o takes a value: the k is a file name, not -k' },
    ],
  },
  check(ctx) {
    const where = ctx.host === 'dockerfile' ? 'the build' : 'the job';
    const reported: Span[] = [];
    const report = (span: Span, what: string, instead: string) => {
      if (reported.some((r) => r.start < span.end && span.start < r.end)) return;
      reported.push(span);
      ctx.report({ message: `${what}: anyone on the network path can tamper with what ${where} downloads; ${instead}`, span });
    };

    for (const cmd of ctx.script.commands) {
      for (const a of cmd.assignments) {
        const hit = insecureEnv(a.name, a.value?.value ?? '');
        if (hit?.kind === 'tls') report(a.span, `\`${a.name}\` ${hit.what}`, 'remove it and trust the right CA instead');
      }
      const name = cmd.name;
      if (name === undefined) continue;
      const pip = pipCommand(cmd);
      if (pip) {
        for (const o of parseArgs(pip).options) {
          if (o.name === '--trusted-host') {
            report(optionSpan(o), '`pip --trusted-host` turns off certificate verification for that host and accepts plain HTTP from it', 'use an https:// index with a valid certificate (or `--cert` for a private CA)');
          } else if (['-i', '--index-url', '--extra-index-url', '-f', '--find-links'].includes(o.name) && /^http:\/\//i.test(o.value ?? '')) {
            report(optionSpan(o), `\`pip ${o.name} http://…\` downloads packages over plain HTTP`, 'use the https:// URL of the index');
          }
        }
        const set = configSet(pip, NO_VALUES, [['config', 'set']]);
        if (set && /(^|\.)trusted-host$/.test(set.key)) report(set.span, `\`pip config set ${set.key}\` turns off certificate verification for that host`, 'use an https:// index with a valid certificate');
        if (set && /(^|\.)(extra-)?index-url$/.test(set.key) && /^http:\/\//i.test(set.value ?? '')) report(set.span, `\`pip config set ${set.key} http://…\` makes pip download over plain HTTP`, 'use the https:// URL of the index');
        continue;
      }
      switch (name) {
        case 'curl':
          for (const o of parseArgs(cmd).options) {
            if (o.name === '-k' || o.name === '--insecure' || o.name === '--proxy-insecure') {
              report(o.word.span, `\`curl ${o.name === '-k' ? '-k' : o.name}\` turns off certificate verification`, 'remove it (use `--cacert FILE` for a private CA)');
            }
          }
          break;
        case 'wget':
          for (const o of parseArgs(cmd).options) {
            if (o.name === '--no-check-certificate') report(o.word.span, '`wget --no-check-certificate` turns off certificate verification', 'remove it (use `--ca-certificate=FILE` for a private CA)');
          }
          break;
        case 'git': {
          const set = configSet(cmd, GIT, [['config'], ['config', 'set']]);
          if (set && /^http\.(.+\.)?sslverify$/i.test(set.key) && FALSE.test(set.value ?? '')) {
            report(set.span, `\`git config ${set.key} ${set.value}\` turns off certificate verification`, 'remove it (set `http.sslCAInfo` for a private CA)');
          }
          break;
        }
        case 'npm':
        case 'pnpm':
        case 'yarn': {
          const set = configSet(cmd, NO_VALUES, [['config', 'set'], ['set']]);
          if (set && /^(strict-ssl|enableStrictSsl|strict_ssl)$/i.test(set.key) && FALSE.test(set.value ?? '')) {
            report(set.span, `\`${name} config set ${set.key} ${set.value}\` makes ${name} accept any certificate`, `remove it (use \`${name} config set cafile FILE\` for a private CA)`);
          }
          break;
        }
        case 'conda': {
          for (const o of parseArgs(cmd, CONDA).options) {
            if (o.name !== '--set' || o.value !== 'ssl_verify') continue;
            const next = cmd.args[cmd.args.indexOf(o.valueWord ?? o.word) + 1];
            if (next && FALSE.test(next.value ?? '')) report(wordsSpan(o.word, next), '`conda config --set ssl_verify false` makes conda accept any certificate', 'remove it (set `ssl_verify` to the CA bundle path for a private CA)');
          }
          break;
        }
        case 'composer': {
          const set = configSet(cmd, NO_VALUES, [['config']]);
          if (set && ((set.key === 'disable-tls' && /^(1|true)$/i.test(set.value ?? '')) || (set.key === 'secure-http' && FALSE.test(set.value ?? '')))) {
            report(set.span, `\`composer config ${set.key} ${set.value}\` lets Composer download without TLS`, 'remove it');
          }
          break;
        }
      }
      const skip = SKIP_VERIFY_FLAGS[name];
      if (skip) {
        for (const o of parseArgs(cmd, NO_VALUES).options) {
          if (skip.includes(o.name) && (o.value === undefined || /^(1|true)$/i.test(o.value))) {
            report(o.word.span, `\`${name} ${o.name}\` turns off certificate verification${o.name.includes('insecure') && name === 'executor' ? ' (or allows plain HTTP)' : ''}`, 'remove it and trust the registry\'s CA instead');
          }
        }
      }
      const verify = VERIFY_FLAGS[name];
      if (verify) {
        for (const o of parseArgs(cmd, NO_VALUES).options) {
          const off = (verify.includes(o.name) && FALSE.test(o.value ?? '')) || verify.some((v) => o.name === `--no-${v.slice(2)}`);
          if (off) report(o.word.span, `\`${name} ${o.word.value}\` turns off certificate verification`, 'remove it and trust the server\'s CA instead');
        }
      }
    }

    for (const hit of insecureConfigHits(ctx.script, 'tls')) {
      report(hit.span, `this setting ${hit.what}`, 'remove it and trust the right CA instead');
    }
  },
});
