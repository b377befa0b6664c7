import { posix } from 'node:path';
import { didYouMean } from '../../../util/text.js';
import type { ProjectDoc } from '../../engine/project.js';
import { defineRule } from '../../engine/types.js';
import { valueSpan, type ScriptLine } from '../../gitlab-ci/index.js';
import { ciJobs, hasNoCheckout } from '../support/ci.js';
import { findMakeTarget, listMakeTargets, parseMakefile, targetListIsComplete } from '../../makefile/index.js';
import { DEFAULT_MAKEFILES, makeCalls, type MakeInvocation } from '../../makefile/invocation.js';
import type { MakefileDoc } from '../../makefile/model.js';

/** The Makefile a call reads, parsed, with its path; undefined when there is none to read. */
function makefileFor(project: ProjectDoc, call: MakeInvocation, cache: Map<string, MakefileDoc | undefined>, checkout: string) {
  const names = call.makefile ? [call.makefile] : DEFAULT_MAKEFILES;
  for (const name of names) {
    const path = posix.normalize(posix.join(checkout, call.directory || '.', name));
    if (!cache.has(path)) {
      const linted = project.files.get(path);
      if (linted?.kind === 'makefile') cache.set(path, linted.doc as MakefileDoc | undefined);
      else {
        const source = project.readFile(path);
        cache.set(path, source && parseMakefile({ ...source, path, kind: 'makefile' }, { root: project.root, readFile: project.readFile }).doc);
      }
    }
    const doc = cache.get(path);
    if (doc) return { path, doc };
  }
  return undefined;
}

export default defineRule<ProjectDoc>({
  meta: {
    id: 'project/unknown-make-target',
    kind: 'project',
    severity: 'error',
    description: 'A CI job runs `make <target>` for a target the Makefile does not define.',
    rationale:
      'The job fails with "No rule to make target" — often only on the branch or schedule that runs it, after the ' +
      'target was renamed in the Makefile. slipway reads `-C dir` and `-f file` to find the Makefile (GNUmakefile, ' +
      'makefile, Makefile, as make does), accepts targets served by pattern rules (Sphinx\'s catch-all `%:`) and ' +
      'names of existing files, and stays silent when the Makefile includes files it cannot read or builds targets ' +
      'with `$(eval …)`, when the job changed directory before calling make, and for targets written with variables.',
    howToFix: 'Call a target the Makefile defines, or add the target to the Makefile.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          filename: '.gitlab-ci.yml',
          code: 'test:\n  script:\n    - make tests\n',
          files: { Makefile: '.PHONY: test\ntest:\n\tpytest\n' },
          note: 'The Makefile has `test`, not `tests`.',
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'docs:\n  script:\n    - make -C docs html linkcheck\n',
          files: { 'docs/Makefile': '.PHONY: html\nhtml:\n\tsphinx-build -b html . _build\n' },
        },
      ],
      good: [
        {
          filename: '.gitlab-ci.yml',
          code: 'test:\n  script:\n    - make test PYTEST_ARGS=-q\n    - make -C docs linkcheck\n',
          files: {
            Makefile: '.PHONY: test\ntest:\n\tpytest $(PYTEST_ARGS)\n',
            'docs/Makefile': '.PHONY: help\nhelp:\n\t@sphinx-build -M help . _build\n%: Makefile\n\t@sphinx-build -M $@ . _build\n',
          },
          note: 'Sphinx\'s catch-all pattern rule serves `linkcheck`.',
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'build:\n  script:\n    - cd sub && make anything\n    - make $TARGET\n',
          files: { Makefile: 'all:\n\techo\n' },
          note: 'After `cd`, and for a target in a variable, the Makefile cannot be told.',
        },
      ],
    },
  },
  check(ctx) {
    const project = ctx.doc;
    const cache = new Map<string, MakefileDoc | undefined>();
    const reported = new Set<string>();
    for (const { doc, job, checkout } of ciJobs(project)) {
      if (hasNoCheckout(doc, job)) continue;
      const lines: ScriptLine[] = [...job.beforeScript, ...job.script];
      for (const line of lines) {
        const calls = makeCalls(line.text);
        for (const call of calls.invocations) {
          if (call.uncertain || call.targets.length === 0) continue;
          const makefile = makefileFor(project, call, cache, checkout);
          if (!makefile || !targetListIsComplete(makefile.doc)) continue;
          const targets = listMakeTargets(makefile.doc);
          const dir = posix.dirname(makefile.path);
          for (const target of call.targets) {
            if (findMakeTarget(makefile.doc, target.name, targets)) continue;
            if (project.pathType(posix.normalize(posix.join(dir, target.name)))) continue; // make treats an existing file or directory as up to date
            const span = valueSpan(line.node, target.start, target.end);
            const key = `${line.file.path}:${span.start}`;
            if (reported.has(key)) continue;
            reported.add(key);
            const guess = didYouMean(target.name, targets.filter((t) => !t.pattern && !t.special).map((t) => t.name));
            ctx.report({
              message:
                `job \`${job.name}\` runs \`make ${target.name}\`, but ${makefile.path} has no target \`${target.name}\`` +
                (guess ? `; did you mean \`${guess}\`?` : '') +
                ' (make: "No rule to make target")',
              span,
              file: line.file,
            });
          }
        }
        if (calls.changesDirectory) break;
      }
    }
  },
});
