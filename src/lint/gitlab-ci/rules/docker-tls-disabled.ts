import { defineRule, type Fix } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { dockerSettings, parseDockerHost, type DockerSetting } from '../support/docker.js';
import { locate } from '../support/text.js';
import { at, reportOnce } from '../support/report.js';
import { jobsThenTemplates } from '../support/visit.js';
import { jobVariable } from '../support/variables.js';

/** A dockerd option that turns TLS off. */
const TLS_OFF_OPTION = /^--tls(?:verify)?=(?:false|0|f)$/i;

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/docker-tls-disabled',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'TLS turned off between a job and its Docker daemon: `DOCKER_TLS_CERTDIR: ""`, a `DOCKER_HOST` on port 2375, a Docker-in-Docker service started with `--tls=false`, or `DOCKER_TLS_VERIFY: "0"`.',
    rationale:
      'Without TLS the Docker-in-Docker daemon listens on port 2375 with no authentication at all: any container that can reach it on the runner\'s network (another job\'s service on a shared runner, a compromised dependency running in a test) can start privileged containers on it, read the job\'s images and the registry credentials it logged in with. ' +
      'With `DOCKER_TLS_CERTDIR: "/certs"` (the default of the `docker:dind` image since 19.03) dind makes a CA and client certificates, the runner shares `/certs/client` with the job, and the `docker` image\'s entrypoint uses them on port 2376 by itself. ' +
      'GitLab\'s Auto DevOps templates still turn TLS off for old runners; pipelines copy it from them. ' +
      '`DOCKER_TLS_VERIFY: "0"` is reported because it is written to skip verifying the daemon\'s certificate (docker-compose v1 reads it so), while the docker CLI verifies whenever the variable is set at all: it either does nothing or turns verification off, never what it says.',
    howToFix:
      'Remove `--tls=false` from the dind service\'s `command`, set `DOCKER_TLS_CERTDIR: "/certs"` and `DOCKER_HOST: tcp://docker:2376` (or leave DOCKER_HOST unset), and use a runner whose docker executor mounts `/certs/client` (`volumes = ["/certs/client", …]` in config.toml). The fix of `DOCKER_TLS_CERTDIR` does the variables when nothing else in the jobs expects port 2375.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        {
          code: 'build:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  variables:\n    DOCKER_HOST: tcp://docker:2375\n    DOCKER_TLS_CERTDIR: ""\n  script: docker build .\n',
          output: 'build:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  variables:\n    DOCKER_HOST: tcp://docker:2376\n    DOCKER_TLS_CERTDIR: "/certs"\n  script: docker build .\n',
        },
        {
          code: "build:\n  image: docker:27.3\n  services:\n    - name: docker:27.3-dind\n      command: ['--tls=false', '--host=tcp://0.0.0.0:2375']\n  variables:\n    DOCKER_TLS_CERTDIR: ''\n  script: docker build .\n",
          note: 'the daemon itself is told to drop TLS: no fix',
        },
        { code: 'build:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  variables:\n    DOCKER_TLS_VERIFY: "0"\n  script: docker build .\n' },
      ],
      good: [
        {
          code: 'build:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  variables:\n    DOCKER_HOST: tcp://docker:2376\n    DOCKER_TLS_CERTDIR: "/certs"\n  script: docker build .\n',
        },
        { code: 'build:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script: docker build .\n', note: "the images' defaults use TLS" },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    const settings = dockerSettings(ctx.doc);
    for (const s of settings) {
      if (s.name === 'DOCKER_TLS_CERTDIR' && s.value.trim() === '') {
        const fix = s.form === 'variable' ? certdirFix(ctx.doc, s, settings) : undefined;
        const written = s.form === 'variable' ? '`DOCKER_TLS_CERTDIR: ""`' : '`DOCKER_TLS_CERTDIR=""`';
        const message = `${written} turns TLS off: Docker-in-Docker then listens on port 2375 with no authentication, so anything on the runner's network can drive the job's Docker daemon; set \`DOCKER_TLS_CERTDIR: "/certs"\` and use \`tcp://docker:2376\``;
        if (fix) ctx.report({ message, ...at(ctx, s), fix });
        else report(s, message);
      } else if (s.name === 'DOCKER_HOST') {
        const host = parseDockerHost(s.value);
        if (!host || host.scheme !== 'tcp' || host.port !== '2375') continue;
        const where = s.form === 'option' ? '`docker -H`' : '`DOCKER_HOST`';
        report(
          { file: s.file, span: locate(s.file, s.span, `:2375`) },
          `${where} \`${s.value}\` talks to the Docker daemon on port 2375, without TLS or authentication: anything on that network can run containers on it; use TLS on port 2376 (\`tcp://${host.host}:2376\` with \`DOCKER_TLS_CERTDIR: "/certs"\`)`,
        );
      } else if (s.name === 'DOCKER_TLS_VERIFY' && /^(?:0|false|no|off)$/i.test(s.value.trim())) {
        report(
          s,
          `\`DOCKER_TLS_VERIFY: "${s.value}"\` is meant to skip verifying the Docker daemon's certificate (docker-compose v1 reads it so), while the docker CLI verifies whenever the variable is set at all; remove it and keep TLS verified (the \`docker\` image sets \`DOCKER_TLS_VERIFY=1\` itself when \`DOCKER_TLS_CERTDIR\` is set)`,
        );
      }
    }
    for (const { job, fresh } of jobsThenTemplates(ctx.doc)) {
      for (const service of job.services) {
        if (!fresh(service.node)) continue;
        for (const option of service.command) {
          if (typeof option.value !== 'string' || !TLS_OFF_OPTION.test(option.value)) continue;
          report(
            option,
            `\`${option.value}\` starts the Docker daemon of service \`${service.name?.value ?? '?'}\` without TLS, listening for anyone on the network; remove it and set \`DOCKER_TLS_CERTDIR: "/certs"\`, so dind makes certificates and listens on port 2376`,
          );
        }
      }
    }
  },
});

