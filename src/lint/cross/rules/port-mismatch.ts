import type { ProjectDoc } from '../../engine/project.js';
import { defineRule } from '../../engine/types.js';
import { descriptorOf, descriptorPlace } from '../support/descriptor.js';
import { projectDockerfiles } from '../support/dockerfiles.js';
import { composeSites, dockerfilePorts, mappingSites, type PortSite } from '../support/ports.js';
import { at } from '../support/where.js';

export default defineRule<ProjectDoc>({
  meta: {
    id: 'project/port-mismatch',
    kind: 'project',
    severity: 'warning',
    description:
      'The application port differs between slipway.yaml (`app.port`), the Dockerfile\'s `EXPOSE`, the port its `HEALTHCHECK` probes, and the container side of port mappings (`docker run -p` in CI and Makefile, compose `ports:`).',
    rationale:
      'A port changed in one place and not the others gives a container that is reported unhealthy and restarted in a ' +
      'loop, or a deployment that publishes a port nothing listens on — both only visible after the deploy. The ' +
      'reference is `app.port` in slipway.yaml when it is set, else the ports the project\'s Dockerfiles expose (those at ' +
      'the root, or that the CI or a compose service builds; other exposed ports, such as a metrics port, are fine). ' +
      'Only mappings of the project\'s own image are compared: an ' +
      'image given by a variable, an image the CI or Makefile builds, or a compose service with `build:` or a ' +
      'variable image; a database service run beside it is left alone. Ports in variables slipway cannot resolve are skipped.',
    howToFix:
      'Use the same container port everywhere; only the host side of a mapping (`-p 8080:8000`) may differ. In a ' +
      'slipway project, change `app.port` in slipway.yaml and run `slipway generate`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          filename: 'Dockerfile',
          code: 'FROM python:3.12-slim\nEXPOSE 8000\nHEALTHCHECK CMD curl -fsS http://localhost:8080/health || exit 1\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
          note: 'The health check probes a port the app does not listen on.',
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'deploy:\n  script:\n    - docker run -d --name app -p 80:8080 "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"\n',
          files: { Dockerfile: 'FROM python:3.12-slim\nEXPOSE 8000\n' },
        },
        {
          filename: 'Dockerfile',
          code: 'FROM python:3.12-slim\nEXPOSE 8080\n',
          files: { 'slipway.yaml': 'name: app\nextends: python-flask\napp:\n  port: 8000\n' },
        },
      ],
      good: [
        {
          filename: '.gitlab-ci.yml',
          code: 'deploy:\n  script:\n    - docker run -d -p 5432:5432 postgres:16\n    - docker run -d -p 80:8000 --publish=9090:9090 "$IMAGE"\n',
          files: { Dockerfile: 'FROM python:3.12-slim\nEXPOSE 8000 9090\nHEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')"]\n' },
          note: 'The database is not the project\'s image; the host side of a mapping may differ.',
        },
        {
          filename: 'Dockerfile',
          code: 'FROM python:3.12-slim\nARG PORT=8000\nEXPOSE ${PORT}\nHEALTHCHECK CMD wget -qO- http://localhost:${PORT}/ || exit 1\n',
        },
      ],
    },
  },
  check(ctx) {
    const project = ctx.doc;
    const report = (site: PortSite, message: string) => ctx.report({ message, span: site.span, file: site.file });
    const dockerfiles = dockerfilePorts(project);
    const own = projectDockerfiles(project);
    const ownFiles = dockerfiles.filter((x) => own.has(x.file.path));
    const rootExposed = ownFiles.flatMap((x) => x.exposed);
    const d = descriptorOf(project);
    const appPort = d?.project.app.port;
    const mappings = [...mappingSites(project), ...composeSites(project)];

    if (d && appPort !== undefined) {
      const place = `\`app.port\` in ${descriptorPlace(d, ['app', 'port'])} is ${appPort}`;
      for (const df of ownFiles) {
        const first = df.exposed[0];
        if (first && !df.exposed.some((e) => e.port === appPort)) report(first, `the image exposes port ${listPorts(df.exposed)}, but ${place}`);
        const listening = new Set([appPort, ...(df.exposed.some((e) => e.port === appPort) ? df.exposed.map((e) => e.port) : [])]);
        for (const probe of df.probed) if (!listening.has(probe.port)) report(probe, `the HEALTHCHECK probes port ${probe.port}, but ${place}`);
      }
      const allowed = new Set([appPort, ...(rootExposed.some((e) => e.port === appPort) ? rootExposed.map((e) => e.port) : [])]);
      for (const m of mappings) {
        if (!allowed.has(m.port)) report(m, `${m.what} maps container port ${m.port}, but ${place}`);
      }
      return;
    }

    for (const df of dockerfiles) {
      const first = df.exposed[0];
      if (!first) continue;
      for (const probe of df.probed) {
        if (!df.exposed.some((e) => e.port === probe.port)) report(probe, `the HEALTHCHECK probes port ${probe.port}, but the image exposes ${listPorts(df.exposed)} (${at(first)})`);
      }
    }
    const reference = rootExposed[0];
    if (!reference) return;
    for (const m of mappings) {
      if (!rootExposed.some((e) => e.port === m.port)) {
        report(m, `${m.what} maps container port ${m.port}, but the image exposes ${listPorts(rootExposed)} (${at(reference)})`);
      }
    }
  },
});

function listPorts(sites: readonly PortSite[]): string {
  return [...new Set(sites.map((s) => s.port))].join(', ');
}
