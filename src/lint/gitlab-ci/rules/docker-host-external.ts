import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { dockerSettings, isJobDaemon, parseDockerHost } from '../support/docker.js';
import { locate } from '../support/text.js';
import { serviceAliases } from '../support/images.js';
import { reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/docker-host-external',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: '`DOCKER_HOST` (or `docker -H`) pointing at a fixed Docker daemon outside the job, instead of the job\'s own Docker-in-Docker service, `localhost` or a socket.',
    rationale:
      'A daemon at a fixed address is shared by every job and pipeline that uses it, and by every project that knows the address: concurrent builds overwrite each other\'s tags and containers, one pipeline\'s build cache feeds the next (cache poisoning across branches and projects), and whoever can run a job there is root on that machine, with the credentials other jobs logged in with. ' +
      'The daemon of a `docker:dind` service lives as long as the job and is reachable only from it. ' +
      'Hosts that are the job\'s own daemon are not reported: `docker`, `localhost` and loopback addresses, the alias of a service of a job in the file (its `alias:` or the name GitLab derives from its image), unix sockets. A host given by a variable the file does not define is not judged.',
    howToFix:
      'Run Docker-in-Docker as a service of the job (`services: [docker:<version>-dind]` with `DOCKER_HOST: tcp://docker:2376`), or build without a daemon (BuildKit rootless, kaniko, buildah). If the shared daemon is on purpose, restrict it to protected runners and suppress the finding.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'variables:\n  DOCKER_HOST: tcp://192.168.10.5:2376\nbuild:\n  image: docker:27.3\n  script: docker build .\n' },
        { code: 'build:\n  image: docker:27.3\n  script:\n    - docker -H ssh://deploy@build-host.example.com build -t app .\n', note: 'a daemon reached over SSH' },
      ],
      good: [
        {
          code: 'build:\n  image: docker:27.3\n  services:\n    - name: docker:27.3-dind\n      alias: dockerd\n  variables:\n    DOCKER_HOST: tcp://dockerd:2376\n  script: docker build .\n',
          note: 'the alias of the job\'s service',
        },
        { code: 'build:\n  image: docker:27.3\n  variables:\n    DOCKER_HOST: unix:///var/run/docker.sock\n  script: docker build .\n', note: 'a socket (a shared socket is another problem)' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    const aliases = [...ctx.doc.jobs, ...ctx.doc.hiddenJobs].flatMap((job) => job.services.flatMap(serviceAliases));
    for (const s of dockerSettings(ctx.doc)) {
      if (s.name !== 'DOCKER_HOST') continue;
      const host = parseDockerHost(s.value);
      if (!host || host.host === '' || host.host.includes('$') || isJobDaemon(host, aliases)) continue;
      const job = s.jobs[0];
      const where = s.form === 'option' ? '`docker -H`' : '`DOCKER_HOST`';
      const of = job ? ` of job \`${job.name}\`` : '';
      report(
        { file: s.file, span: locate(s.file, s.span, host.host) },
        `${where} \`${s.value}\`${of} points at a fixed Docker daemon outside the job (\`${host.host}\`): every pipeline that uses it shares its images, containers and build cache, and any job that reaches it is root on that machine; run Docker-in-Docker as a service of the job (\`DOCKER_HOST: tcp://docker:2376\`) or build without a daemon`,
      );
    }
  },
});
