import { posix } from 'node:path';
import { didYouMean } from '../../../util/text.js';
import type { ProjectDoc } from '../../engine/project.js';
import { defineRule } from '../../engine/types.js';
import type { ShellCommand, ShellWord } from '../../shell/index.js';
import { resolveBuild } from '../support/builds.js';
import { ciJobs, hasNoCheckout, jobCommands, resolvePath, type CiCommand } from '../support/ci.js';
import { buildCall, optionValue, readOptions } from '../support/commands.js';
import { outputGuard } from '../support/outputs.js';

const PIP_WITH_VALUE = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f',
  '--find-links', '--trusted-host', '-t', '--target', '--prefix', '--root', '--src', '--upgrade-strategy', '--platform',
  '--python-version', '--implementation', '--abi', '--cache-dir', '--log', '--proxy', '--retries', '--timeout',
  '--exists-action', '--cert', '--client-cert', '--progress-bar', '--config-settings', '-C', '--only-binary',
  '--no-binary', '--report', '--python', '-p', '--root-user-action', '--keyring-provider', '--use-feature', '-d',
  '--dest', '-w', '--wheel-dir', '--group', '-o', '--output-file', '--extra', '--index-strategy',
]);
const MAKE_WITH_VALUE = new Set(['-C', '-f', '-I', '-o', '-W', '-j', '-l', '--directory', '--file', '--makefile', '--include-dir', '--old-file', '--what-if', '--new-file', '--assume-old', '--assume-new']);
const COMPOSE_WITH_VALUE = new Set(['-f', '--file', '-p', '--project-name', '--project-directory', '--env-file', '--profile', '--ansi', '--progress', '--parallel']);
const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash']);
const SHELL_WITH_VALUE = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);
const PYTHON_WITH_VALUE = new Set(['-W', '-X', '--check-hash-based-pycs']);

/** The arguments of a pip call (`pip`, `pip3.12`, `python -m pip`, `uv pip`), or undefined when it is not one. */
function pipArgs(cmd: ShellCommand): readonly ShellWord[] | undefined {
  const name = cmd.name ?? '';
  const v = cmd.args.map((a) => a.value);
  if (/^pip[\d.]*$/.test(name)) return cmd.args;
  if (/^python[\d.]*$/.test(name) && v[0] === '-m' && v[1] === 'pip') return cmd.args.slice(2);
  if (name === 'uv' && v[0] === 'pip') return cmd.args.slice(1);
  return undefined;
}

