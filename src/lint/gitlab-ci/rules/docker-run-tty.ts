import { defineRule, type Fix } from '../../engine/types.js';
import type { ParsedOption } from '../../shell/args.js';
import type { GitlabCiDoc } from '../model/types.js';
import { lineFixes, scriptLines } from '../shell-rule.js';
import { dockerCalls } from '../support/docker.js';
import { at } from '../support/report.js';

const TTY_ACTIONS = new Set(['run', 'exec', 'create']);

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/docker-run-tty',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: '`docker run -t` / `-it` (or `docker exec`, `podman`) in a job: it asks for a terminal that a CI job does not have.',
    rationale:
      'A job\'s script runs without a terminal. With `-i` and `-t` together, docker refuses to start: "the input device is not a TTY" — a step that works on a laptop fails in CI. With `-t` alone the container gets a pseudo-terminal nobody reads: the output gets carriage returns and colour codes in the job log, and programs that see a terminal may behave interactively (pagers, progress bars, prompts that wait). ' +
      '`-i` alone (standard input, no terminal) is fine and is kept by the fix, as is everything after the image (the container\'s own command and options).',
    howToFix: 'Drop `-t` (`--tty`): `docker run -it image cmd` becomes `docker run -i image cmd`, or `docker run image cmd` when nothing is piped in.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        {
          code: 'test:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker run -it --rm app:$CI_COMMIT_SHA pytest\n',
          output: 'test:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker run -i --rm app:$CI_COMMIT_SHA pytest\n',
        },
        {
          code: 'test:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker exec --tty db psql -c "select 1"\n',
          output: 'test:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker exec db psql -c "select 1"\n',
        },
      ],
      good: [
        { code: 'test:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker run --rm app:$CI_COMMIT_SHA pytest\n' },
        { code: 'test:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker run --rm -i app:$CI_COMMIT_SHA sh -c "ls -t" < input.txt\n', note: '`-i` alone, and `-t` of the container\'s command' },
      ],
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const { line, script } of scriptLines(ctx.doc)) {
      for (const call of dockerCalls(script)) {
        if (!TTY_ACTIONS.has(call.action)) continue;
        const tty = call.options.filter((o) => isTty(o));
        if (tty.length === 0) continue;
        const option = tty[0]!;
        const id = `${line.file.path}\u0000${option.word.span.start}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const interactive = call.options.some((o) => o.name === '-i' || o.name === '--interactive');
        const what = `\`${call.cmd.name} ${call.action} ${option.word.value}\``;
        const message = interactive
          ? `${what} asks for a terminal, and a CI job has none: docker stops with "the input device is not a TTY"; drop \`-t\` (keep \`-i\` if input is piped in)`
          : `${what} gives the container a terminal nobody reads: the job log gets carriage returns and colour codes, and programs may wait for input; drop \`-t\``;
        const fix = lineFixes(line.node, tty.map((o) => dropTty(o, line.file.text)).filter((f): f is Fix => f !== undefined));
        ctx.report({ message, ...at(ctx, { file: line.file, span: option.word.span }), ...(fix && fix.length === tty.length ? { fix } : {}) });
      }
    }
  },
});

function isTty(o: ParsedOption): boolean {
  if (o.name === '-t') return o.value === undefined;
  if (o.name !== '--tty') return false;
  return o.value === undefined || /^(?:true|1)$/i.test(o.value);
}

/** Removes `t` from a short cluster (`-it` → `-i`), or the whole word and the blank after it. */
function dropTty(o: ParsedOption, file: string): Fix | undefined {
  const raw = o.word.raw;
  const { start, end } = o.word.span;
  if (file.slice(start, end) !== raw) return undefined;
  if (o.name === '-t' && /^-[A-Za-z]{2,}$/.test(raw)) return { range: [start, end], text: raw.replace('t', '') };
  if (raw !== '-t' && raw !== '--tty' && !/^--tty=/.test(raw)) return undefined;
  return file[end] === ' ' ? { range: [start, end + 1], text: '' } : undefined;
}
