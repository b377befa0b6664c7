import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { loadProject } from '../../src/descriptor/index.js';
import { nodeLtsNames } from '../../src/descriptor/runtime-versions.js';
import { initProject, describeDetection } from '../../src/init/index.js';
import { detectLanguage, nodeMajor, plainNodeCommand, sourcePort } from '../../src/init/node-go-detect.js';
import { enginesMajors } from '../../src/init/propose-node-go.js';
import { TODAY } from '../descriptor/helpers.js';
import { makeRepo, recordingPrompter } from './helpers.js';

const init = (cwd: string, extra: Partial<Parameters<typeof initProject>[0]> = {}) => initProject({ cwd, today: TODAY, ...extra });

const EXPRESS_SERVER = `const express = require('express');
const app = express();
app.get('/healthz', (req, res) => res.json({ ok: true }));
app.listen(process.env.PORT || 8080);
`;

describe('slipway init on a Node.js repository', () => {
  test('an Express service with pnpm: lockfile, .nvmrc, engines, start script, port and scripts', async () => {
    const dir = makeRepo(
      {
        'package.json': JSON.stringify({
          name: '@shop/Front_API',
          engines: { node: '>=22' },
          scripts: { start: 'node src/server.js', test: 'node --test', lint: 'eslint .', build: 'tsc' },
          dependencies: { express: '^5.1.0' },
        }),
        'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
        '.nvmrc': 'lts/jod\n',
        'src/server.js': EXPRESS_SERVER,
      },
      'front',
    );
    const result = await init(dir);
    expect(result.status).toBe('written');
    expect(readFileSync(join(dir, 'slipway.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=https://unpkg.com/slipway/schema/slipway.schema.json',
        '# Written by `slipway init` from what it found in this repository. Every key and its default is',
        "# described in slipway's docs/descriptor.md (`slipway schema --format markdown`).",
        '# Next: `slipway generate` writes the Dockerfile, .gitlab-ci.yml, Makefile and .dockerignore.',
        '',
        'name: front-api',
        'extends: node-express',
        'runtime:',
        '  version: "22"',
        '  matrix: ["22", "24", "26"]',
        'node:',
        '  packageManager: pnpm',
        '  buildScript: build',
        'app:',
        '  command: [node, src/server.js]',
        '  port: 8080',
        '  healthcheck:',
        '    path: /healthz',
        'test:',
        '  command: [pnpm, test]',
        '  lint: [pnpm, run, lint]',
        '',
      ].join('\n'),
    );
    expect(result.proposal!.notes).toEqual([]);
    expect(describeDetection(result.detection!)).toEqual([
      'Node.js project, package manager pnpm (pnpm-lock.yaml)',
      'Node.js 22 (.nvmrc)',
      'engines: node >=22',
      'start: node src/server.js (package.json scripts.start)',
      'framework: express (package.json dependencies)',
      'port 8080 (src/server.js)',
      'package.json scripts: test, lint, build',
    ]);
    const p = loadProject({ cwd: dir, today: TODAY });
    expect(p.language === 'node' && p.node).toEqual({ packageManager: 'pnpm', lockfile: 'pnpm-lock.yaml', buildScript: 'build', buildOutput: ['dist'], ignoreScripts: false });
  });

  test('a Vite site becomes node-vite: no start command, the nginx port, the build from the preset', async () => {
    const dir = makeRepo({
      'package.json': JSON.stringify({ name: 'site', scripts: { build: 'vite build', test: 'node --test' }, devDependencies: { vite: '^8.0.0' } }),
      'package-lock.json': '{}',
      'index.html': '<script type="module" src="/src/main.js"></script>',
      'src/main.js': 'document.title = "hi";\n',
    });
    const result = await init(dir);
    expect(parse(result.text)).toEqual({ name: 'site', extends: 'node-vite', runtime: { version: '24' } });
    expect(describeDetection(result.detection!)).not.toContainEqual(expect.stringMatching(/^start:/));
    const p = loadProject({ cwd: dir, today: TODAY });
    expect(p.image.runtime).toBe('nginx');
    expect(p.app.port).toBe(8080);
  });

  test('a plain Node.js program with yarn and no tests: language node, and notes on what to check', async () => {
    const dir = makeRepo({
      'package.json': JSON.stringify({ name: 'worker', main: 'worker.js', scripts: { test: 'echo "Error: no test specified" && exit 1' } }),
      'yarn.lock': '',
      '.node-version': '18.20.4\n',
      'worker.js': 'setInterval(() => {}, 1000);\n',
    });
    const result = await init(dir);
    expect(parse(result.text)).toEqual({
      name: 'worker',
      language: 'node',
      runtime: { version: '24' },
      node: { packageManager: 'yarn' },
      app: { command: ['node', 'worker.js'] },
    });
    expect(result.proposal!.notes).toEqual([
      '.node-version asks for Node.js 18, which reached its end of life on 2025-04-30; proposing 24 instead',
      'package.json has no test script; add one (e.g. `node --test`) so that `yarn test` runs the tests in CI',
    ]);
    const p = loadProject({ cwd: dir, today: TODAY });
    expect(p.test.command).toEqual(['yarn', 'test']);
  });

  test('a package with a bin and no server becomes node-cli: the bin script as the ENTRYPOINT, no port', async () => {
    const dir = makeRepo({
      'package.json': JSON.stringify({
        name: '@tools/count',
        bin: { count: './dist/cli.js', other: './dist/other.js' },
        scripts: { build: 'tsc', prepare: 'npm run build', test: 'node --test', lint: 'eslint .' },
        dependencies: { yargs: '^18.0.0' },
      }),
      'package-lock.json': '{}',
      'src/cli.ts': "import { createServer } from 'node:http';\n",
    });
    const result = await init(dir);
    expect(parse(result.text)).toEqual({
      name: 'count',
      extends: 'node-cli',
      runtime: { version: '24' },
      node: { buildScript: 'build', ignoreScripts: true },
      app: { command: ['node', '/app/dist/cli.js'] },
      test: { lint: ['npm', 'run', 'lint'] },
    });
    expect(describeDetection(result.detection!)).toContain('program: dist/cli.js (package.json bin)');
    expect(result.proposal!.notes).toEqual([expect.stringMatching(/^package\.json has a prepare script \(npm run build\).*node\.ignoreScripts is on/)]);
    const p = loadProject({ cwd: dir, today: TODAY });
    expect(p.app.kind).toBe('cli');
    expect(p.app.port).toBeUndefined();
    expect(p.language === 'node' && p.node.ignoreScripts).toBe(true);
  });

  test('a server framework wins over a bin; a bin outside the package is ignored', async () => {
    const server = makeRepo({
      'package.json': JSON.stringify({ name: 'svc', bin: 'server.js', scripts: { start: 'node server.js', test: 'node --test' }, dependencies: { express: '^5.1.0' } }),
      'package-lock.json': '{}',
      'server.js': EXPRESS_SERVER,
    });
    expect(parse((await init(server)).text).extends).toBe('node-express');
    const outside = makeRepo({
      'package.json': JSON.stringify({ name: 'x', bin: '../elsewhere.js', main: 'index.js', scripts: { test: 'node --test' } }),
      'package-lock.json': '{}',
      'index.js': 'console.log(1);\n',
    });
    expect(parse((await init(outside)).text).extends).toBeUndefined();
  });

  test('on a terminal it asks for the Node.js version among the supported ones, and offers the Node.js presets', async () => {
    const dir = makeRepo({
      'package.json': JSON.stringify({ name: 'svc', scripts: { start: 'node server.js', test: 'node --test' } }),
      'package-lock.json': '{}',
      'server.js': "import http from 'node:http';\nhttp.createServer().listen(3000);\n",
    });
    const { prompter, asked, warned } = recordingPrompter(['', '', '20', '22', '', '']);
    await init(dir, { prompter });
    expect(asked).toEqual([
      'Preset (node-cli, node-express, node-vite, none) [node-express]',
      'Project name [svc]',
      'Node.js version [24]',
      'Node.js version [24]',
      'Port the app listens on (none for a worker) [3000]',
      'Command that starts the app [node server.js]',
    ]);
    expect(warned).toEqual(['choose a supported version: 22, 24, 26']);
    expect(loadProject({ cwd: dir, today: TODAY }).runtime).toEqual({ version: '22', matrix: ['22', '24'] });
  });
});

describe('slipway init on a Go module', () => {
  test('a net/http service under cmd/: the go directive, the main package, the port', async () => {
    const dir = makeRepo(
      {
        'go.mod': 'module github.com/acme/orders-api\n\ngo 1.26.2\n',
        'cmd/api/main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":9090"}\n\t_ = srv.ListenAndServe()\n}\n',
        'internal/orders/orders.go': 'package orders\n',
      },
      'orders',
    );
    const result = await init(dir);
    expect(parse(result.text)).toEqual({
      name: 'orders-api',
      extends: 'go-http',
      runtime: { version: '1.27', matrix: ['1.26', '1.27'] },
      go: { main: 'cmd/api' },
      app: { port: 9090 },
    });
    expect(result.proposal!.notes).toEqual([]);
    const p = loadProject({ cwd: dir, today: TODAY });
    expect(p.language === 'go' && p.go).toEqual({ main: 'cmd/api', binary: 'orders-api' });
    expect(p.app.command).toEqual(['/usr/local/bin/orders-api']);
    expect(p.test).toEqual({ command: ['go', 'test', '-race', './...'], lint: ['go', 'vet', './...'] });
  });

  test('an old go directive: the supported versions are tested, and init says why', async () => {
    const dir = makeRepo({ 'go.mod': 'module tool\n\ngo 1.21\n', 'main.go': 'package main\n\nfunc main() {}\n' });
    const result = await init(dir);
    expect(parse(result.text)).toEqual({ name: 'tool', language: 'go', runtime: { version: '1.27', matrix: ['1.26', '1.27'] } });
    expect(result.proposal!.notes).toEqual(['go.mod go directive is Go 1.21, past its end of support; the tests run on the supported versions 1.26, 1.27']);
  });

  test('a preset given on the command line decides the language', async () => {
    const dir = makeRepo({ 'requirements.txt': 'flask\n', 'main.go': 'package main\n\nimport "net/http"\n\nconst addr = ":7000"\n\nfunc main() { http.ListenAndServe(addr, nil) }\n' });
    const result = await init(dir, { preset: 'go-http', dryRun: true });
    expect(parse(result.text)).toMatchObject({ extends: 'go-http', app: { port: 7000 } });
  });
});

describe('detection helpers', () => {
  test('the language: Go with a go.mod, Python with its files, Node.js with only a package.json', () => {
    expect(detectLanguage(makeRepo({ 'go.mod': 'module x\n', 'package.json': '{}' }))).toBe('go');
    expect(detectLanguage(makeRepo({ 'requirements.txt': '', 'package.json': '{}' }))).toBe('python');
    expect(detectLanguage(makeRepo({ 'package.json': '{}' }))).toBe('node');
    expect(detectLanguage(makeRepo({}))).toBe('python');
  });

  test('engines.node ranges select the supported LTS lines they allow', () => {
    const lts = ['22', '24', '26'];
    expect(enginesMajors('>=22', lts)).toEqual(['22', '24', '26']);
    expect(enginesMajors('^22.11.0', lts)).toEqual(['22']);
    expect(enginesMajors('20.x || 22.x || 24.x', lts)).toEqual(['22', '24']);
    expect(enginesMajors('>=18 <25', lts)).toEqual(['22', '24']);
    expect(enginesMajors('>20', lts)).toEqual(['22', '24', '26']);
    expect(enginesMajors('<=18', lts)).toEqual([]);
  });

  test('version files, start scripts and ports', () => {
    const names = nodeLtsNames();
    expect(nodeMajor('v22.11.0\n', names)).toBe('22');
    expect(nodeMajor('lts/krypton', names)).toBe('24');
    expect(nodeMajor('lts/*', names)).toBeUndefined();
    expect(plainNodeCommand('node --enable-source-maps dist/index.js')).toEqual(['node', '--enable-source-maps', 'dist/index.js']);
    expect(plainNodeCommand('NODE_ENV=production node server.js')).toBeUndefined();
    expect(plainNodeCommand('next start')).toBeUndefined();
    expect(sourcePort('app.listen(process.env.PORT ?? 4000)')).toBe(4000);
    expect(sourcePort('const port = Number(process.env.PORT) || 5000;')).toBe(5000);
    expect(sourcePort('log.Fatal(http.ListenAndServe(":8081", mux))')).toBe(8081);
    expect(sourcePort('srv := &http.Server{Addr: "0.0.0.0:9000"}')).toBe(9000);
    expect(sourcePort('nothing here')).toBeUndefined();
  });
});
