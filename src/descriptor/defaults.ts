import { DEFAULT_PYTHON_VERSION } from './python-versions.js';

/**
 * Every default slipway fills in. The schema's `default` annotations and docs/descriptor.md are
 * taken from here, so the documentation cannot drift from what the loader does.
 */
export const DEFAULTS = {
  language: 'python',
  runtime: { version: DEFAULT_PYTHON_VERSION },
  image: {
    variant: 'slim',
    layering: 'single',
    user: { name: 'app', uid: 10001 },
    workdir: '/app',
    copy: ['.'],
  },
  app: {
    kind: 'service',
    /** Where a `cli` program starts and users mount their files. */
    workdir: '/work',
    healthcheck: { path: '/', interval: '30s', timeout: '5s', startPeriod: '10s', retries: 3 },
  },
  test: { command: ['python', '-m', 'pytest'] },
  /** What differs for Node.js projects. */
  node: {
    packageManager: 'npm',
    buildOutput: ['dist'],
    ignoreScripts: false,
    runtime: 'node',
    user: { name: 'node', uid: 1000 },
  },
  /** What differs for Go projects. */
  go: {
    main: '.',
    layering: 'builder',
    runtime: 'distroless',
    user: { name: 'nonroot', uid: 65532 },
    test: ['go', 'test', '-race', './...'],
    lint: ['go', 'vet', './...'],
  },
  ci: {
    defaultBranch: 'main',
    registryImage: '$CI_REGISTRY_IMAGE',
    dockerVersion: '28.5',
    cacheFrom: true,
    integrationTests: true,
    dist: false,
    slipway: { lint: false, check: false },
  },
  release: { latest: true, gitTag: true },
  deploy: {
    method: 'none',
    environment: { name: 'production' },
    manual: true,
    ssh: {
      hostVariable: 'DEPLOY_HOST',
      userVariable: 'DEPLOY_USER',
      keyVariable: 'SSH_PRIVATE_KEY',
      knownHostsVariable: 'SSH_KNOWN_HOSTS',
    },
    kubernetes: { namespace: 'default' },
    compose: { file: 'docker-compose.yml' },
  },
  lint: { failureThreshold: 'warning' },
} as const;
