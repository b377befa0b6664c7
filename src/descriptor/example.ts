/**
 * A descriptor using every key, shown at the top of docs/descriptor.md. A test resolves it, so
 * the documentation's example is always valid.
 */
export const FULL_EXAMPLE = `# yaml-language-server: $schema=https://unpkg.com/slipway/schema/slipway.schema.json
name: hello-tornado
extends: python-tornado
language: python
runtime: { version: "3.13", matrix: ["3.12", "3.13"] }
image:
  variant: slim
  layering: single
  systemPackages: [libpq5]
  buildPackages: [gcc, libpq-dev]
  timezone: Europe/Zurich
  env: { APP_ENV: production }
  user: { name: app, uid: 10001, gid: 10001 }
  workdir: /app
  copy: [app.py, hello/]
  dockerignore: ["*.log"]
python:
  requirements: requirements.txt
  devRequirements: requirements-dev.txt
  pyproject: pyproject.toml
  indexUrl: https://pypi.example.com/simple
  wheelsDir: wheels
app:
  command: ["python", "app.py"]
  port: 8888
  healthcheck: { path: /health, interval: 30s, timeout: 3s, startPeriod: 10s, retries: 3 }
test:
  command: ["python", "-m", "pytest"]
  lint: ["python", "-m", "flake8"]
ci:
  defaultBranch: main
  stages: [test, build, release, deploy]
  registryImage: $CI_REGISTRY_IMAGE
  dockerVersion: "28.5"
  cacheFrom: true
  integrationTests: true
  dist: true
  notify: { webhookVariable: FAILURE_WEBHOOK_URL }
release: { latest: true, gitTag: true }
deploy:
  method: ssh
  environment: { name: production, url: https://hello.example.com }
  manual: true
  ssh: { hostVariable: DEPLOY_HOST, userVariable: DEPLOY_USER, keyVariable: SSH_PRIVATE_KEY, knownHostsVariable: SSH_KNOWN_HOSTS }
lint:
  failureThreshold: warning
  rules: { dockerfile/apt-pin-versions: off, DL3008: off }
  ignore: [ { paths: ["legacy/**"], rules: ["dockerfile/*"] } ]
  trustedRegistries: [registry.example.com, docker.io]
  labelSchema: { maintainer: text }
  strictLabels: false
`;

/** A Node.js descriptor using every key of the `node` section (a Vite site served by nginx). */
export const NODE_EXAMPLE = `name: shop-front
language: node
runtime: { version: "24", matrix: ["22", "24"] }
image:
  variant: alpine
  layering: builder
  runtime: nginx
node:
  packageManager: pnpm
  buildScript: build
  buildOutput: [dist]
  registry: https://npm.example.com/
  ignoreScripts: false
app:
  command: ["nginx", "-g", "daemon off;"]
  port: 8080
test:
  command: ["pnpm", "test"]
  lint: ["pnpm", "run", "lint"]
`;

/** A command-line program (every key of \`app\` for \`kind: cli\`) whose pipeline runs slipway's own jobs. */
export const CLI_EXAMPLE = `name: repo-tool
extends: node-cli
image:
  layering: builder
node:
  buildScript: build
  ignoreScripts: true
app:
  kind: cli
  command: ["node", "/app/dist/cli.js"]
  args: ["--help"]
  workdir: /work
ci:
  slipway: { lint: true, check: true, version: "0.1.0" }
`;

/** A Go descriptor using every key of the \`go\` section (the program's own probe as health check). */
export const GO_EXAMPLE = `name: hello-go
language: go
runtime: { version: "1.27", matrix: ["1.26", "1.27"] }
image:
  runtime: distroless
go:
  main: cmd/server
  binary: server
  proxy: https://goproxy.example.com
app:
  port: 8080
  healthcheck: { command: ["/usr/local/bin/server", "-healthcheck"] }
`;
