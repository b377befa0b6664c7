/**
 * The JSON Schema (draft 2020-12) of slipway.yaml. Every property has a description: the schema
 * is also the reference documentation (docs/descriptor.md is rendered from it) and what editors
 * show on hover. Defaults come from DEFAULTS so the documented and applied values are the same.
 */
import type { JsonSchema } from './json-schema.js';
import { DEFAULTS } from './defaults.js';
import { VERSIONS_CHECKED, DEFAULT_VERSIONS } from './runtime-versions.js';

export const SCHEMA_ID = 'https://unpkg.com/slipway/schema/slipway.schema.json';
export const LINT_SCHEMA_ID = 'https://unpkg.com/slipway/schema/slipway-lint.schema.json';

const VARIABLE_NAME = '^[A-Z_][A-Z0-9_]*$';

/** A relative path that stays inside the project: no leading `/` or drive, no `..`, no backslash. */
const INSIDE_PROJECT = {
  pattern: '^(?!/)(?![A-Za-z]:)(?!.*\\\\)(?!(.*/)?\\.\\.(/|$))[^\\n\\r\\u0000]+$',
  patternErrorMessage: 'must be a relative path inside the project (no leading /, no .., / as separator)',
};

const definitions: Record<string, JsonSchema> = {
  variableName: {
    type: 'string',
    pattern: VARIABLE_NAME,
    patternErrorMessage:
      'must be the NAME of a CI/CD variable (upper-case letters, digits and _), not its value: keep the value in GitLab\'s CI/CD settings',
  },
  relativePath: {
    type: 'string',
    minLength: 1,
    ...INSIDE_PROJECT,
  },
  optionalFile: {
    type: ['string', 'boolean'],
    minLength: 1,
    ...INSIDE_PROJECT,
  },
  command: {
    type: 'array',
    minItems: 1,
    items: { type: 'string', minLength: 1, description: 'One argument.' },
  },
  duration: {
    type: 'string',
    pattern: '^([0-9]+(ms|s|m|h))+$',
    patternErrorMessage: 'must be a Docker duration such as 30s, 1m30s or 500ms',
  },
  runtimeVersion: {
    type: 'string',
    pattern: '^[0-9]+(\\.[0-9]+)?$',
    patternErrorMessage: 'must be a version in quotes: "3.N" for Python (e.g. "3.13"), the major for Node.js (e.g. "24"), "1.N" for Go (e.g. "1.27")',
  },
  packageName: {
    type: 'string',
    pattern: '^[a-z0-9][a-z0-9+._-]*([=~][A-Za-z0-9+.:~_-]+)?$',
    patternErrorMessage: 'must be a Debian or Alpine package name, optionally pinned (name=version)',
  },
  k8sName: {
    type: 'string',
    pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$',
    patternErrorMessage: 'must be a Kubernetes name (lower-case letters, digits and -, at most 63 characters)',
  },
};

const severityOverride: JsonSchema = {
  type: 'string',
  enum: ['off', 'error', 'warning', 'info', 'style'],
  description: 'The severity the rule reports with, or `off` to disable it.',
};

