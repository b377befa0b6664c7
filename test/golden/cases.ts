/**
 * The golden cases: every preset × image variant × layering, every bundled example, and a few
 * descriptors that switch on the features the presets leave off. Outputs live in
 * test/golden/<group>/<case>/ and are reviewed by eye: they are what users get.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPresets, resolveDescriptor } from '../../src/descriptor/index.js';
import type { Project } from '../../src/descriptor/model.js';

export const GOLDEN_ROOT = join(import.meta.dirname, '.');
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

export interface GoldenCase {
  /** Directory under test/golden holding the expected files. */
  dir: string;
  descriptor: string;
}

const VARIANTS = ['slim', 'alpine'] as const;
const LAYERINGS = ['single', 'builder', 'base-app'] as const;

const FEATURES: Record<string, string> = {
  // Offline and mirrored installs, a package project, system and build packages, Kubernetes.
  'alpine-builder-offline': `
name: offline-app
extends: python-flask
runtime:
  version: "3.13"
  matrix: ["3.12", "3.13"]
image:
  variant: alpine
  layering: builder
  systemPackages: [libpq]
  buildPackages: [gcc, musl-dev, postgresql-dev]
  timezone: Europe/Zurich
  env:
    GREETING: "Hello, world: it's $HOME & \\"you\\""
    WORKERS: 4
  dockerignore: ["*.log", "notes/"]
python:
  pyproject: pyproject.toml
  indexUrl: https://pypi.example.com/simple
  wheelsDir: wheels
ci:
  dist: true
  notify:
    webhookVariable: FAILURE_WEBHOOK_URL
deploy:
  method: kubernetes
  environment:
    name: production
    url: https://offline.example.com
  kubernetes:
    namespace: web
    deployment: offline-app
    container: app
    kubeconfigVariable: KUBECONFIG_FILE
`,
  // A worker: no port, no health check, no lint, no integration tests, no cache, tests and build only.
  'worker-minimal': `
name: queue-worker
language: python
python:
  requirements: requirements.txt
app:
  command: ["python", "-m", "worker"]
test:
  command: ["python", "-m", "unittest", "discover", "-s", "tests"]
image:
  copy: ["worker/", "requirements.txt"]
ci:
  cacheFrom: false
  integrationTests: false
  stages: [test, build]
`,
  // base-app with build packages that are purged, a custom SSH command and a non-main branch.
  'base-app-ssh-custom': `
name: legacy-api
language: python
python:
  requirements: requirements.txt
  devRequirements: requirements-dev.txt
image:
  layering: base-app
  systemPackages: [libpq5]
  buildPackages: [gcc, libpq-dev]
  user: { name: svc, uid: 20000, gid: 20001 }
  workdir: /srv/api
app:
  command: ["python", "-m", "legacy.server", "--port=8888"]
  port: 8888
  healthcheck:
    command: ["python", "-c", "import socket; socket.create_connection(('127.0.0.1', 8888), 2)"]
ci:
  defaultBranch: trunk
release:
  latest: false
deploy:
  method: ssh
  manual: false
  environment:
    name: prod/eu
  ssh:
    hostVariable: API_HOST
    userVariable: API_USER
    keyVariable: API_SSH_KEY
    knownHostsVariable: API_KNOWN_HOSTS
    command: "cd /srv/legacy && ./deploy.sh \\"$DEPLOY_IMAGE\\""
`,
};

export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const preset of listPresets()) {
    for (const variant of VARIANTS) {
      for (const layering of LAYERINGS) {
        cases.push({
          dir: `presets/${preset}/${variant}-${layering}`,
          descriptor: `name: ${preset.replace(/^python-/, '')}-app\nextends: ${preset}\nimage:\n  variant: ${variant}\n  layering: ${layering}\n`,
        });
      }
    }
  }
  for (const example of readdirSync(EXAMPLES, { withFileTypes: true })) {
    if (!example.isDirectory()) continue;
    cases.push({ dir: `examples/${example.name}`, descriptor: readFileSync(join(EXAMPLES, example.name, 'slipway.yaml'), 'utf8') });
  }
  for (const [name, descriptor] of Object.entries(FEATURES)) cases.push({ dir: `features/${name}`, descriptor });
  return cases;
}

/** The case's Project, resolved the way `slipway generate` resolves it (with a fixed date). */
export function caseProject(c: GoldenCase): Project {
  return resolveDescriptor(c.descriptor, 'slipway.yaml', { today: new Date('2026-06-01') });
}
