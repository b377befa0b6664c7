import { posix } from 'node:path';
import type { ProjectDoc } from '../../engine/project.js';
import { defineRule } from '../../engine/types.js';
import type { AddInstruction, CopyInstruction } from '../../dockerfile/index.js';
import { provenance } from '../../../generate/header.js';
import { ciBuilds } from '../support/builds.js';
import { insideRoot } from '../support/ci.js';
import { lintedDockerfiles } from '../support/dockerfiles.js';
import { isDockerignored, parseDockerignore } from '../support/dockerignore.js';
import { outputGuard } from '../support/outputs.js';

export default defineRule<ProjectDoc>({
  meta: {
    id: 'project/copy-source-missing',
    kind: 'project',
    severity: 'error',
    description:
      'A COPY or ADD source is not in the build context: the path does not exist, leaves the context (`../`), or is excluded by .dockerignore.',
    rationale:
      'The build stops with "failed to compute cache key: … not found" — in CI, after the push. The context is the one ' +
      'the CI builds the Dockerfile with (`docker build -f X ctx`, kaniko `--context`); when no job builds it, a path is ' +
      'only reported when it is in neither the Dockerfile\'s directory nor the repository root. Globs, variables, ' +
      '`--from` copies, here-documents and URLs are not checked, nor paths a build may produce (ignored by .gitignore, ' +
      'CI artifacts and caches, submodules). A path that exists but that .dockerignore (or `<Dockerfile>.dockerignore`) ' +
      'excludes is reported with the pattern rules docker uses, which are not git\'s: `foo` is only the top-level `foo`. ' +
      'Dockerfiles slipway generated (and nobody edited) are left to descriptor/missing-file, which checks the files slipway.yaml names.',
    howToFix:
      'Correct the source path (relative to the build context, not to the Dockerfile), add the file, or stop excluding it in .dockerignore.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          filename: 'Dockerfile',
          code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nCOPY src/ ./src/\n',
          files: { 'requirements/base.txt': 'flask\n', 'src/app.py': 'print(1)\n' },
          note: 'The requirements file moved.',
        },
        {
          filename: 'Dockerfile',
          code: 'FROM python:3.12-slim\nCOPY config/settings.toml /etc/app/\n',
          files: { 'config/settings.toml': 'debug = false\n', '.dockerignore': 'config\n' },
          note: 'The file exists, but .dockerignore keeps it out of the context.',
        },
      ],
      good: [
        {
          filename: 'docker/Dockerfile',
          code: 'FROM python:3.12-slim AS build\nCOPY requirements*.txt ./\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv\nCOPY <<EOF /etc/app.conf\nx=1\nEOF\nCOPY app.py ./\nADD https://example.com/tool.tar.gz /tmp/\n',
          files: { '.gitlab-ci.yml': 'build:\n  script:\n    - docker build -f docker/Dockerfile .\n', 'app.py': 'print(1)\n' },
          note: 'The CI builds with the repository root as context; globs, stage and image copies, here-documents and URLs are not checked.',
        },
        {
          filename: 'Dockerfile',
          code: 'FROM python:3.12-slim\nCOPY dist/app-1.0-py3-none-any.whl /tmp/\nCOPY keep.txt ./\n',
          files: { '.gitignore': 'dist/\n', '.dockerignore': '*.txt\n!keep.txt\n', 'keep.txt': 'x\n' },
          note: 'dist/ is a build output (ignored by git); `!keep.txt` re-includes the file.',
        },
      ],
    },
  },
  check(ctx) {
    const project = ctx.doc;
    const guard = outputGuard(project);
    const builds = ciBuilds(project);
    for (const { file, doc } of lintedDockerfiles(project)) {
      // Outside the lint root nothing can be looked up; a Dockerfile slipway generated copies the
      // files slipway.yaml names, which descriptor/missing-file checks.
      if (!insideRoot(file.path) || provenance(file.text) === 'unedited') continue;
      const ownBuilds = builds.filter((b) => b.dockerfile === file.path && b.context !== undefined);
      const known = [...new Set(ownBuilds.map((b) => b.context!))];
      const dir = posix.dirname(file.path);
      const contexts = known.length > 0 ? known : [...new Set([dir, '.'])];
      const ignores = new Map<string, ReturnType<typeof parseDockerignore>>();
      const ignoreFor = (context: string) => {
        if (!ignores.has(context)) {
          const own = project.readFile(`${file.path}.dockerignore`) ?? project.readFile(posix.join(context, '.dockerignore'));
          ignores.set(context, own ? parseDockerignore(own.text) : []);
        }
        return ignores.get(context)!;
      };
      const copies = [...doc.find('COPY'), ...doc.find('ADD')] as (CopyInstruction | AddInstruction)[];
      for (const ins of copies) {
        if (ins.flag('from') || ins.fromStage || ins.sources.length === 0) continue;
        for (const source of ins.sources) {
          const value = source.value;
          if (value.startsWith('<<') || value.includes('$') || /[*?[\]{}]/.test(value)) continue; // here-documents, variables, globs, templates
          if (ins.keyword === 'ADD' && /^([a-z][a-z0-9+.-]*:\/\/|git@)/i.test(value)) continue;
          const rel = posix.normalize(value.replace(/^\/+/, '')).replace(/(?<!\/)\/+$/, '') || '.';
          if (rel === '.') continue;
          if (rel === '..' || rel.startsWith('../')) {
            ctx.report({ message: `${ins.keyword} source \`${value}\` is outside the build context; the build cannot read it (move the file into the context, or build from a parent directory)`, span: source.span, file });
            continue;
          }
          const present = contexts.filter((c) => project.pathType(posix.join(c, rel)) !== undefined);
          if (present.length === 0) {
            if (contexts.some((c) => guard.mayBeBuilt(posix.join(c, rel)))) continue;
            // Made by the job before it builds the image (`python -m build` then `docker build`).
            if (ownBuilds.some((b) => guard.mayBeMadeBefore(posix.join(b.context!, rel), b.earlier))) continue;
            const where = contexts.length === 1 ? `the build context (${contexts[0]})` : `the build context (${contexts.join(' or ')})`;
            ctx.report({ message: `${ins.keyword} source \`${value}\` is not in ${where}`, span: source.span, file });
            continue;
          }
          if (contexts.length !== 1) continue;
          const context = contexts[0]!;
          if (isDockerignored(ignoreFor(context), rel)) {
            const ignoreFile = project.readFile(`${file.path}.dockerignore`) ? `${file.path}.dockerignore` : posix.join(context, '.dockerignore');
            ctx.report({ message: `${ins.keyword} source \`${value}\` is excluded by ${ignoreFile}, so the build context does not have it`, span: source.span, file });
          }
        }
      }
    }
  },
});
