import { describe, expect, test } from 'vitest';
import { messages } from '../helpers.js';
import { fixed } from './fix-helper.js';

const RULE = 'docker-run-tty';
const run = (code: string) => messages(code, [RULE]);
const job = (...lines: string[]) => `test:\n  image: docker:27.3\n  script:\n${lines.map((l) => `    ${l}`).join('\n')}\n`;

describe('gitlab-ci/docker-run-tty', () => {
  test('-it fails, -t alone garbles: two messages', () => {
    expect(run(job('- docker run -it app sh', '- docker run -t app sh'))).toEqual([
      '4:18 `docker run -it` asks for a terminal, and a CI job has none: docker stops with "the input device is not a TTY"; drop `-t` (keep `-i` if input is piped in)',
      '5:18 `docker run -t` gives the container a terminal nobody reads: the job log gets carriage returns and colour codes, and programs may wait for input; drop `-t`',
    ]);
  });

  test('fixes: clusters, separate words, --tty, podman and management commands', async () => {
    const pairs: Array<[string, string]> = [
      ['- docker run -itd --name x app', '- docker run -id --name x app'],
      ['- docker run -i -t app', '- docker run -i app'],
      ['- docker container run --rm --tty app', '- docker container run --rm app'],
      ['- podman exec -ti db psql', '- podman exec -i db psql'],
      ['- docker -H unix:///var/run/docker.sock run -e A=1 -t app', '- docker -H unix:///var/run/docker.sock run -e A=1 app'],
    ];
    for (const [bad, good] of pairs) {
      expect(run(job(bad)), bad).toHaveLength(1);
      expect(await fixed(job(bad), RULE), bad).toBe(job(good));
    }
  });

  test("options of the container's command and values of options are not docker's", () => {
    expect(
      run(job('- docker run --rm -e T=-t app ls -t', '- docker run --name -t app', '- docker exec db sort -t, -k2 f', '- docker build -t app .', '- docker run --tty=false app')),
    ).toEqual([]);
  });
});
