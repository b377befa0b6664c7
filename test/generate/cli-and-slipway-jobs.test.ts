/**
 * What `app.kind: cli`, `node.ignoreScripts` and `ci.slipway` change in the generated files, read
 * through parsers: the image's last stage, the tests run inside it, the slipway jobs of the pipeline.
 */
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { resolveDescriptor } from '../../src/descriptor/index.js';
import { generate } from '../../src/generate/index.js';
import { dockerInstructions, execForm } from './parse-helpers.js';

const TODAY = new Date('2026-11-23');

async function files(descriptor: string, file = 'slipway.yaml'): Promise<Record<string, string>> {
  const generated = await generate(resolveDescriptor(descriptor, file, { today: TODAY }));
  return Object.fromEntries(generated.map((f) => [f.path, f.content]));
}

/** The instructions after the Dockerfile's last FROM, with the raw text of each. */
function lastStage(dockerfile: string): { keyword: string; text: string; args: string[] }[] {
  const instructions = dockerInstructions(dockerfile);
  const from = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  const lines = dockerfile.split('\n');
  return instructions.slice(from + 1).map((i) => ({ keyword: i.keyword, text: lines[i.line - 1]!, args: i.args }));
}

interface CiJob {
  stage?: string;
  image?: string;
  extends?: string;
  script?: string[];
  artifacts?: { when?: string; expire_in?: string; reports?: { codequality?: string } };
  cache?: { key?: string; paths?: string[] };
}

describe('app.kind: cli images', () => {
  const cases = [
    ['Node.js single', 'name: tool\nextends: node-cli\napp:\n  args: [--help]\n'],
    ['Node.js builder', 'name: tool\nextends: node-cli\nimage:\n  layering: builder\napp:\n  args: [--help]\n'],
    ['Node.js base-app', 'name: tool\nextends: node-cli\nimage:\n  layering: base-app\napp:\n  args: [--help]\n'],
    ['Python single', 'name: tool\nlanguage: python\napp:\n  kind: cli\n  command: [python, /app/tool.py]\n  args: [--help]\n'],
    ['Go on distroless', 'name: tool\nlanguage: go\napp:\n  kind: cli\n  args: [--help]\n'],
  ] as const;

  test.each(cases)('%s: the program is the entrypoint, the arguments the CMD, started in /work as the non-root user', async (_, descriptor) => {
    const project = resolveDescriptor(descriptor, 'slipway.yaml', { today: TODAY });
    const stage = lastStage((await files(descriptor)).Dockerfile!);
    const keywords = stage.map((i) => i.keyword);
    expect(keywords).not.toContain('EXPOSE');
    expect(keywords).not.toContain('HEALTHCHECK');
    expect(keywords.slice(-4)).toEqual(['USER', 'WORKDIR', 'ENTRYPOINT', 'CMD']);
    const [user, workdir, entrypoint, cmd] = stage.slice(-4);
    expect(user!.args[0]).toBe(`${project.image.user.uid}:${project.image.user.gid}`);
    expect(user!.args[0]).not.toMatch(/^0:/);
    expect(workdir!.args).toEqual(['/work']);
    expect(execForm(entrypoint!.text)).toEqual(project.app.command);
    expect(execForm(cmd!.text)).toEqual(['--help']);
  });

  test('without args there is no CMD, and a service keeps CMD, EXPOSE and HEALTHCHECK', async () => {
    const cli = lastStage((await files('name: tool\nextends: node-cli\napp:\n  workdir: /data\n')).Dockerfile!);
    expect(cli.map((i) => i.keyword).slice(-3)).toEqual(['USER', 'WORKDIR', 'ENTRYPOINT']);
    expect(cli.find((i) => i.keyword === 'WORKDIR' && i.args[0] === '/data')).toBeDefined();
    const service = lastStage((await files('name: svc\nextends: node-express\n')).Dockerfile!).map((i) => i.keyword);
    expect(service).toEqual(expect.arrayContaining(['EXPOSE', 'HEALTHCHECK', 'CMD']));
    expect(service).not.toContain('ENTRYPOINT');
  });

  test('the tests inside the built image replace the entrypoint and run where the code is', async () => {
    const out = await files('name: tool\nextends: node-cli\n');
    const ci = parseYaml(out['.gitlab-ci.yml']!) as Record<string, CiJob>;
    expect(ci['integration-test']!.script).toContain('docker run --rm --entrypoint npm --workdir /app "$IMAGE:$CI_COMMIT_SHORT_SHA" test');
    expect(out.Makefile).toContain('\tdocker run --rm --entrypoint npm --workdir /app $(IMAGE):$(TAG) test\n');
    // `make run` mounts the current directory where the program starts, as the developer's own user.
    expect(out.Makefile).toContain('\tdocker run --rm --user "$$(id -u):$$(id -g)" --volume "$(CURDIR):/work" $(IMAGE):$(TAG) $(ARGS)\n');
    const service = await files('name: svc\nextends: node-express\n');
    expect(service.Makefile).not.toContain('--entrypoint');
    expect(service.Makefile).not.toContain('ARGS');
  });
});