/** The `lint:` section; also the top level of a `.slipway.yaml` file. */
const lintSettings: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    'Configuration of `slipway lint` for this repository. The same keys may instead be the top level of a `.slipway.yaml` file.',
  properties: {
    failureThreshold: {
      type: 'string',
      enum: ['error', 'warning', 'info', 'style', 'none'],
      default: DEFAULTS.lint.failureThreshold,
      description:
        'The least severe finding that makes `slipway lint` exit with status 1; `none` never fails on findings. `--failure-threshold` overrides it.',
    },
    rules: {
      type: 'object',
      description:
        'Severity overrides by rule id (e.g. `dockerfile/apt-pin-versions`) or by hadolint code (e.g. `DL3008`): `off`, `error`, `warning`, `info` or `style`.',
      propertyNames: {
        pattern: '^[A-Za-z][A-Za-z0-9-]*(/[a-z0-9*][a-z0-9*-]*)?$',
        patternErrorMessage: 'must be a rule id such as dockerfile/apt-pin-versions or a hadolint code such as DL3008',
      },
      additionalProperties: severityOverride,
    },
    ignore: {
      type: 'array',
      description: 'Rules switched off for some paths.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['paths'],
        description: 'One ignore entry.',
        properties: {
          paths: {
            type: 'array',
            minItems: 1,
            items: { type: 'string', minLength: 1, description: 'A gitignore-style glob, relative to the repository root.' },
            description: 'Paths the entry applies to (gitignore-style globs such as `legacy/**`).',
          },
          rules: {
            type: 'array',
            minItems: 1,
            items: { type: 'string', minLength: 1, description: 'A rule id, a `kind/*` wildcard or a hadolint code.' },
            description: 'Rule ids, `kind/*` wildcards or hadolint codes to ignore there; omitted means every rule.',
          },
        },
      },
    },
    trustedRegistries: {
      type: 'array',
      uniqueItems: true,
      items: {
        type: 'string',
        pattern: '^(\\*|(\\*\\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(\\.?\\*)?)$',
        patternErrorMessage: 'must be a registry host name, optionally with a port (registry.example.com:5000), or a wildcard as hadolint takes them (`*`, `*.example.com`, `registry.example.*`)',
        description: 'A registry host name.',
      },
      description:
        'Registries base images may come from; when set, `FROM` of any other registry is reported (hadolint DL3026). Docker Hub is `docker.io`.',
    },
    labelSchema: {
      type: 'object',
      description: 'Labels every image must carry, with the type of their value (hadolint DL3049–DL3058).',
      propertyNames: { minLength: 1 },
      additionalProperties: {
        type: 'string',
        enum: ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'],
        description: 'The type the label value must have.',
      },
    },
    strictLabels: {
      type: 'boolean',
      default: false,
      description: 'Also report labels that are not listed in `labelSchema`.',
    },
  },
};

const sshVariables: Record<string, JsonSchema> = {
  hostVariable: {
    $ref: '#/$defs/variableName',
    default: DEFAULTS.deploy.ssh.hostVariable,
    description: 'CI/CD variable holding the host name to deploy to.',
  },
  userVariable: {
    $ref: '#/$defs/variableName',
    default: DEFAULTS.deploy.ssh.userVariable,
    description: 'CI/CD variable holding the SSH user name.',
  },
  keyVariable: {
    $ref: '#/$defs/variableName',
    default: DEFAULTS.deploy.ssh.keyVariable,
    description: 'CI/CD variable (masked, protected) holding the SSH private key.',
  },
  knownHostsVariable: {
    $ref: '#/$defs/variableName',
    default: DEFAULTS.deploy.ssh.knownHostsVariable,
    description: 'CI/CD variable holding the `known_hosts` line(s) of the host, so the host key is verified.',
  },
};

