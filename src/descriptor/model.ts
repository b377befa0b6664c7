/**
 * The resolved project model: slipway.yaml after preset merge, validation and defaults.
 * Generators read only this (never the raw YAML). Every field is filled in; optional
 * fields are optional because the feature is off, not because a default is missing.
 *
 * Flow: slipway.yaml (+ preset) → validate (schema + semantic checks) → Project → files.
 */

import type { LintConfig } from './lint-config.js';

export type Language = 'python' | 'node' | 'go';
export type ImageVariant = 'slim' | 'alpine';
/** The base of the image's last stage: Node.js or nginx for Node, distroless, scratch or alpine for Go. */
export type RuntimeImage = 'node' | 'nginx' | 'distroless' | 'scratch' | 'alpine';
export type NodePackageManager = 'npm' | 'pnpm' | 'yarn';
export type ImageLayering = 'single' | 'builder' | 'base-app';
export type DeployMethod = 'none' | 'ssh' | 'kubernetes' | 'compose';
export type Stage = 'test' | 'build' | 'release' | 'deploy';
/** A long-running service (CMD) or a command-line program run on mounted files (ENTRYPOINT). */
export type AppKind = 'service' | 'cli';

/**
 * The project, by language: the common settings of ProjectBase and the language's own section
 * (`python`, `node` or `go`). Generators switch on `language`.
 */
export type Project = PythonProject | NodeProject | GoProject;

export interface PythonProject extends ProjectBase {
  language: 'python';
  python: PythonSettings;
}

export interface NodeProject extends ProjectBase {
  language: 'node';
  node: NodeSettings;
}

export interface GoProject extends ProjectBase {
  language: 'go';
  go: GoSettings;
}

export interface PythonSettings {
  /** Runtime requirements file, e.g. requirements.txt (undefined: none). */
  requirements?: string;
  /** Dev/test requirements file, e.g. requirements-dev.txt (undefined: none). */
  devRequirements?: string;
  /** pyproject.toml path when the project is a package installed with `pip install .`. */
  pyproject?: string;
  /** A package-index mirror (PIP_INDEX_URL); must not contain credentials. */
  indexUrl?: string;
  /** A directory of pre-downloaded wheels used offline (`--no-index --find-links`). */
  wheelsDir?: string;
}

export interface NodeSettings {
  packageManager: NodePackageManager;
  /** The lockfile of the package manager (package-lock.json, pnpm-lock.yaml, yarn.lock). */
  lockfile: string;
  /** package.json script that builds the application (`npm run <script>`); undefined: no build. */
  buildScript?: string;
  /** Directories (or files) the build writes, copied from the build stage into the runtime image. */
  buildOutput: string[];
  /** An npm registry mirror (NPM_CONFIG_REGISTRY); must not contain credentials. */
  registry?: string;
  /** Install in the image without lifecycle scripts (the package's prepare, dependencies' install scripts). */
  ignoreScripts: boolean;
}

export interface GoSettings {
  /** Directory of the main package, relative to the module root (`.` or `cmd/server`). */
  main: string;
  /** Name of the compiled program, installed as /usr/local/bin/<binary>. */
  binary: string;
  /** A module proxy mirror (GOPROXY); must not contain credentials. */
  proxy?: string;
}

interface ProjectBase {
  /** Project name: lower-case, used for image names and labels. */
  name: string;
  /** Preset the descriptor extends, if any (recorded in generated headers). */
  preset?: string;
  /** Path of the descriptor relative to the project root (normally `slipway.yaml`). */
  descriptorPath: string;

  runtime: {
    /** Runtime version used in the image, e.g. "3.12". */
    version: string;
    /** Versions the test matrix runs (always includes `version`), sorted ascending. */
    matrix: string[];
  };

  image: {
    variant: ImageVariant;
    layering: ImageLayering;
    /** Base of the last stage: `node` or `nginx` (Node), `distroless`, `scratch` or `alpine` (Go); undefined for Python. */
    runtime?: RuntimeImage;
    /** Debian/Alpine packages installed in the runtime image. */
    systemPackages: string[];
    /** Packages needed only to build (compilers, headers): builder stage or a removed virtual package. */
    buildPackages: string[];
    /** IANA time zone (e.g. "Europe/Zurich"); undefined leaves the image's UTC. */
    timezone?: string;
    /** Non-secret environment set in the image (sorted by key when rendered). */
    env: Record<string, string>;
    /** Non-root user the app runs as. */
    user: { name: string; uid: number; gid: number };
    /** Working directory in the image. */
    workdir: string;
    /** Paths (files/dirs, relative to the project root) copied into the image as the application code. */
    copy: string[];
    /** Extra `.dockerignore` patterns (added to the language defaults). */
    dockerignore: string[];
  };

  app: {
    kind: AppKind;
    /** Exec-form command (the ENTRYPOINT of a `cli`). */
    command: string[];
    /** `cli` only: default arguments (CMD); empty: none. */
    args: string[];
    /** `cli` only: where the program starts and users mount their files. */
    workdir?: string;
    /** Port the app listens on; undefined for workers without a port. */
    port?: number;
    healthcheck?: {
      /** HTTP path probed on `port` (used when `command` is not given). */
      path?: string;
      /** Exec-form command run inside the container instead of an HTTP probe. */
      command?: string[];
      interval: string;
      timeout: string;
      startPeriod: string;
      retries: number;
    };
  };

  /** Test and lint commands as exec-form lists, run from the project root. */
  test: {
    command: string[];
    /** Undefined: no lint job/target. */
    lint?: string[];
  };

  ci: {
    defaultBranch: string;
    /** Enabled stages in order. */
    stages: Stage[];
    /** Image repository, default `$CI_REGISTRY_IMAGE`. */
    registryImage: string;
    /** docker CLI / dind version, pinned (e.g. "27.3"). */
    dockerVersion: string;
    /** Pull the previous image and build with --cache-from. */
    cacheFrom: boolean;
    /** Run the test command inside the built image (integration job). */
    integrationTests: boolean;
    /** Build sdist/wheel artifacts (`python -m build`). */
    dist: boolean;
    /** Jobs that run slipway itself: lint the repository, check the generated files; the release npx runs. */
    slipway: { lint: boolean; check: boolean; version: string };
    /** CI variable holding a webhook URL called when a pipeline fails; undefined: off. */
    notifyWebhookVariable?: string;
  };

  release: {
    /** Promote the tested image to `latest` on the default branch. */
    latest: boolean;
    /** Promote the tested image to the git tag on tags. */
    gitTag: boolean;
  };

  deploy: {
    method: DeployMethod;
    /** GitLab environment. */
    environment: { name: string; url?: string };
    /** Manual approval (default true). */
    manual: boolean;
    /** Method settings; credentials and hosts are CI variable NAMES, never values. */
    ssh?: { hostVariable: string; userVariable: string; keyVariable: string; knownHostsVariable: string; command?: string };
    kubernetes?: { namespace: string; deployment: string; container: string; kubeconfigVariable?: string };
    compose?: { file: string; hostVariable: string; userVariable: string; keyVariable: string; knownHostsVariable: string };
  };

  /** The `lint:` section as written (validated; the lint engine applies its own defaults). */
  lint?: LintConfig;
}