/**
 * `""` → `"/certs"`, and a `DOCKER_HOST` on port 2375 of the same `variables:` to 2376; none when
 * a job it applies to still expects a daemon without TLS (a service started with `--tls=false`, a
 * `DOCKER_HOST` on 2375 set elsewhere).
 */
function certdirFix(doc: GitlabCiDoc, s: DockerSetting, settings: readonly DockerSetting[]): Fix[] | undefined {
  const siblings = s.definition!.siblings;
  const fixes: Fix[] = [{ range: [s.span.start, s.span.end], text: '"/certs"' }];
  for (const sibling of siblings) {
    if (sibling.name !== 'DOCKER_HOST' || !sibling.value || sibling.text === undefined) continue;
    const host = parseDockerHost(sibling.text);
    if (host?.port !== '2375') continue;
    const span = locate(sibling.value.file, sibling.value.span, ':2375');
    if (span.end - span.start !== 5) return undefined;
    fixes.push({ range: [span.start + 1, span.end], text: '2376' });
  }
  const fixedHosts = new Set(siblings.filter((v) => v.name === 'DOCKER_HOST').map((v) => v.key));
  for (const job of s.jobs) {
    if (job.services.some((service) => service.command.some((c) => typeof c.value === 'string' && TLS_OFF_OPTION.test(c.value)))) return undefined;
    const v = jobVariable(doc, job, 'DOCKER_HOST');
    if (v?.text !== undefined && !fixedHosts.has(v.key) && parseDockerHost(v.text)?.port === '2375') return undefined;
    if (settings.some((o) => o.form !== 'variable' && o.name === 'DOCKER_HOST' && o.jobs.includes(job) && /:2375\b/.test(o.value))) return undefined;
  }
  return fixes;
}