export const descriptorSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: SCHEMA_ID,
  title: 'slipway.yaml',
  description:
    'The slipway descriptor: what the project is and how it is tested, built, released and deployed. `slipway generate` turns it into the Dockerfile, .gitlab-ci.yml, Makefile, tox.ini and .dockerignore.',
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  // Without a preset, the language and the start command must be given here.
  // Without a preset, the language and (except for Go, whose program is the one it builds) the start
  // command must be given here.
  if: { not: { required: ['extends'] } },
  then: {
    required: ['language'],
    if: { properties: { language: { const: 'go' } } },
    else: { required: ['app'], properties: { app: { required: ['command'] } } },
  },
  properties: {
    name: {
      type: 'string',
      pattern: '^[a-z][a-z0-9-]*$',
      maxLength: 63,
      patternErrorMessage: 'must start with a lower-case letter and contain only lower-case letters, digits and -',
      description: 'Project name: lower-case letters, digits and `-`. Names the image and its labels.',
      examples: ['hello-tornado'],
    },
    extends: {
      type: 'string',
      pattern: '^[a-z][a-z0-9-]*$',
      patternErrorMessage: 'must be a preset name such as python-tornado',
      description:
        'A preset (`presets/<name>.yaml` in slipway) merged under this file: keys given here win, lists replace the preset\'s. Bundled: python-tornado, python-flask, python-fastapi, node-express, node-vite, node-cli, go-http.',
      examples: ['python-flask'],
    },
    language: {
      type: 'string',
      enum: ['python', 'node', 'go'],
      description: 'The application\'s language: `python`, `node` (Node.js) or `go`. Required unless the preset sets it.',
    },
    runtime: {
      type: 'object',
      additionalProperties: false,
      description: `Language runtime. Versions past their end of life are refused for the image and warned about in the matrix (release tables checked ${VERSIONS_CHECKED.python} for Python, ${VERSIONS_CHECKED.node} for Node.js and Go).`,
      properties: {
        version: {
          $ref: '#/$defs/runtimeVersion',
          description: `Runtime version of the image, quoted: Python \`"3.N"\` (\`python:<version>-slim-bookworm\`, default "${DEFAULT_VERSIONS.python}"), Node.js major \`"24"\` (\`node:<version>-bookworm-slim\`, default "${DEFAULT_VERSIONS.node}"), Go \`"1.N"\` (\`golang:<version>\` build stage, default "${DEFAULT_VERSIONS.go}").`,
        },
        matrix: {
          type: 'array',
          uniqueItems: true,
          items: { $ref: '#/$defs/runtimeVersion', description: 'A version of the language, written like `version`.' },
          description: 'Versions the unit tests run on in CI (and in tox for Python; Go vets on each too). `version` is always added. Default: only `version`.',
          examples: [['3.12', '3.13']],
        },
      },
    },
    image: {
      type: 'object',
      additionalProperties: false,
      description: 'The container image.',
      properties: {
        variant: {
          type: 'string',
          enum: ['slim', 'alpine'],
          default: DEFAULTS.image.variant,
          description:
            'Base image flavour: `slim` (Debian bookworm, glibc) or `alpine` (musl; Python wheels may need building). For Go it is the build stage\'s `golang` image; the runtime stage is `runtime`.',
        },
        layering: {
          type: 'string',
          enum: ['single', 'builder', 'base-app'],
          description:
            '`single`: one stage. `builder`: dependencies (Python wheels, Node.js build, Go program) built in a build stage, only what runs copied into a clean runtime stage, plus a `test` stage. `base-app`: a base image with the runtime and dependencies (`Dockerfile.base`, rebuilt only when they change) and a thin app image on top. Default: `single` for Python and Node.js; Go supports only `builder` (its default).',
        },
        runtime: {
          type: 'string',
          enum: ['node', 'nginx', 'distroless', 'scratch', 'alpine'],
          description:
            'Base of the image\'s last stage. Node.js: `node` (default) or `nginx` (a static site: the build output served by nginx-unprivileged; needs `builder` and `node.buildScript`). Go: `distroless` (default, `gcr.io/distroless/static-debian12:nonroot`: CA certificates, tzdata, no shell), `scratch` (nothing but the program and CA certificates) or `alpine` (a shell and busybox for debugging); with `image.timezone`, scratch and alpine get the time zone database embedded in the program (`-tags timetzdata`). Not used for Python.',
        },
        systemPackages: {
          type: 'array',
          uniqueItems: true,
          items: { $ref: '#/$defs/packageName', description: 'A package name.' },
          description: 'OS packages installed in the runtime image (apt on slim, apk on alpine).',
          examples: [['libpq5']],
        },
        buildPackages: {
          type: 'array',
          uniqueItems: true,
          items: { $ref: '#/$defs/packageName', description: 'A package name.' },
          description: 'OS packages needed only while installing dependencies (compilers, headers); they do not stay in the runtime image.',
          examples: [['gcc', 'libpq-dev']],
        },
        timezone: {
          type: 'string',
          description: 'IANA time zone of the container (`TZ`), e.g. `Europe/Zurich`. Default: UTC.',
          examples: ['Europe/Zurich'],
        },
        env: {
          type: 'object',
          description: 'Non-secret environment variables baked into the image. Secrets are refused: pass them at run time.',
          propertyNames: {
            pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
            patternErrorMessage: 'must be an environment variable name (letters, digits and _, not starting with a digit)',
          },
          additionalProperties: {
            type: ['string', 'number', 'boolean'],
            description: 'The value (numbers and booleans are written as text).',
          },
          examples: [{ APP_ENV: 'production' }],
        },
        user: {
          type: 'object',
          additionalProperties: false,
          description: 'The non-root user the application runs as.',
          properties: {
            name: {
              type: 'string',
              pattern: '^[a-z_][a-z0-9_-]*$',
              maxLength: 32,
              patternErrorMessage: 'must be a user name (lower-case letters, digits, _ and -)',
              description: 'User name. Default: `app` (Python), the image\'s `node` user (Node.js), `nonroot` (Go, distroless\'s user).',
            },
            uid: {
              type: 'integer',
              minimum: 1,
              maximum: 2147483647,
              description: 'Fixed numeric user id (not 0: the app never runs as root). Default: 10001 (Python), 1000 (Node.js), 65532 (Go).',
            },
            gid: {
              type: 'integer',
              minimum: 1,
              maximum: 2147483647,
              description: 'Numeric group id. Default: the same as `uid`.',
            },
          },
        },
        workdir: {
          type: 'string',
          pattern: '^/[^\\n\\r\\u0000]*$',
          patternErrorMessage: 'must be an absolute path in the image, e.g. /app',
          default: DEFAULTS.image.workdir,
          description: 'Working directory in the image, where the code is copied.',
        },
        copy: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { $ref: '#/$defs/relativePath', description: 'A file or directory of the project.' },
          default: DEFAULTS.image.copy,
          description:
            'Application files and directories copied into the image, after the dependencies are installed. Default: the whole build context, filtered by .dockerignore.',
          examples: [['app.py', 'hello/']],
        },
        dockerignore: {
          type: 'array',
          uniqueItems: true,
          items: { type: 'string', minLength: 1, description: 'A .dockerignore pattern.' },
          description: 'Extra `.dockerignore` patterns, added to the language defaults (.git, caches, virtualenvs…).',
          examples: [['*.log']],
        },
      },
    },
    python: {
      type: 'object',
      additionalProperties: false,
      description: 'Python dependency installation (only with `language: python`).',
      properties: {
        requirements: {
          $ref: '#/$defs/optionalFile',
          description: 'Runtime requirements file, installed in the image. Default: none. `false` removes a preset\'s.',
          examples: ['requirements.txt'],
        },
        devRequirements: {
          $ref: '#/$defs/optionalFile',
          description: 'Test and lint requirements file, installed for the test and lint jobs. Default: none. `false` removes a preset\'s.',
          examples: ['requirements-dev.txt'],
        },
        pyproject: {
          $ref: '#/$defs/optionalFile',
          description: 'pyproject.toml of a project installed as a package (`pip install .`). Default: none. `false` removes a preset\'s.',
          examples: ['pyproject.toml'],
        },
        indexUrl: {
          type: 'string',
          pattern: '^https://[^\\s@/]+(/[^\\s]*)?$',
          patternErrorMessage: 'must be an https:// URL without credentials',
          description:
            'A package-index mirror (`PIP_INDEX_URL`). https only and without credentials: give a private index its token through a CI/CD variable.',
          examples: ['https://pypi.example.com/simple'],
        },
        wheelsDir: {
          $ref: '#/$defs/relativePath',
          description: 'A directory of pre-downloaded wheels; pip then installs offline from it (`--no-index --find-links`).',
          examples: ['wheels'],
        },
      },
    },
    node: {
      type: 'object',
      additionalProperties: false,
      description: 'Node.js dependency installation and build (only with `language: node`).',
      properties: {
        packageManager: {
          type: 'string',
          enum: ['npm', 'pnpm', 'yarn'],
          default: DEFAULTS.node.packageManager,
          description:
            'The package manager, whose lockfile must be committed: `npm` (package-lock.json, `npm ci`), `pnpm` (pnpm-lock.yaml, `pnpm install --frozen-lockfile`) or `yarn` (yarn.lock, Yarn 2+ `yarn install --immutable`). pnpm and Yarn come from corepack, at the version package.json\'s `packageManager` names. `slipway init` detects it from the lockfile.',
        },
        buildScript: {
          type: ['string', 'boolean'],
          pattern: '^[A-Za-z0-9][A-Za-z0-9:._-]*$',
          patternErrorMessage: 'must be the name of a package.json script, such as build',
          description:
            'The package.json script that builds the application (`npm run <script>`), run with the development dependencies before the production image is assembled. Default: no build. `false` removes a preset\'s.',
          examples: ['build'],
        },
        buildOutput: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { $ref: '#/$defs/relativePath', description: 'A directory or file the build writes.' },
          default: DEFAULTS.node.buildOutput,
          description: 'What the build writes (`builder` copies it from the build stage into the runtime image; `image.runtime: nginx` serves the first entry).',
          examples: [['dist']],
        },
        registry: {
          type: 'string',
          pattern: '^https://[^\\s@/]+(/[^\\s]*)?$',
          patternErrorMessage: 'must be an https:// URL without credentials',
          description:
            'An npm registry mirror (`NPM_CONFIG_REGISTRY`). https only and without credentials: give a private registry its token through a CI/CD variable.',
          examples: ['https://npm.example.com/'],
        },
        ignoreScripts: {
          type: 'boolean',
          default: DEFAULTS.node.ignoreScripts,
          description:
            'Install the dependencies in the image without running lifecycle scripts (`--ignore-scripts`; Yarn: `enableScripts` off): the package\'s own `prepare`/`postinstall`, which cannot run while only package.json and the lockfile are copied (a `prepare` that builds fails there), and the dependencies\' install scripts (native modules then need prebuilt binaries or WASM). `node.buildScript` still runs. CI and `make install` are not affected.',
        },
      },
    },
    go: {
      type: 'object',
      additionalProperties: false,
      description: 'Go build (only with `language: go`).',
      properties: {
        main: {
          type: 'string',
          minLength: 1,
          ...INSIDE_PROJECT,
          default: DEFAULTS.go.main,
          description: 'Directory of the `main` package, relative to the module root (go.mod): `.` or e.g. `cmd/server`.',
          examples: ['cmd/server'],
        },
        binary: {
          type: 'string',
          pattern: '^[a-z0-9][a-z0-9._-]*$',
          patternErrorMessage: 'must be a program name (lower-case letters, digits, ., _ and -)',
          description: 'Name of the compiled program, installed as `/usr/local/bin/<binary>`; `app.command` defaults to it. Default: the project `name`.',
          examples: ['server'],
        },
        proxy: {
          type: 'string',
          pattern: '^https://[^\\s@/]+(/[^\\s]*)?$',
          patternErrorMessage: 'must be an https:// URL without credentials',
          description: 'A Go module proxy mirror (`GOPROXY`), used while building. https only and without credentials.',
          examples: ['https://goproxy.example.com'],
        },
      },
    },
    app: {
      type: 'object',
      additionalProperties: false,
      description: 'How the application runs.',
      properties: {
        kind: {
          type: 'string',
          enum: ['service', 'cli'],
          default: DEFAULTS.app.kind,
          description:
            '`service`: a long-running process (an HTTP service, or a worker without `port`) that `command` starts (`CMD`). `cli`: a command-line program people run on their own files, `docker run --rm -v "$PWD:/work" <image> <arguments>`: `command` is the `ENTRYPOINT`, `args` its default arguments (`CMD`), the program starts in `app.workdir` where the files are mounted, and there is no port and no health check.',
        },
        command: {
          $ref: '#/$defs/command',
          description:
            'The command that starts the application, in exec form (a list: no shell is involved). Required for Python and Node.js; for Go it defaults to the compiled program. With `kind: cli` it runs in `app.workdir`, so a script is named by its path in the image (`["node", "/app/cli.js"]`).',
          examples: [['python', 'app.py']],
        },
        args: {
          type: 'array',
          items: { type: 'string', minLength: 1, description: 'One argument.' },
          description: 'With `kind: cli`: the arguments the program gets when `docker run` gives none (`CMD`). Default: none.',
          examples: [['--help']],
        },
        workdir: {
          type: 'string',
          pattern: '^/[^\\n\\r\\u0000]*$',
          patternErrorMessage: 'must be an absolute path in the image, e.g. /work',
          default: DEFAULTS.app.workdir,
          description:
            'With `kind: cli`: the directory the program starts in, where users mount the files it works on (`-v "$PWD:/work"`). Not `image.workdir`: a mount there would hide the program.',
        },
        port: {
          type: 'integer',
          minimum: 1,
          maximum: 65535,
          description: 'TCP port the application listens on (`EXPOSE`, health check). Omit for workers and with `kind: cli`.',
          examples: [8888],
        },
        healthcheck: {
          type: ['object', 'boolean'],
          additionalProperties: false,
          description:
            'Container health check. Default when `port` is set: an HTTP GET of `path` on the port (with Python, Node.js or busybox wget inside the image). Go\'s `distroless` and `scratch` images have no HTTP client: there the check is off unless `command` is given. `false` disables it; give `command` for a custom probe.',
          properties: {
            path: {
              type: 'string',
              pattern: '^/[A-Za-z0-9._~!$&\'()*+,;=:@%/?-]*$',
              patternErrorMessage: 'must be an URL path starting with /, e.g. /health',
              default: DEFAULTS.app.healthcheck.path,
              description: 'HTTP path probed on `port`; any status below 400 is healthy.',
            },
            command: {
              $ref: '#/$defs/command',
              description: 'A probe command in exec form, run inside the container instead of the HTTP probe.',
            },
            interval: {
              $ref: '#/$defs/duration',
              default: DEFAULTS.app.healthcheck.interval,
              description: 'Time between probes.',
            },
            timeout: {
              $ref: '#/$defs/duration',
              default: DEFAULTS.app.healthcheck.timeout,
              description: 'Time after which a probe counts as failed.',
            },
            startPeriod: {
              $ref: '#/$defs/duration',
              default: DEFAULTS.app.healthcheck.startPeriod,
              description: 'Start-up time during which failures do not count.',
            },
            retries: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
              default: DEFAULTS.app.healthcheck.retries,
              description: 'Consecutive failures before the container is unhealthy.',
            },
          },
        },
      },
    },
    test: {
      type: 'object',
      additionalProperties: false,
      description: 'How the tests and the linters run (from the project root, in CI and in the Makefile).',
      properties: {
        command: {
          $ref: '#/$defs/command',
          description:
            'Test command in exec form: pytest, `python -m unittest discover`, `python -m tornado.testing …`; `npm test`; `go test -race ./...`. Default: `python -m pytest`, `<package manager> test`, `go test -race ./...`.',
          examples: [['python', '-m', 'pytest']],
        },
        lint: {
          type: ['array', 'boolean'],
          minItems: 1,
          items: { type: 'string', minLength: 1, description: 'One argument.' },
          description:
            'Lint command in exec form (flake8, ruff, `npm run lint`, `go vet ./...`). Default: no lint job, except `go vet ./...` for Go. `false` removes a preset\'s (or Go\'s default).',
          examples: [['python', '-m', 'flake8']],
        },
      },
    },
    ci: {
      type: 'object',
      additionalProperties: false,
      description: 'The GitLab CI pipeline.',
      properties: {
        defaultBranch: {
          type: 'string',
          pattern: '^[A-Za-z0-9._/-]+$',
          patternErrorMessage: 'must be a branch name',
          default: DEFAULTS.ci.defaultBranch,
          description: 'The branch whose pipelines release and deploy.',
        },
        stages: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { type: 'string', enum: ['test', 'build', 'release', 'deploy'], description: 'A stage.' },
          description:
            'Stages the pipeline has, run in the order test, build, release, deploy. Default: test and build, release when `release` promotes anything, deploy when `deploy.method` is not none.',
        },
        registryImage: {
          type: 'string',
          pattern: '^[A-Za-z0-9${}._/:-]+$',
          patternErrorMessage: 'must be an image repository such as $CI_REGISTRY_IMAGE or registry.example.com/group/app',
          default: DEFAULTS.ci.registryImage,
          description: 'Image repository the pipeline pushes to.',
        },
        dockerVersion: {
          type: 'string',
          pattern: '^[0-9]+\\.[0-9]+(\\.[0-9]+)?$',
          patternErrorMessage: 'must be a Docker version such as "28.5" (quoted)',
          default: DEFAULTS.ci.dockerVersion,
          description: 'Pinned version of the `docker` and `docker:<version>-dind` images of the build jobs.',
        },
        cacheFrom: {
          type: 'boolean',
          default: DEFAULTS.ci.cacheFrom,
          description: 'Pull the last image and build with `--cache-from` it.',
        },
        integrationTests: {
          type: 'boolean',
          default: DEFAULTS.ci.integrationTests,
          description: 'Run the test command inside the built image before it is released (needs the build stage).',
        },
        dist: {
          type: 'boolean',
          default: DEFAULTS.ci.dist,
          description: 'Build sdist and wheel artifacts (`python -m build`); Python only, needs `python.pyproject`.',
        },
        slipway: {
          type: 'object',
          additionalProperties: false,
          description:
            'Jobs of the test stage that run slipway itself on the repository, with `npx` on a pinned Node.js image (any language: they need no Node.js project).',
          properties: {
            lint: {
              type: 'boolean',
              default: DEFAULTS.ci.slipway.lint,
              description:
                'A `slipway-lint` job: `slipway lint` on the whole repository (the generated files and every other Dockerfile, pipeline, Makefile and tox.ini; configured by the `lint:` section), publishing a GitLab Code Quality report (`artifacts: reports: codequality`) even when it fails.',
            },
            check: {
              type: 'boolean',
              default: DEFAULTS.ci.slipway.check,
              description: 'A `slipway-check` job: `slipway generate --check` fails the pipeline when a generated file is missing, stale or edited by hand.',
            },
            version: {
              type: 'string',
              pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$',
              patternErrorMessage: 'must be a slipway release such as "0.1.0" (quoted)',
              description: 'The slipway release the jobs run (`npx slipway@<version>`). Default: the version of slipway that generates the pipeline, so that `slipway-check` compares with what that version writes.',
              examples: ['0.1.0'],
            },
          },
        },
        notify: {
          type: 'object',
          additionalProperties: false,
          required: ['webhookVariable'],
          description: 'Notification when a pipeline on the default branch fails.',
          properties: {
            webhookVariable: {
              $ref: '#/$defs/variableName',
              description: 'CI/CD variable holding the webhook URL that is POSTed to on failure.',
              examples: ['FAILURE_WEBHOOK_URL'],
            },
          },
        },
      },
    },
    release: {
      type: 'object',
      additionalProperties: false,
      description: 'Promotion of the tested image (re-tagged, never rebuilt).',
      properties: {
        latest: {
          type: 'boolean',
          default: DEFAULTS.release.latest,
          description: 'Tag the tested image `latest` on the default branch.',
        },
        gitTag: {
          type: 'boolean',
          default: DEFAULTS.release.gitTag,
          description: 'Tag the tested image with the git tag on tag pipelines.',
        },
      },
    },
    deploy: {
      type: 'object',
      additionalProperties: false,
      description:
        'Deployment. Hosts and credentials are only ever CI/CD variable NAMES; the settings block of the chosen method is optional (its defaults apply), blocks of other methods are errors.',
      properties: {
        method: {
          type: 'string',
          enum: ['none', 'ssh', 'kubernetes', 'compose'],
          default: DEFAULTS.deploy.method,
          description: '`none`, `ssh` (docker run over SSH), `kubernetes` (kubectl set image) or `compose` (docker compose over SSH).',
        },
        environment: {
          type: 'object',
          additionalProperties: false,
          description: 'The GitLab environment of the deploy job.',
          properties: {
            name: {
              type: 'string',
              pattern: '^[A-Za-z0-9 _/${}.-]+$',
              patternErrorMessage: 'must be a GitLab environment name (letters, digits, spaces, -, _, /, $, {, })',
              default: DEFAULTS.deploy.environment.name,
              description: 'Environment name.',
            },
            url: {
              type: 'string',
              pattern: '^https?://[^\\s@]+$',
              patternErrorMessage: 'must be an http(s):// URL without credentials',
              description: 'URL shown in GitLab for the environment.',
              examples: ['https://hello.example.com'],
            },
          },
        },
        manual: {
          type: 'boolean',
          default: DEFAULTS.deploy.manual,
          description: 'Deploy only after someone starts the job in GitLab (`when: manual`).',
        },
        ssh: {
          type: 'object',
          additionalProperties: false,
          description: 'Settings of `method: ssh`.',
          properties: {
            ...sshVariables,
            command: {
              type: 'string',
              minLength: 1,
              description:
                'Command run on the host after the new image is pulled (shell). Default: replace the running container with the new image.',
            },
          },
        },
        kubernetes: {
          type: 'object',
          additionalProperties: false,
          description: 'Settings of `method: kubernetes`.',
          properties: {
            namespace: {
              $ref: '#/$defs/k8sName',
              default: DEFAULTS.deploy.kubernetes.namespace,
              description: 'Namespace of the deployment.',
            },
            deployment: { $ref: '#/$defs/k8sName', description: 'Deployment to update. Default: the project `name`.' },
            container: { $ref: '#/$defs/k8sName', description: 'Container of the deployment to update. Default: the project `name`.' },
            kubeconfigVariable: {
              $ref: '#/$defs/variableName',
              description: 'CI/CD file variable holding a kubeconfig. Omit when a GitLab agent for Kubernetes provides the context.',
            },
          },
        },
        compose: {
          type: 'object',
          additionalProperties: false,
          description: 'Settings of `method: compose`.',
          properties: {
            file: {
              $ref: '#/$defs/relativePath',
              default: DEFAULTS.deploy.compose.file,
              description: 'Compose file copied to the host.',
            },
            ...sshVariables,
          },
        },
      },
    },
    lint: lintSettings,
  },
  $defs: definitions,
};

/** Schema of a standalone `.slipway.yaml` lint configuration: the `lint:` keys at the top level. */
export const lintConfigSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: LINT_SCHEMA_ID,
  title: '.slipway.yaml',
  ...lintSettings,
};

/**
 * Schema of a preset: a descriptor with nothing required. (`name` and `extends` keep their shape
 * here so that a preset setting them gets the specific message of resolve.ts.)
 */
export const presetSchema: JsonSchema = (() => {
  const { if: _if, then: _then, required: _required, $id: _id, ...rest } = descriptorSchema;
  return { ...rest, title: 'slipway preset' };
})();
