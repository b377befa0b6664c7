/** `app.kind: cli`, `node.ignoreScripts` and `ci.slipway`: one precise line per problem, and what resolves. */
import { describe, expect, test } from 'vitest';
import { resolveDescriptor } from '../../src/descriptor/index.js';
import { errorsOf, textAt, TODAY } from './helpers.js';

const CLI = 'name: tool\nextends: node-cli\n';

const cases: { name: string; yaml: string; errors: string[]; at: string }[] = [
  {
    name: 'a port on a command-line program',
    yaml: `${CLI}app:\n  port: 8080\n`,
    errors: ['slipway.yaml:4:3: error: `app.kind: cli` runs a program on mounted files and exits; it listens on no port: remove `app.port` (or set `app.kind: service`)'],
    at: 'port:',
  },
  {
    name: 'a health check on a command-line program',
    yaml: `${CLI}app:\n  healthcheck:\n    command: [node, -v]\n`,
    errors: ['slipway.yaml:4:3: error: `app.kind: cli` has no health check (the program exits when done): remove `app.healthcheck`'],
    at: 'healthcheck:',
  },
  {
    name: 'args on a service',
    yaml: 'name: svc\nextends: node-express\napp:\n  args: [--verbose]\n',
    errors: ['slipway.yaml:4:3: error: `app.args` is for `app.kind: cli` (a program run on mounted files); a service runs `app.command`: remove it or set `app.kind: cli`'],
    at: 'args:',
  },
  {
    name: 'a mount directory on a service',
    yaml: 'name: svc\nextends: node-express\napp:\n  workdir: /data\n',
    errors: ['slipway.yaml:4:3: error: `app.workdir` is for `app.kind: cli` (a program run on mounted files); a service runs `app.command`: remove it or set `app.kind: cli`'],
    at: 'workdir:',
  },
  {
    name: 'the mount directory over the code',
    yaml: `${CLI}app:\n  workdir: /app\n`,
    errors: ['slipway.yaml:4:12: error: `app.workdir` and `image.workdir` are both /app: files mounted there would hide the program; give them different directories'],
    at: '/app',
  },
  {
    name: 'a script path relative to the mount directory',
    yaml: `${CLI}app:\n  command: [node, dist/cli.js]\n`,
    errors: [
      'slipway.yaml:4:19: error: with `app.kind: cli` the program starts in `app.workdir` (/work), where `dist/cli.js` is not; name the script by its path in the image: `/app/dist/cli.js`',
    ],
    at: 'dist/cli.js',
  },
  {
    name: 'a Python script relative to the mount directory, with the code elsewhere',
    yaml: 'name: tool\nlanguage: python\nimage:\n  workdir: /opt/tool\napp:\n  kind: cli\n  command: ["python", "./tool.py"]\n',
    errors: [
      'slipway.yaml:7:23: error: with `app.kind: cli` the program starts in `app.workdir` (/work), where `./tool.py` is not; name the script by its path in the image: `/opt/tool/tool.py`',
    ],
    at: '"./tool.py"',
  },
  {
    name: 'slipway jobs without a test stage',
    yaml: 'name: svc\nextends: python-flask\nci:\n  stages: [build]\n  slipway:\n    check: true\n',
    errors: ['slipway.yaml:6:12: error: `ci.slipway.check` adds a job to the test stage, but `ci.stages` has no test stage; add test to `ci.stages` or set it to false'],
    at: 'true',
  },
  {
    name: 'a slipway version that is not a release',
    yaml: 'name: svc\nextends: python-flask\nci:\n  slipway:\n    version: latest\n',
    errors: ['slipway.yaml:5:14: error: `ci.slipway.version` must be a slipway release such as "0.1.0" (quoted); got `latest`'],
    at: 'latest',
  },
  {
    name: 'ignoreScripts on a Python project',
    yaml: 'name: svc\nextends: python-flask\nnode:\n  ignoreScripts: true\n',
    errors: ['slipway.yaml:3:1: error: `node` configures Node.js projects, but `language` is python; remove `node` or set `language: node`'],
    at: 'node:',
  },
];

describe('bad command-line and slipway-job descriptors give one precise line per problem', () => {
  test.each(cases)('$name', ({ yaml, errors, at }) => {
    const got = errorsOf(yaml);
    expect(got).toEqual(errors);
    const [, l, c] = /^slipway\.yaml:(\d+):(\d+):/.exec(got[0]!)!;
    expect(textAt(yaml, Number(l), Number(c)).startsWith(at)).toBe(true);
  });

  test('a command-line program on nginx is refused', () => {
    expect(errorsOf('name: site\nlanguage: node\nimage: { layering: builder, runtime: nginx }\nnode: { buildScript: build }\napp:\n  kind: cli\n  command: [nginx]\n')).toEqual([
      'slipway.yaml:3:38: error: `image.runtime: nginx` serves a static site; `app.kind: cli` needs the program\'s runtime: remove `image.runtime`',
    ]);
  });
});

describe('what resolves', () => {
  test('a command-line program keeps its arguments and mount directory; a service has neither', () => {
    const cli = resolveDescriptor(`${CLI}app:\n  args: [--help]\n  workdir: /data\n`, 'slipway.yaml', { today: TODAY });
    expect(cli.app).toEqual({ kind: 'cli', command: ['node', '/app/cli.js'], args: ['--help'], workdir: '/data' });
    expect(cli.app.healthcheck).toBeUndefined();
    const svc = resolveDescriptor('name: svc\nextends: node-express\n', 'slipway.yaml', { today: TODAY });
    expect(svc.app.kind).toBe('service');
    expect(svc.app.workdir).toBeUndefined();
  });

  test('a Go command-line program runs its compiled program, an absolute path, from the mount directory', () => {
    const go = resolveDescriptor('name: gitstat\nlanguage: go\napp:\n  kind: cli\n', 'slipway.yaml', { today: TODAY });
    expect(go.app).toEqual({ kind: 'cli', command: ['/usr/local/bin/gitstat'], args: [], workdir: '/work' });
  });

  test('the slipway jobs are off unless asked for, and run a pinned release', () => {
    const on = resolveDescriptor('name: svc\nextends: go-http\nci:\n  slipway: { lint: true, version: "2.0.0-rc.1" }\n', 'slipway.yaml', { today: TODAY });
    expect(on.ci.slipway).toEqual({ lint: true, check: false, version: '2.0.0-rc.1' });
    const off = resolveDescriptor('name: svc\nextends: go-http\n', 'slipway.yaml', { today: TODAY });
    expect(off.ci.slipway).toMatchObject({ lint: false, check: false });
    expect(off.ci.slipway.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
