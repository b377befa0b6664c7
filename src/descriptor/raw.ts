/**
 * The descriptor as written (after schema validation and preset merge, before defaults): every
 * key optional. Mirrors schema.ts.
 */
import type { AppKind, DeployMethod, ImageLayering, ImageVariant, Language, NodePackageManager, RuntimeImage, Stage } from './model.js';
import type { LintConfig } from './lint-config.js';

export interface RawSshSettings {
  hostVariable?: string;
  userVariable?: string;
  keyVariable?: string;
  knownHostsVariable?: string;
}

export interface RawHealthcheck {
  path?: string;
  command?: string[];
  interval?: string;
  timeout?: string;
  startPeriod?: string;
  retries?: number;
}

export interface RawDescriptor {
  name?: string;
  extends?: string;
  language?: Language;
  runtime?: { version?: string; matrix?: string[] };
  image?: {
    variant?: ImageVariant;
    layering?: ImageLayering;
    runtime?: RuntimeImage;
    systemPackages?: string[];
    buildPackages?: string[];
    timezone?: string;
    env?: Record<string, string | number | boolean>;
    user?: { name?: string; uid?: number; gid?: number };
    workdir?: string;
    copy?: string[];
    dockerignore?: string[];
  };
  python?: {
    /** `false`: none (removes a preset's). */
    requirements?: string | boolean;
    devRequirements?: string | boolean;
    pyproject?: string | boolean;
    indexUrl?: string;
    wheelsDir?: string;
  };
  node?: {
    packageManager?: NodePackageManager;
    /** `false`: no build (removes a preset's). */
    buildScript?: string | boolean;
    buildOutput?: string[];
    registry?: string;
    ignoreScripts?: boolean;
  };
  go?: { main?: string; binary?: string; proxy?: string };
  app?: { kind?: AppKind; command?: string[]; args?: string[]; workdir?: string; port?: number; healthcheck?: RawHealthcheck | boolean };
  test?: { command?: string[]; lint?: string[] | boolean };
  ci?: {
    defaultBranch?: string;
    stages?: Stage[];
    registryImage?: string;
    dockerVersion?: string;
    cacheFrom?: boolean;
    integrationTests?: boolean;
    dist?: boolean;
    slipway?: { lint?: boolean; check?: boolean; version?: string };
    notify?: { webhookVariable: string };
  };
  release?: { latest?: boolean; gitTag?: boolean };
  deploy?: {
    method?: DeployMethod;
    environment?: { name?: string; url?: string };
    manual?: boolean;
    ssh?: RawSshSettings & { command?: string };
    kubernetes?: { namespace?: string; deployment?: string; container?: string; kubeconfigVariable?: string };
    compose?: RawSshSettings & { file?: string };
  };
  lint?: LintConfig;
}
