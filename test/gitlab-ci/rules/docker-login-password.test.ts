import { describe, expect, test } from 'vitest';
import { lint, messages } from '../helpers.js';
import { fixed } from './fix-helper.js';

const RULE = 'docker-login-password';
const run = (code: string) => messages(code, [RULE]);
const job = (...lines: string[]) => `build:\n  image: docker:27.3\n  script:\n${lines.map((l) => `    ${l}`).join('\n')}\n`;

describe('gitlab-ci/docker-login-password', () => {
  test('the message names the option; the finding spans option and value', () => {
    const code = job('- docker login -u gitlab-ci-token -p $CI_JOB_TOKEN $CI_REGISTRY');
    expect(run(code)).toEqual([
      '4:39 `docker login -p` puts the password on the command line, where the process list, shell traces and error messages show it; pipe it in: `echo "$PASSWORD" | docker login … --password-stdin`',
    ]);
    const [f] = lint(code, { only: [`gitlab-ci/${RULE}`] });
    expect(f!.endColumn - f!.column).toBe('-p $CI_JOB_TOKEN'.length);
  });

  test('fixes in plain, double-quoted, single-quoted and block scalars', async () => {
    expect(await fixed(job('- docker login -p ${PASS} r.example.com'), RULE)).toBe(job('- echo "${PASS}" | docker login --password-stdin r.example.com'));
    expect(await fixed(job('- "docker login -p \\"$PASS\\" r"'), RULE)).toBe(job('- "echo \\"$PASS\\" | docker login --password-stdin r"'));
    expect(await fixed(job("- 'docker login --password=$PASS r'"), RULE)).toBe(job("- 'echo \"$PASS\" | docker login --password-stdin r'"));
    expect(await fixed(job('- |', '  set -e', '  docker login -u u -p "$PASS" r && docker push r/app:$CI_COMMIT_SHA'), RULE)).toBe(
      job('- |', '  set -e', '  echo "$PASS" | docker login -u u --password-stdin r && docker push r/app:$CI_COMMIT_SHA'),
    );
    expect(await fixed(job('- >', '  docker login', '  -p $PASS r'), RULE)).toBe(job('- >', '  echo "$PASS" | docker login', '  --password-stdin r'));
  });

  test('no fix when stdin is taken, the value is not one variable, or the command runs nested', async () => {
    for (const line of [
      '- cat pw.txt | docker login -p $PASS r',
      '- docker login -p $PASS r < /dev/null',
      '- docker login -p "pre$PASS" r',
      "- sh -c 'docker login -p $PASS r'",
      '- docker login -p $(cat pw) r',
    ]) {
      const code = job(line);
      expect(run(code), line).toHaveLength(1);
      expect(await fixed(code, RULE), line).toBe(code);
    }
  });

  test('a literal password is masked in the message and not fixed', async () => {
    const code = job('- docker login -u admin -p hunter2secret registry.example.com');
    expect(run(code)[0]).toContain('with a literal password (`hun**********`) committed in the file');
    expect(run(code)[0]).not.toContain('hunter2secret');
    expect(await fixed(code, RULE)).toBe(code);
  });

  test('podman, buildah, skopeo, oras, helm registry, docker with global options', () => {
    const code = job(
      '- podman login -p $P r',
      '- buildah login --password $P r',
      '- skopeo login -p$P r',
      '- oras login -p $P r',
      '- helm registry login r --password $P',
      '- docker --config /tmp/cfg login -p $P r',
    );
    expect(run(code).map((m) => m.split(' puts ')[0])).toEqual([
      '4:20 `podman login -p`',
      '5:21 `buildah login --password`',
      '6:20 `skopeo login -p`',
      '7:18 `oras login -p`',
      '8:29 `helm registry login --password`',
      '9:38 `docker login -p`',
    ]);
  });

  test('--password-stdin, other -p options and other commands are fine', () => {
    const code = job('- echo "$P" | docker login -u u --password-stdin r', '- docker run -p 80:80 nginx:1.27', '- mysql -u root -p"$P" db', '- docker login r');
    expect(run(code)).toEqual([]);
  });
});
