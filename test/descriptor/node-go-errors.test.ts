/** The Node.js and Go keys: one precise line per problem, and what resolves. */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatWarning, loadProject, resolveDescriptorWithWarnings } from '../../src/descriptor/index.js';
import { errorsOf, textAt, TODAY } from './helpers.js';

const NODE = 'name: svc\nextends: node-express\n';
const GO = 'name: svc\nextends: go-http\n';

const cases: { name: string; yaml: string; errors: string[]; at: string; today?: Date }[] = [
  {
    name: 'a node section on a Python project',
    yaml: 'name: svc\nextends: python-flask\nnode:\n  packageManager: pnpm\n',
    errors: ['slipway.yaml:3:1: error: `node` configures Node.js projects, but `language` is python; remove `node` or set `language: node`'],
    at: 'node:',
  },
  {
    name: 'a Node.js version with a minor',
    yaml: `${NODE}runtime:\n  version: "24.1"\n`,
    errors: ['slipway.yaml:4:12: error: `runtime.version` must be a Node.js major version in quotes, e.g. "24"; got `24.1`'],
    at: '"24.1"',
  },
  {
    name: 'a Python version on a Node.js project',
    yaml: `${NODE}runtime:\n  version: "3.13"\n`,
    errors: ['slipway.yaml:4:12: error: `runtime.version` must be a Node.js major version in quotes, e.g. "24"; got `3.13`'],
    at: '"3.13"',
  },
  {
    name: 'an end-of-life Node.js',
    yaml: `${NODE}runtime:\n  version: "18"\n`,
    errors: [
      'slipway.yaml:4:12: error: `runtime.version`: Node.js 18 reached its end of life on 2025-04-30 and gets no more security fixes; use a supported version: 22, 24, 26',
    ],
    at: '"18"',
  },
  {
    name: 'an unquoted Node.js version',
    yaml: 'name: svc\nlanguage: node\nruntime:\n  version: 24\napp:\n  command: [node, a.js]\n',
    errors: ['slipway.yaml:4:12: error: `runtime.version` must be a quoted version string such as "24"; got the number `24`'],
    at: '24',
  },
  {
    name: 'a Go minor past its end of support',
    yaml: `${GO}runtime:\n  version: "1.22"\n`,
    errors: [
      'slipway.yaml:4:12: error: `runtime.version`: Go 1.22 reached its end of life on 2025-02-11 and gets no more security fixes; use a supported version: 1.26, 1.27',
    ],
    at: '"1.22"',
  },
  {
    name: 'a Go version slipway does not know',
    yaml: `${GO}runtime:\n  version: "1.28"\n`,
    errors: [
      'slipway.yaml:4:12: error: `runtime.version`: Go 1.28 is not a version slipway knows (if it was released recently, update slipway); use a supported version: 1.26, 1.27',
    ],
    at: '"1.28"',
  },
  {
    name: 'slipway\'s own default past its end of life',
    yaml: 'name: svc\nlanguage: go\n',
    today: new Date('2028-01-01T00:00:00Z'),
    errors: [
      "slipway.yaml:2:11: error: slipway's default Go version: Go 1.27 reached its end of life on 2027-08-10 and gets no more security fixes; update slipway: its release table knows no supported version",
    ],
    at: 'go',
  },
  {
    name: 'a single-stage Go image',
    yaml: `${GO}image:\n  layering: single\n`,
    errors: [
      'slipway.yaml:4:13: error: Go images are built with `builder` (a golang build stage and a small runtime stage); `single` would ship the whole toolchain: remove `image.layering` or set it to builder',
    ],
    at: 'single',
  },
  {
    name: 'a runtime image of another language',
    yaml: `${GO}image:\n  runtime: nginx\n`,
    errors: ['slipway.yaml:4:12: error: `image.runtime` must be distroless, scratch or alpine for Go; got `nginx`'],
    at: 'nginx',
  },
  {
    name: 'a runtime image for Python',
    yaml: 'name: svc\nextends: python-flask\nimage:\n  runtime: distroless\n',
    errors: ['slipway.yaml:4:12: error: `image.runtime` is for Node.js and Go; a Python image runs on the python image of `image.variant`: remove it'],
    at: 'distroless',
  },
  {
    name: 'nginx without a build stage',
    yaml: `${NODE}image:\n  runtime: nginx\n`,
    errors: ['slipway.yaml:4:12: error: `image.runtime: nginx` serves the output of a build stage; set `image.layering: builder`'],
    at: 'nginx',
  },
  {
    name: 'nginx without a build script',
    yaml: `${NODE}image:\n  runtime: nginx\n  layering: builder\n`,
    errors: [
      'slipway.yaml:4:12: error: `image.runtime: nginx` serves the build output, but `node.buildScript` is not set; name the package.json script that builds the site',
    ],
    at: 'nginx',
  },
  {
    name: 'another user for nginx',
    yaml: 'name: site\nextends: node-vite\nimage:\n  user: { name: web, uid: 10001 }\n',
    errors: [
      'slipway.yaml:4:3: error: `image.user` cannot be changed with `image.runtime: nginx`: nginx-unprivileged runs as its own nginx user (101); remove it',
    ],
    at: 'user:',
  },
  {
    name: 'a build on base-app',
    yaml: `${NODE}image:\n  layering: base-app\nnode:\n  buildScript: build\n`,
    errors: [
      'slipway.yaml:4:13: error: `base-app` has no build stage for `node.buildScript` (the base image holds production dependencies only); use `builder`, or remove `node.buildScript`',
    ],
    at: 'base-app',
  },
  {
    name: 'buildScript: true',
    yaml: `${NODE}node:\n  buildScript: true\n`,
    errors: ['slipway.yaml:4:16: error: `node.buildScript: true` does not say what to run; give the package.json script, e.g. build, or `false` for no build'],
    at: 'true',
  },
  {
    name: 'a misspelled package manager',
    yaml: `${NODE}node:\n  packageManager: pnmp\n`,
    errors: ['slipway.yaml:4:19: error: `node.packageManager` must be one of npm, pnpm, yarn; got `pnmp`; did you mean `pnpm`?'],
    at: 'pnmp',
  },
  {
    name: 'a registry URL with credentials',
    yaml: `${NODE}node:\n  registry: https://user:tok@npm.example.com/\n`,
    errors: ['slipway.yaml:4:13: error: `node.registry` must be an https:// URL without credentials; got `https://user:tok@npm.example.com/`'],
    at: 'https://user',
  },
  {
    name: 'the node user\'s uid under another name',
    yaml: `${NODE}image:\n  user: { name: web, uid: 1000 }\n`,
    errors: ["slipway.yaml:4:27: error: uid 1000 is the node image's own `node` user; name the user node, or choose another uid for `web`"],
    at: '1000',
  },
  {
    name: 'an HTTP health check on distroless',
    yaml: `${GO}app:\n  healthcheck:\n    path: /health\n`,
    errors: [
      'slipway.yaml:4:3: error: `app.healthcheck` probes HTTP, but the distroless image has no HTTP client or shell; give `healthcheck.command` (e.g. a probe flag of your program), use `image.runtime: alpine`, or remove it',
    ],
    at: 'healthcheck:',
  },
  {
    name: 'Python artifacts on a Go project',
    yaml: `${GO}ci:\n  dist: true\n`,
    errors: ['slipway.yaml:4:9: error: `ci.dist` builds Python sdist and wheel artifacts; remove it for a Go project'],
    at: 'true',
  },
  {
    name: 'a build output outside the project',
    yaml: `${NODE}node:\n  buildOutput: [../dist]\n`,
    errors: ['slipway.yaml:4:17: error: `node.buildOutput[0]` must be a relative path inside the project (no leading /, no .., / as separator); got `../dist`'],
    at: '../dist',
  },
  {
    name: 'an absolute main package',
    yaml: `${GO}go:\n  main: /src/cmd\n`,
    errors: ['slipway.yaml:4:9: error: `go.main` must be a relative path inside the project (no leading /, no .., / as separator); got `/src/cmd`'],
    at: '/src/cmd',
  },
  {
    name: 'a misspelled go key',
    yaml: `${GO}go:\n  mian: cmd/x\n`,
    errors: ['slipway.yaml:4:3: error: unknown key `mian` in `go`; did you mean `main`?'],
    at: 'mian',
  },
  {
    name: 'a Node.js project without a start command',
    yaml: 'name: svc\nlanguage: node\n',
    errors: ['slipway.yaml:1:1: error: missing required key `app` (how the application runs)'],
    at: 'name',
  },
];