describe('node.ignoreScripts', () => {
  const installs = (dockerfile: string) =>
    dockerInstructions(dockerfile)
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args.join(' '))
      .filter((run) => / (ci|install)\b/.test(run) && !run.includes('corepack'));

  test.each([
    ['npm', 'single', /npm ci --omit=dev --ignore-scripts$/],
    ['npm', 'builder', /npm ci --(include|omit)=dev --ignore-scripts$/],
    ['pnpm', 'builder', /pnpm install --frozen-lockfile( --prod)? --ignore-scripts$/],
    ['yarn', 'builder', /YARN_ENABLE_SCRIPTS=false yarn (install --immutable|workspaces focus --all --production)$/],
  ] as const)('%s, %s: every dependency install in the image runs no lifecycle script', async (pm, layering, pattern) => {
    const descriptor = `name: tool\nextends: node-cli\nimage:\n  layering: ${layering}\nnode:\n  packageManager: ${pm}\n  ignoreScripts: true\n`;
    const out = await files(descriptor);
    const runs = installs(out.Dockerfile!);
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(run).toMatch(pattern);
    // A developer's `make install` (and CI's) keeps the scripts: there the whole project is present.
    expect(out.Makefile).not.toMatch(/ignore-scripts|ENABLE_SCRIPTS/);
    const without = installs((await files(descriptor.replace('ignoreScripts: true', 'ignoreScripts: false'))).Dockerfile!);
    for (const run of without) expect(run).not.toMatch(/ignore-scripts|ENABLE_SCRIPTS/);
  });
});

describe('ci.slipway', () => {
  test('lint: a test-stage job on a pinned Node.js image that publishes the Code Quality report, then fails at the threshold', async () => {
    const ci = parseYaml((await files('name: svc\nextends: go-http\nci:\n  slipway:\n    lint: true\n    version: "1.4.2"\n'))['.gitlab-ci.yml']!) as Record<string, CiJob>;
    const template = ci['.slipway']!;
    const job = { ...template, ...ci['slipway-lint']! };
    expect(job.extends).toBe('.slipway');
    expect(job.stage).toBe('test');
    expect(job.image).toMatch(/^node:\d+-bookworm-slim$/);
    expect(job.script).toEqual([
      'npx --yes slipway@1.4.2 lint --format gitlab --output gl-code-quality-report.json --failure-threshold none',
      'npx --yes slipway@1.4.2 lint',
    ]);
    expect(job.artifacts).toEqual({ when: 'always', expire_in: '1 week', reports: { codequality: 'gl-code-quality-report.json' } });
    expect(job.cache).toEqual({ key: 'slipway-1.4.2', paths: ['.npm-slipway/'] });
    expect(ci['slipway-check']).toBeUndefined();
  });

  test('check: `generate --check --diff`, naming the descriptor when it is not slipway.yaml', async () => {
    const text = 'name: svc\nextends: python-flask\nci:\n  slipway:\n    check: true\n    version: "1.4.2"\n';
    let ci = parseYaml((await files(text))['.gitlab-ci.yml']!) as Record<string, CiJob>;
    expect(ci['slipway-check']!.script).toEqual(['npx --yes slipway@1.4.2 generate --check --diff']);
    expect(ci['slipway-lint']).toBeUndefined();
    ci = parseYaml((await files(text, 'deploy/app.slipway.yaml'))['.gitlab-ci.yml']!) as Record<string, CiJob>;
    expect(ci['slipway-check']!.script).toEqual(['npx --yes slipway@1.4.2 generate --check --diff --file deploy/app.slipway.yaml']);
  });

  test('off by default: no slipway jobs and no .slipway template', async () => {
    const ci = parseYaml((await files('name: svc\nextends: node-express\n'))['.gitlab-ci.yml']!) as Record<string, CiJob>;
    expect(Object.keys(ci).filter((k) => k.includes('slipway'))).toEqual([]);
  });
});
