import type { ProjectDoc } from '../../engine/project.js';
import { defineRule, type RuleContext } from '../../engine/types.js';
import { descriptorOf, descriptorPlace, type DescriptorAt } from '../support/descriptor.js';
import { projectDockerfiles } from '../support/dockerfiles.js';
import {
  ciVersionSites,
  dockerfileVersionSites,
  RUNTIME_LABEL,
  toxVersionSites,
  versionsAgree,
  type Runtime,
  type VersionSite,
} from '../support/versions.js';
import { at, listWords } from '../support/where.js';

const RUNTIMES: Runtime[] = ['python', 'node', 'go'];

export default defineRule<ProjectDoc>({
  meta: {
    id: 'project/runtime-version-mismatch',
    kind: 'project',
    severity: 'warning',
    description:
      'The runtime version differs between slipway.yaml, the Dockerfile (FROM tags and version ARGs), the CI (job images, `parallel: matrix` and version variables) and the tox envlist.',
    rationale:
      'The image ships one Python (or Node.js, Go) version and the tests run others: code that passes CI on 3.11 can ' +
      'fail in the 3.12 image, and a builder stage on another version than the final stage builds wheels the final ' +
      'stage cannot install. With slipway.yaml present, `runtime.version` is the image version and `runtime.matrix` the ' +
      'tested versions of its `language`, and every other file is compared with them. Without it, the final stage of the ' +
      'project\'s Dockerfile (at the root, or the one the CI or a compose service builds) is the reference: other stages must match it, and the CI and tox must test it among their versions. Versions agree ' +
      'on the parts both give (`python:3` agrees with 3.12); images and variables slipway cannot resolve are skipped.',
    howToFix:
      'Change the value reported to the version named in the message, or change that one: in a slipway project, edit ' +
      'slipway.yaml and run `slipway generate`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          filename: 'Dockerfile',
          code: 'FROM python:3.11-slim AS builder\nRUN pip wheel --wheel-dir /wheels flask\n\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\n',
          note: 'The builder stage builds wheels for another Python than the final stage.',
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'test:\n  image: python:3.10\n  script:\n    - pytest\n',
          files: { Dockerfile: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n' },
          note: 'The CI tests 3.10, the image runs 3.12.',
        },
        {
          filename: 'tox.ini',
          code: '[tox]\nenvlist = py311, py312, lint\n',
          files: {
            'slipway.yaml': 'name: app\nextends: python-flask\nruntime:\n  version: "3.12"\n  matrix: ["3.12", "3.13"]\n',
          },
          note: 'tox tests 3.11, which slipway.yaml does not list, and not 3.13, which it does.',
        },
      ],
      good: [
        {
          filename: '.gitlab-ci.yml',
          code: 'test:\n  image: python:${PYTHON_VERSION}\n  parallel:\n    matrix:\n      - PYTHON_VERSION: ["3.11", "3.12"]\n  script:\n    - pytest\n',
          files: { Dockerfile: 'FROM python:3.12-slim AS builder\nFROM python:3.12-slim\n', 'tox.ini': '[tox]\nenvlist = py{311,312}\n' },
        },
        {
          filename: 'Dockerfile',
          code: 'FROM node:20 AS assets\nRUN npm ci && npm run build\n\nFROM python:3.12-slim\nCOPY --from=assets /dist /app/static\n',
          files: { '.gitlab-ci.yml': 'lint:\n  image: python:3\n  script:\n    - ruff check .\n' },
          note: 'Different runtimes are compared separately; `python:3` agrees with 3.12.',
        },
      ],
    },
  },
  check(ctx) {
    const project = ctx.doc;
    const sites = [...dockerfileVersionSites(project), ...ciVersionSites(project), ...toxVersionSites(project)];
    const descriptor = descriptorOf(project);
    for (const runtime of RUNTIMES) {
      const mine = sites.filter((s) => s.runtime === runtime);
      if (mine.length === 0) continue;
      const checker = new Checker(ctx, runtime);
      const own = projectDockerfiles(project);
      for (const path of new Set(mine.filter((s) => s.dockerfile && !own.has(s.dockerfile.path)).map((s) => s.file.path))) {
        checker.sameAsReference(mine.filter((s) => s.file.path === path));
      }
      const root = mine.filter((s) => s.dockerfile && own.has(s.dockerfile.path));
      const tests = mine.filter((s) => s.source !== 'dockerfile');
      // slipway.yaml describes the runtime of its language (`language: python` → Python images and tox).
      if (descriptor && (descriptor.project.language as string) === runtime) checker.againstDescriptor(descriptor, root, tests);
      else {
        const reference = checker.sameAsReference(root);
        if (reference) checker.testsInclude(reference, tests);
      }
    }
  },
});