describe('bad Node.js and Go descriptors give one precise line per problem', () => {
  test.each(cases)('$name', ({ yaml, errors, at, today }) => {
    const got = errorsOf(yaml, today ? { today } : {});
    expect(got).toEqual(errors);
    const [, l, c] = /^slipway\.yaml:(\d+):(\d+):/.exec(got[0]!)!;
    expect(textAt(yaml, Number(l), Number(c)).startsWith(at)).toBe(true);
  });
});

describe('what resolves', () => {
  test('a Go project needs no command: it runs the program it builds', () => {
    const r = resolveDescriptorWithWarnings('name: svc\nlanguage: go\ngo:\n  main: ./cmd/svc/\n  binary: svcd\n', 'slipway.yaml', { today: TODAY });
    expect(r.warnings).toEqual([]);
    expect(r.project.app.command).toEqual(['/usr/local/bin/svcd']);
    expect(r.project.language === 'go' && r.project.go).toEqual({ main: 'cmd/svc', binary: 'svcd' });
    expect(r.project.image).toMatchObject({ layering: 'builder', runtime: 'distroless', user: { name: 'nonroot', uid: 65532, gid: 65532 } });
  });

  test('an end-of-life Node.js in the matrix is a warning, not an error', () => {
    const r = resolveDescriptorWithWarnings(`${NODE}runtime:\n  matrix: ["20", "24"]\n`, 'slipway.yaml', { today: TODAY });
    expect(r.warnings.map((w) => w.format())).toEqual([
      'slipway.yaml:4:12: error: `runtime.matrix[0]`: Node.js 20 reached its end of life on 2026-04-30 and gets no more security fixes; test on it only while you still support it (supported: 22, 24, 26)',
    ]);
    expect(r.project.runtime).toEqual({ version: '24', matrix: ['20', '24'] });
  });

  test('the package manager sets the lockfile and the test command; false removes a preset\'s build', () => {
    const r = resolveDescriptorWithWarnings('name: site\nextends: node-vite\nimage:\n  runtime: node\nnode:\n  packageManager: yarn\n  buildScript: false\n', 'slipway.yaml', { today: TODAY });
    expect(r.project.language === 'node' && r.project.node).toEqual({ packageManager: 'yarn', lockfile: 'yarn.lock', buildOutput: ['dist'], ignoreScripts: false });
    expect(r.project.test.command).toEqual(['npm', 'test']); // the preset's, as written
    const plain = resolveDescriptorWithWarnings('name: x\nlanguage: node\nnode: { packageManager: pnpm }\napp: { command: [node, x.js] }\n', 'slipway.yaml', { today: TODAY });
    expect(plain.project.test.command).toEqual(['pnpm', 'test']);
  });

  test('Go vets by default; test.lint: false turns it off', () => {
    const on = resolveDescriptorWithWarnings(GO, 'slipway.yaml', { today: TODAY }).project;
    expect(on.test.lint).toEqual(['go', 'vet', './...']);
    const off = resolveDescriptorWithWarnings(`${GO}test:\n  lint: false\n`, 'slipway.yaml', { today: TODAY }).project;
    expect(off.test.lint).toBeUndefined();
  });
});

describe('files a Node.js or Go project needs', () => {
  test('a missing package.json, lockfile or go.mod is a warning at the key that implies it', () => {
    const warnings = (descriptor: string, files: Record<string, string>) => {
      const dir = mkdtempSync(join(tmpdir(), 'slipway-files-'));
      writeFileSync(join(dir, 'slipway.yaml'), descriptor);
      for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, f), t);
      const got: string[] = [];
      loadProject({ cwd: dir, today: TODAY, onWarning: (w) => got.push(formatWarning(w)) });
      return got;
    };
    expect(warnings('name: svc\nlanguage: node\nnode:\n  packageManager: pnpm\napp:\n  command: [node, a.js]\n', { 'package.json': '{}' })).toEqual([
      'slipway.yaml:4:19: warning: the pnpm lockfile `pnpm-lock.yaml` is not in the project; commit it (`pnpm install` writes it): the image installs exactly what it lists',
    ]);
    expect(warnings('name: svc\nextends: go-http\n', {})).toEqual([
      'presets/go-http.yaml:6:11: warning: a Go project needs `go.mod` (`go mod init <module>` writes it), which is not in the project',
    ]);
  });
});