/** A command run by its path (`./scripts/test.sh`, `ci/build`), written as a word of its own. */
function pathCommand(c: CiCommand): ShellWord | undefined {
  const word = c.cmd.nameWord;
  if (c.cmd.kind !== 'simple' || !word?.value?.includes('/')) return undefined;
  // The word must start a command in the file, not be the tail of an expansion (`…/$DIR/bin/x`).
  const before = c.line.file.text[word.span.start - 1] ?? ' ';
  return /[\s;&|('"`-]/.test(before) ? word : undefined;
}

/** The script a shell or Python runs (`bash ci/test.sh`, `python manage.py test`), when it is a file. */
function scriptArg(cmd: ShellCommand): ShellWord | undefined {
  const name = cmd.name ?? '';
  if (SHELLS.has(name) || name === 'source' || name === '.') {
    const opts = readOptions(cmd.args, SHELL_WITH_VALUE);
    if (opts.options.some((o) => o.name === '-c' || o.name === '-s')) return undefined;
    const word = opts.positionals[0];
    return word?.value !== undefined && /\.(sh|bash)$/.test(word.value) ? word : undefined;
  }
  if (/^python[\d.]*$/.test(name)) {
    const opts = readOptions(cmd.args, PYTHON_WITH_VALUE);
    if (opts.options.some((o) => o.name === '-m' || o.name === '-c')) return undefined;
    const word = opts.positionals[0];
    return word?.value !== undefined && /\.py$/.test(word.value) ? word : undefined;
  }
  return undefined;
}

export default defineRule<ProjectDoc>({
  meta: {
    id: 'project/ci-missing-path',
    kind: 'project',
    severity: 'error',
    description:
      'A CI job names a file or directory the repository does not have: a Dockerfile (`docker build -f`, kaniko `--dockerfile`), a build context, a requirements file (`pip install -r`), a directory (`cd`, `make -C`), a Makefile, a compose file, or a script it runs.',
    rationale:
      'The job fails on the runner, after a push, often in a stage that runs rarely (release, deploy) — typically after ' +
      'a file was renamed or moved. slipway follows `cd` to literal directories and `$CI_PROJECT_DIR`, and knows ' +
      'which paths a build may produce, so it stays silent for paths ignored by .gitignore, inside submodules, listed ' +
      'in a job\'s `artifacts:`/`cache:`, or mentioned by an earlier command of the job (downloaded, cloned, generated). ' +
      'It also knows the tools\' own lookup rules: `docker build -f` is relative to the working directory, not the ' +
      'context; podman and buildah read a Containerfile by default, docker only a Dockerfile. After a command that ' +
      'may create files it does not name (a compiler, a build tool, `git clone`, a script), the rest of the job is ' +
      'not checked. Jobs with `GIT_STRATEGY: none`, Windows jobs, jobs whose `extends` cannot be resolved, and ' +
      'commands run by another shell (`ssh`, `sh -c`) are skipped. `include: local` files ' +
      'are checked by gitlab-ci/missing-include.',
    howToFix: 'Correct the path in the job, or add (commit) the file it names.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          filename: '.gitlab-ci.yml',
          code: 'build:\n  script:\n    - docker build -f docker/Dockerfile.prod -t "$CI_REGISTRY_IMAGE" .\n',
          files: { 'docker/Dockerfile': 'FROM python:3.12-slim\n' },
          note: 'The Dockerfile was renamed.',
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'test:\n  image: python:3.12\n  script:\n    - pip install -r requirements-dev.txt\n    - cd tests && pytest\n',
          files: { 'requirements.txt': 'flask\n' },
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'build:\n  script:\n    - docker build -t app .\n',
          files: { Containerfile: 'FROM python:3.12-slim\n' },
          note: 'docker reads only a Dockerfile by default.',
        },
      ],
      good: [
        {
          filename: '.gitlab-ci.yml',
          code:
            'build:\n  script:\n    - cd services/api\n    - docker build -f docker/Dockerfile ..\n    - pip install -r "$CI_PROJECT_DIR/requirements.txt"\n',
          files: { 'services/api/docker/Dockerfile': 'FROM python:3.12-slim\n', 'requirements.txt': 'flask\n' },
          note: 'Paths are relative to the directory the job changed to.',
        },
        {
          filename: '.gitlab-ci.yml',
          code:
            'package:\n  script:\n    - python -m build --outdir dist\n    - pip install dist/app.whl\n    - git clone https://example.com/tools.git && cd tools && ./install.sh\n  artifacts:\n    paths: [dist/]\n',
          note: 'Build outputs and what an earlier command created are not expected in the repository.',
        },
      ],
    },
  },
  check(ctx) {
    const project = ctx.doc;
    const guard = outputGuard(project);
    const reported = new Set<string>();
    const report = (c: CiCommand, word: ShellWord, message: string) => {
      const key = `${c.line.file.path}:${word.span.start}`;
      if (reported.has(key)) return;
      reported.add(key);
      ctx.report({ message: `job \`${c.job.name}\` ${message}`, span: word.span, file: c.line.file });
    };
    const absent = (path: string, c: CiCommand) => project.pathType(path) === undefined && !guard.mayBeMadeBefore(path, c.earlier);
    const dockerfiles = project.ofKind('dockerfile').map((f) => f.file.path);

    for (const { doc, job, checkout } of ciJobs(project)) {
      if (hasNoCheckout(doc, job)) continue;
      for (const c of jobCommands(job, checkout)) {
        const cwd = c.cwd;
        if (cwd === undefined) break;
        const cmd = c.cmd;

        const build = buildCall(cmd);
        if (build) {
          const r = resolveBuild(project, build, cwd, checkout);
          if (r.context !== undefined && build.context && absent(r.context, c)) {
            report(c, build.context, `builds with the context \`${r.context}\`, which is not a directory of the repository`);
            continue;
          }
          if (r.dockerfile || r.candidates.length === 0 || !r.fileWord || !r.candidates.every((p) => absent(p, c))) continue;
          const wanted = r.candidates[0]!;
          if (build.file) {
            const inContext = r.context !== undefined && build.file.value !== undefined ? posix.join(r.context, build.file.value) : undefined;
            if (build.tool === 'docker' && inContext && project.pathType(inContext) === 'file') {
              report(c, build.file, `runs \`${build.label} -f ${build.file.value}\`, but \`-f\` is relative to the working directory, not to the context: there is no ${wanted}; write \`-f ${posix.relative(cwd, inContext)}\``);
              continue;
            }
            const guess = didYouMean(wanted, dockerfiles);
            report(c, build.file, `runs \`${build.label}\` with the Dockerfile ${wanted}, which does not exist${guess ? `; did you mean ${guess}?` : ''}`);
            continue;
          }
          const containerfile = posix.join(r.context ?? '.', 'Containerfile');
          if (build.tool !== 'podman' && build.tool !== 'buildah' && project.pathType(containerfile) === 'file') {
            report(c, r.fileWord, `runs \`${build.label}\`, which reads ${wanted}, but the context has a Containerfile; add \`-f ${posix.relative(cwd, containerfile)}\``);
          } else {
            report(c, r.fileWord, `runs \`${build.label}\` on \`${r.context}\`, which has no ${posix.basename(wanted)}`);
          }
          continue;
        }

        const pip = pipArgs(cmd);
        if (pip) {
          for (const o of readOptions(pip, PIP_WITH_VALUE).options) {
            if (!['-r', '--requirement', '-c', '--constraint'].includes(o.name) || !o.value) continue;
            const path = resolvePath(o.value, cwd, checkout);
            if (path && absent(path, c)) report(c, o.value, `installs from \`${o.value.value ?? o.value.raw}\`, but there is no ${path}`);
          }
          continue;
        }

        if (cmd.name === 'make' || cmd.name === 'gmake') {
          const opts = readOptions(cmd.args, MAKE_WITH_VALUE);
          let dir = cwd;
          let known = true;
          for (const o of opts.options.filter((x) => x.name === '-C' || x.name === '--directory')) {
            const next = o.value && resolvePath(o.value, dir, checkout);
            if (!next) {
              known = false;
              break;
            }
            if (absent(next, c)) {
              report(c, o.value!, `runs \`make -C ${o.value!.value}\`, but there is no directory ${next}`);
              known = false;
              break;
            }
            dir = next;
          }
          if (!known) continue;
          const file = optionValue(opts, '-f', '--file', '--makefile');
          if (file?.value) {
            const path = file.value.value !== '-' ? resolvePath(file.value, dir, checkout) : undefined;
            if (path && absent(path, c)) report(c, file.value, `runs \`make -f ${file.value.value}\`, but there is no ${path}`);
          } else if (cmd.nameWord && MAKEFILES.every((m) => absent(posix.join(dir, m), c))) {
            report(c, cmd.nameWord, `runs \`make\`${dir === '.' ? '' : ` in ${dir}`}, but there is no Makefile there (make: "No targets specified and no makefile found")`);
          }
          continue;
        }

        const compose = cmd.name === 'docker-compose' ? cmd.args : cmd.name === 'docker' && cmd.args[0]?.value === 'compose' ? cmd.args.slice(1) : undefined;
        if (compose) {
          for (const o of readOptions(compose, COMPOSE_WITH_VALUE).options) {
            if ((o.name !== '-f' && o.name !== '--file') || !o.value || o.value.value === '-') continue;
            const path = resolvePath(o.value, cwd, checkout);
            if (path && absent(path, c)) report(c, o.value, `runs docker compose with \`${o.value.value ?? o.value.raw}\`, but there is no ${path}`);
          }
          continue;
        }

        if (cmd.name === 'cd') {
          const args = cmd.args.filter((a) => a.value !== '-P' && a.value !== '-L');
          const path = args.length === 1 ? resolvePath(args[0]!, cwd, checkout) : undefined;
          if (path && project.pathType(path) !== 'directory' && absent(path, c)) report(c, args[0]!, `runs \`cd ${args[0]!.value ?? args[0]!.raw}\`, but there is no directory ${path}`);
          continue;
        }

        const script = scriptArg(cmd) ?? pathCommand(c);
        if (script) {
          const path = resolvePath(script, cwd, checkout);
          if (path && absent(path, c)) report(c, script, `runs \`${script.value}\`, but there is no ${path}`);
        }
      }
    }
  },
});
