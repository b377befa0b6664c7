import { defineRule, type Fix } from '../../engine/types.js';
import type { ShellCommand, ShellScript, ShellWord } from '../../shell/model.js';
import { maskSecret } from '../../secrets/mask.js';
import type { GitlabCiDoc } from '../model/types.js';
import { lineFixes, scriptLines } from '../shell-rule.js';
import { dockerCalls } from '../support/docker.js';
import { at } from '../support/report.js';

/** `$X`, `${X}`, `"$X"`, `"${X}"`: the only password values the fix pipes in unchanged. */
const SINGLE_VARIABLE = /^(")?(\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\}))\1$/;

interface Login {
  cmd: ShellCommand;
  /** How it is called, for messages: `docker login`, `helm registry login`. */
  tool: string;
  /** The words after `login`. */
  args: ShellWord[];
}

/** A password option: `-p X`, `--password X`, `--password=X`, `-pX`. */
interface PasswordOption {
  name: '-p' | '--password';
  /** The option word (holding the value too when attached). */
  word: ShellWord;
  /** The next word, when the value is there. */
  valueWord?: ShellWord;
  /** The value as written (quotes kept). */
  raw: string;
  /** The value after quote removal; undefined when it expands variables. */
  value: string | undefined;
}

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/docker-login-password',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'A registry password given on the command line (`docker login -p …`, `--password …`) instead of on standard input with `--password-stdin`.',
    rationale:
      'A password on the command line is in the process list of everything that shares the runner\'s process namespace, in shell traces (`set -x`, `CI_DEBUG_TRACE`) and in error messages; Docker itself warns "Using --password via the CLI is insecure. Use --password-stdin." GitLab\'s own Docker template still logs in with `-p`. ' +
      'The same holds for `podman`, `buildah`, `skopeo`, `oras login` and `helm registry login`, which all read `--password-stdin`. ' +
      'A literal password is also a committed secret: the message shows it masked.',
    howToFix:
      'Pipe the password in: `echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"` (`echo` is a shell builtin: it starts no process whose arguments could be seen). The fix does this when the password is a single variable and the command does not already read its standard input.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        {
          code: 'build:\n  image: docker:27.3\n  script:\n    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" $CI_REGISTRY\n',
          output: 'build:\n  image: docker:27.3\n  script:\n    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin $CI_REGISTRY\n',
        },
        {
          code: 'deploy:\n  image: docker:27.3\n  script:\n    - docker login --username=_ --password=$HEROKU_API_KEY registry.heroku.com\n',
          output: 'deploy:\n  image: docker:27.3\n  script:\n    - echo "$HEROKU_API_KEY" | docker login --username=_ --password-stdin registry.heroku.com\n',
        },
        { code: 'build:\n  image: docker:27.3\n  script:\n    - docker login -u ci -p "$USER_PREFIX$TOKEN" registry.example.com\n', note: 'not a single variable: no fix' },
      ],
      good: [
        { code: 'build:\n  image: docker:27.3\n  script:\n    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"\n' },
        { code: 'build:\n  image: docker:27.3\n  script:\n    - docker run --rm -p 8080:80 nginx:1.27\n', note: '`-p` of another command' },
      ],
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const { line, script } of scriptLines(ctx.doc)) {
      for (const login of logins(script)) {
        for (const option of passwordOptions(login.args)) {
          const id = `${line.file.path}\u0000${option.word.span.start}`;
          if (seen.has(id)) continue;
          seen.add(id);
          const span = { start: option.word.span.start, end: (option.valueWord ?? option.word).span.end };
          const literal = option.value !== undefined && option.value !== '';
          const shown = literal ? ` with a literal password (\`${maskSecret(option.value!)}\`) committed in the file` : '';
          const message = `\`${login.tool} ${option.name}\` puts the password on the command line${shown}, where the process list, shell traces and error messages show it; pipe it in: \`echo "$PASSWORD" | ${login.tool} … --password-stdin\``;
          const fix = literal ? undefined : lineFixes(line.node, stdinFix(login, option));
          const secret = literal ? (option.valueWord ?? option.word).span : undefined;
          ctx.report({ message, ...at(ctx, { file: line.file, span }), ...(fix ? { fix } : {}), ...(secret ? { secrets: [secret] } : {}) });
        }
      }
    }
  },
});

/** The login commands of a script: docker/podman (any global options), buildah, skopeo, oras, helm registry. */
function logins(script: ShellScript): Login[] {
  const out: Login[] = [];
  for (const call of dockerCalls(script)) if (call.action === 'login') out.push({ cmd: call.cmd, tool: `${call.cmd.name} login`, args: call.args });
  for (const cmd of script.commands) {
    const words = cmd.args.map((w) => w.value);
    if ((cmd.name === 'buildah' || cmd.name === 'skopeo' || cmd.name === 'oras') && words[0] === 'login') {
      out.push({ cmd, tool: `${cmd.name} login`, args: cmd.args.slice(1) });
    } else if (cmd.name === 'helm' && words[0] === 'registry' && words[1] === 'login') {
      out.push({ cmd, tool: 'helm registry login', args: cmd.args.slice(2) });
    }
  }
  return out;
}

/** Reads the words as written, so that `--password=$X` (an expansion) is seen as the option it is. */
function passwordOptions(args: readonly ShellWord[]): PasswordOption[] {
  const out: PasswordOption[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const raw = word.raw.replace(/^(["'])(-[^"']*)\1$/, '$2');
    if (raw === '--') break;
    if (raw === '-p' || raw === '--password') {
      const next = args[i + 1];
      if (!next) continue;
      out.push({ name: raw, word, valueWord: next, raw: next.raw, value: next.value });
      i++;
    } else if (raw.startsWith('--password=') || /^-p[^-]/.test(raw)) {
      const name = raw.startsWith('--password=') ? '--password' : '-p';
      const attached = raw.slice(name === '-p' ? 2 : '--password='.length);
      const value = word.value === undefined ? undefined : word.value.slice(name === '-p' ? 2 : '--password='.length);
      out.push({ name, word, raw: attached, value });
    }
  }
  return out;
}

/**
 * `echo "$X" | ` before the command and `--password-stdin` for the option, when the password is a
 * single variable and nothing else feeds the command's standard input.
 */
function stdinFix(login: Login, option: PasswordOption): Fix[] | undefined {
  const { cmd } = login;
  if (cmd.pipeline || cmd.context.nested || cmd.context.substitution) return undefined;
  if (cmd.redirects.some((r) => r.operator.startsWith('<'))) return undefined;
  if (login.args.some((w) => w.value === '--password-stdin')) return undefined;
  const reference = SINGLE_VARIABLE.exec(option.raw)?.[2];
  if (!reference) return undefined;
  return [
    { range: [cmd.span.start, cmd.span.start], text: `echo "${reference}" | ` },
    { range: [option.word.span.start, (option.valueWord ?? option.word).span.end], text: '--password-stdin' },
  ];
}
