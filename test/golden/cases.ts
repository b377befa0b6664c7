/**
 * The golden cases: every preset × image variant × layering (or Go runtime), every bundled example, and a few
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
  /** The descriptor's path in the project, when it is not slipway.yaml. */
  file?: string;
}

const VARIANTS = ['slim', 'alpine'] as const;
const LAYERINGS = ['single', 'builder', 'base-app'] as const;
const GO_RUNTIMES = ['distroless', 'scratch', 'alpine'] as const;

/**
 * The image settings each preset is generated with: variant × layering, except where the
 * language fixes one (node-vite is a builder served by nginx; Go is always a builder, with a choice
 * of runtime image instead).
 */
function presetAxes(preset: string): { dir: string; image: string }[] {
  if (preset.startsWith('go-')) {
    return VARIANTS.flatMap((variant) => GO_RUNTIMES.map((runtime) => ({ dir: `${variant}-${runtime}`, image: `  variant: ${variant}\n  runtime: ${runtime}\n` })));
  }
  const layerings = preset === 'node-vite' ? (['builder'] as const) : LAYERINGS;
  return VARIANTS.flatMap((variant) => layerings.map((layering) => ({ dir: `${variant}-${layering}`, image: `  variant: ${variant}\n  layering: ${layering}\n` })));
}

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
  // Node.js with pnpm, a build and native modules (build packages), a registry mirror, a time zone,
  // system packages, its own user, and a Kubernetes deploy.
  'node-pnpm-builder': `
name: pnpm-app
language: node
runtime:
  version: "24"
  matrix: ["22", "24"]
image:
  variant: alpine
  layering: builder
  systemPackages: [libstdc++]
  buildPackages: [python3, make, g++]
  timezone: Europe/Zurich
  user: { name: web, uid: 10001 }
  env:
    LOG_LEVEL: info
node:
  packageManager: pnpm
  buildScript: build
  buildOutput: [dist, public/assets]
  registry: https://npm.example.com/
app:
  command: ["node", "dist/server.js"]
  port: 3000
test:
  lint: ["pnpm", "run", "lint"]
ci:
  notify:
    webhookVariable: FAILURE_WEBHOOK_URL
deploy:
  method: kubernetes
  kubernetes:
    namespace: shop
`,
  // Node.js with Yarn, built in one stage and pruned; no integration tests, no cache, no release.
  'node-yarn-single-build': `
name: yarn-app
language: node
image:
  buildPackages: [python3, make, g++]
node:
  packageManager: yarn
  buildScript: compile
  buildOutput: [lib]
app:
  command: ["node", "lib/index.js"]
  port: 8080
  healthcheck:
    path: /healthz
ci:
  cacheFrom: false
  integrationTests: false
release:
  latest: false
  gitTag: false
`,
  // A Node.js worker on base-app: no port, no health check.
  'node-worker-base-app': `
name: node-worker
language: node
image:
  layering: base-app
  variant: alpine
app:
  command: ["node", "worker.js"]
`,
  // Go on scratch with a time zone (embedded tzdata), a module proxy, build packages on the alpine
  // golang image, a main package under cmd/, its own program name, and an SSH deploy.
  'go-scratch-tz': `
name: clock
language: go
runtime:
  version: "1.27"
  matrix: ["1.26", "1.27"]
image:
  variant: alpine
  runtime: scratch
  buildPackages: [git]
  timezone: Europe/Zurich
  env:
    GREETING: "Hello, $USER"
go:
  main: ./cmd/clock/
  binary: clockd
  proxy: https://goproxy.example.com
app:
  port: 9000
  healthcheck:
    command: ["/usr/local/bin/clockd", "-probe"]
test:
  lint: false
deploy:
  method: ssh
`,
  // Go on alpine: the HTTP health check runs busybox wget; system packages; no port-less surprises.
  'go-alpine-runtime': `
name: api
language: go
image:
  runtime: alpine
  systemPackages: [curl]
  user: { name: api, uid: 20000 }
app:
  port: 8080
  healthcheck:
    path: /health
ci:
  stages: [test, build]
`,
  // A Python command-line program with development requirements (its integration test replaces the
  // entrypoint), and both slipway jobs at a pinned release.
  'python-cli-slipway': `
name: csv-tool
language: python
python:
  requirements: requirements.txt
  devRequirements: requirements-dev.txt
app:
  kind: cli
  command: ["python", "/app/csvtool.py"]
  args: ["--help"]
ci:
  slipway:
    lint: true
    check: true
    version: "0.1.0"
`,
  // A Go command-line program (its program is the entrypoint) in the test and build stages, linted by slipway.
  'go-cli-lint': `
name: gitstat
language: go
app:
  kind: cli
  workdir: /repo
ci:
  stages: [test, build]
  slipway:
    lint: true
`,
  // A Node.js command-line program built with Yarn in a builder, installed without lifecycle
  // scripts, from a descriptor that is not slipway.yaml (the check job names it).
  'node-cli-yarn-scripts': `
name: yarn-cli
language: node
image:
  layering: builder
node:
  packageManager: yarn
  buildScript: build
  ignoreScripts: true
app:
  kind: cli
  command: ["node", "/app/dist/cli.js"]
ci:
  slipway:
    check: true
`,
};

/** Feature cases whose descriptor is not slipway.yaml. */
const FEATURE_FILES: Record<string, string> = { 'node-cli-yarn-scripts': 'ci/yarn-cli.slipway.yaml' };

export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const preset of listPresets()) {
    for (const { dir, image } of presetAxes(preset)) {
      cases.push({
        dir: `presets/${preset}/${dir}`,
        descriptor: `name: ${preset.replace(/^(python|node|go)-/, '')}-app\nextends: ${preset}\nimage:\n${image}`,
      });
    }
  }
  for (const example of readdirSync(EXAMPLES, { withFileTypes: true })) {
    if (!example.isDirectory()) continue;
    cases.push({ dir: `examples/${example.name}`, descriptor: readFileSync(join(EXAMPLES, example.name, 'slipway.yaml'), 'utf8') });
  }
  for (const [name, descriptor] of Object.entries(FEATURES)) {
    cases.push({ dir: `features/${name}`, descriptor, ...(FEATURE_FILES[name] ? { file: FEATURE_FILES[name] } : {}) });
  }
  return cases;
}

/** The case's Project, resolved the way `slipway generate` resolves it (with a fixed date). */
export function caseProject(c: GoldenCase): Project {
  return resolveDescriptor(c.descriptor, c.file ?? 'slipway.yaml', { today: new Date('2026-11-23') });
}
