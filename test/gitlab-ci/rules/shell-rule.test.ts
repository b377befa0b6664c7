/** The GitLab CI host of the shell checks: script lines parsed with positions in the YAML, fixes, context. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { ShellCheck } from '../../../src/lint/shell/check.js';
import { gitlabCiSupport } from '../../../src/lint/gitlab-ci/index.js';
import { wrapShellExample } from '../../../src/lint/gitlab-ci/shell-rule.js';
import { shellChecks } from '../../../src/lint/shell/checks/index.js';
import { lint, messages, model } from '../helpers.js';
import { scriptOf } from '../../../src/lint/gitlab-ci/shell-rule.js';
import { fixed } from './fix-helper.js';

const yes = (code: string) => messages(code, ['apt-get-missing-yes']).map((m) => m.split(' ')[0]);

describe('script lines as shell', () => {
  test('every shell check for GitLab CI is a registered gitlab-ci rule', async () => {
    const ids = new Set(gitlabCiSupport.rules.map((r) => r.meta.id));
    // Every check file, listed in shellChecks or not yet.
    const dir = fileURLToPath(new URL('../../../src/lint/shell/checks/', import.meta.url));
    const checks: ShellCheck[] = [...shellChecks];
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
      checks.push(((await import(pathToFileURL(join(dir, f)).href)) as { default: ShellCheck }).default);
    }
    const missing = checks.filter((c) => c.hosts.includes('gitlab-ci') && !ids.has(`gitlab-ci/${c.name}`)).map((c) => c.name);
    expect([...new Set(missing)]).toEqual([]);
  });

  test('findings land on the word in plain, quoted, literal and folded scalars', () => {
    const code = [
      'job:',
      '  script:',
      '    - apt-get install curl',
      '    - "echo \\"a\\" && apt-get install curl"',
      "    - 'echo ''a'' && apt-get install curl'",
      '    - |',
      '      echo one',
      '      apt-get install curl',
      '    - >',
      '      echo one &&',
      '      apt-get',
      '      install curl',
      '',
    ].join('\n');
    expect(yes(code)).toEqual(['3:7', '4:22', '5:22', '8:7', '11:7']);
    const [, , , , folded] = lint(code, { only: ['gitlab-ci/apt-get-missing-yes'] });
    // From `apt-get` on line 11 to the end of `install` on line 12.
    expect([folded!.line, folded!.column, folded!.endLine, folded!.endColumn]).toEqual([11, 7, 12, 14]);
  });

  test('before_script, after_script and hooks lines are checked; nested lists and anchors too', () => {
    const code = [
      '.setup: &setup',
      '  - apt-get install make',
      'job:',
      '  hooks:',
      '    pre_get_sources_script: apt-get install git',
      '  before_script:',
      '    - *setup',
      '    - [apt-get install gcc]',
      '  script: make',
      '  after_script: [apt-get install curl]',
      '',
    ].join('\n');
    expect(yes(code)).toEqual(['2:5', '5:29', '8:8', '10:18']);
  });

  test('a template line is checked once; a template no job uses is checked on its own', () => {
    expect(yes('.tpl:\n  script: apt-get install curl\na:\n  extends: .tpl\nb:\n  extends: .tpl\n')).toEqual(['2:11']);
    expect(yes('.tpl:\n  script: apt-get install curl\n')).toEqual(['2:11']);
  });

  test('earlier lines of the job are the context: APT configuration written in before_script', () => {
    const code = "job:\n  before_script:\n    - echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90yes\n  script:\n    - apt-get install curl\n";
    expect(yes(code)).toEqual([]);
  });

  test('fixes: escaped in double quotes, refused where YAML cannot hold them', async () => {
    expect(await fixed('job:\n  script:\n    - "apt-get install \\"curl\\""\n', 'apt-get-missing-yes')).toBe('job:\n  script:\n    - "apt-get install -y \\"curl\\""\n');
    expect(await fixed("job:\n  script: ['apt-get install curl']\n", 'apt-get-missing-yes')).toBe("job:\n  script: ['apt-get install -y curl']\n");
    expect(await fixed('job:\n  script: [apt-get install curl]\n', 'apt-get-missing-yes')).toBe('job:\n  script: [apt-get install -y curl]\n');
    // `{` would end a plain scalar in a flow list: reported, not fixed.
    const flow = 'job:\n  script: [docker login -p ${PASS} r]\n';
    expect(messages(flow, ['docker-login-password'])).toHaveLength(1);
    expect(await fixed(flow, 'docker-login-password')).toBe(flow);
  });

  test('a word tree-sitter-bash splits in two (`$A/$B/$C`) is one word', () => {
    const doc = model('job:\n  script: docker push $CI_REGISTRY/$OWNER/$NAME\n');
    expect(scriptOf(doc.jobs[0]!.script[0]!).commands[0]!.args.map((a) => a.raw)).toEqual(['push', '$CI_REGISTRY/$OWNER/$NAME']);
  });

  test('examples become a job: one line as a plain item, several (or YAML-unsafe) as a literal block', () => {
    expect(wrapShellExample({ script: 'apt-get install -y x', output: 'x', variables: { A: 'b c' } })).toEqual({
      code: 'job:\n  image: debian:bookworm-slim\n  variables:\n    A: "b c"\n  script:\n    - apt-get install -y x\n',
      output: 'job:\n  image: debian:bookworm-slim\n  variables:\n    A: "b c"\n  script:\n    - x\n',
    });
    expect(wrapShellExample({ script: 'set -e\napk add x', image: 'alpine:3.20' }).code).toBe('job:\n  image: alpine:3.20\n  script:\n    - |\n      set -e\n      apk add x\n');
    expect(wrapShellExample({ script: 'echo a: b' }).code).toBe('job:\n  image: debian:bookworm-slim\n  script:\n    - |\n      echo a: b\n');
  });
});