class Checker {
  private readonly label: string;
  constructor(
    private readonly ctx: RuleContext<ProjectDoc>,
    runtime: Runtime,
  ) {
    this.label = RUNTIME_LABEL[runtime];
  }

  private report(site: VersionSite, message: string): void {
    this.ctx.report({ message, span: site.span, file: site.file });
  }

  /**
   * Dockerfile sites must agree with the reference: the final stage's base image of `Dockerfile`
   * (or of the first Dockerfile that has one). Returns the reference.
   */
  sameAsReference(sites: readonly VersionSite[]): VersionSite | undefined {
    const rank = (s: VersionSite) =>
      (/^(Dockerfile|Containerfile)$/.test(s.file.path) ? 0 : 4) + (s.dockerfile?.finalStage ? 0 : 2) + (s.what.startsWith('the base image') ? 0 : 1);
    const reference = [...sites].sort((a, b) => rank(a) - rank(b))[0];
    if (!reference) return undefined;
    for (const site of sites) {
      if (site === reference || versionsAgree(site.version, reference.version)) continue;
      this.report(site, `${this.label} ${site.version} in ${site.what}, but ${reference.what} at ${at(reference)} uses ${reference.version}; build and run on one version`);
    }
    return reference;
  }

  /** The CI and each tox file must test the reference version among theirs. */
  testsInclude(reference: VersionSite, tests: readonly VersionSite[]): void {
    const groups = new Map<string, VersionSite[]>();
    for (const s of tests) {
      const key = s.source === 'tox' ? s.file.path : 'ci';
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    for (const group of groups.values()) {
      if (group.some((s) => versionsAgree(s.version, reference.version))) continue;
      const versions = [...new Set(group.map((s) => s.version))];
      const who = group[0]!.source === 'tox' ? 'tox runs' : 'the CI runs';
      this.report(
        group[0]!,
        `${who} ${this.label} ${listWords(versions)} but never ${reference.version}, the version of ${reference.what} at ${at(reference)}: the shipped version is not tested`,
      );
    }
  }

  /** With slipway.yaml: root Dockerfiles use `runtime.version`; CI and tox test `runtime.matrix` (and nothing else). */
  againstDescriptor(d: DescriptorAt, root: readonly VersionSite[], tests: readonly VersionSite[]): void {
    const { version, matrix } = d.project.runtime;
    const versionPlace = descriptorPlace(d, ['runtime', 'version']);
    const matrixPlace = descriptorPlace(d, ['runtime', 'matrix']);
    for (const site of root) {
      if (versionsAgree(site.version, version)) continue;
      this.report(site, `${this.label} ${site.version} in ${site.what}, but \`runtime.version\` in ${versionPlace} is ${version}`);
    }
    const allowed = [...new Set([...matrix, version])];
    for (const site of tests) {
      if (allowed.some((v) => versionsAgree(site.version, v))) continue;
      this.report(site, `${this.label} ${site.version} in ${site.what}, which \`runtime.matrix\` in ${matrixPlace} does not list (${matrix.join(', ')})`);
    }
    // A list of tested versions (a tox envlist, a job's matrix) should cover the whole matrix.
    const lists = new Map<string, VersionSite[]>();
    for (const s of tests) {
      const key = s.source === 'tox' ? `tox:${s.file.path}` : s.matrixOf !== undefined ? `ci:${s.matrixOf}` : undefined;
      if (key) lists.set(key, [...(lists.get(key) ?? []), s]);
    }
    for (const list of lists.values()) {
      const missing = matrix.filter((v) => !list.some((s) => versionsAgree(s.version, v)));
      if (missing.length === 0) continue;
      const first = list[0]!;
      const what = first.source === 'tox' ? 'the tox envlist' : `job \`${first.matrixOf}\`'s matrix`;
      this.report(first, `${what} does not test ${this.label} ${listWords(missing)}, which \`runtime.matrix\` in ${matrixPlace} lists`);
    }
  }
}
