/**
 * The Go generator's view of a Project: a golang build stage that compiles a static program, a
 * test stage with the race detector, and a small runtime stage (distroless, scratch or alpine).
 */
import type { GoProject } from '../../descriptor/model.js';
import { ALPINE_IMAGE, ALPINE_VERSION, DEBIAN_SUITE, DISTROLESS_STATIC_IMAGE } from '../versions.js';
import * as v from '../validate.js';
import { baseView, testRunInImage, sharedCiView, unique, type BaseView, type SharedCiView } from '../shared-view.js';

export interface GoView extends BaseView {
  goVersion: string;
  /** Image suffix after `golang:${GO_VERSION}-` of the build stage (`slim`: Debian); the test stage is always Debian (the race detector needs cgo and glibc). */
  buildImageSuffix: string;
  testImageSuffix: string;
  proxy: string | null;
  distroless: boolean;
  scratch: boolean;
  alpineRuntime: boolean;
  runtimeImage: string;
  /** `./cmd/server` or `.`. */
  mainPackage: string;
  binary: string;
  binaryPath: string;
  /** Embed the time zone database in the program (scratch and alpine have none; distroless has one). */
  embedTzdata: boolean;
  packageDir: null;
  ci: GoCiView;
}

export interface GoCiView extends SharedCiView {
  /** Image of the jobs that run from the sources (Debian: make, gcc for -race). */
  goImage: string;
}

const RUNTIME_IMAGES = { distroless: DISTROLESS_STATIC_IMAGE, scratch: 'scratch', alpine: ALPINE_IMAGE } as const;

/** alpine has busybox wget; distroless and scratch have no HTTP client (the descriptor requires a command there). */
const wgetProbe = (url: string) => ['wget', '-q', '-O', '/dev/null', url];

export function goView(project: GoProject): GoView {
  const go = project.go;
  const runtime = project.image.runtime === 'scratch' || project.image.runtime === 'alpine' ? project.image.runtime : 'distroless';
  // distroless and scratch run as a numeric user; alpine creates it.
  const base = baseView(project, { env: [], createUser: runtime === 'alpine', copiedBefore: ['go.mod', 'go.sum'], probe: runtime === 'alpine' ? wgetProbe : null });
  const binary = v.projectName('go.binary', go.binary);
  return {
    ...base,
    // Go images are always built in stages (the descriptor refuses the other layerings).
    single: false,
    builder: true,
    baseApp: false,
    // Packages of the alpine runtime: the descriptor's. alpine already has the CA certificates
    // (ca-certificates-bundle), and the time zone database is embedded in the program.
    runtimePackages: runtime === 'alpine' ? unique(project.image.systemPackages.map((p, i) => v.packageName(`image.systemPackages[${i}]`, p))).sort() : [],
    goVersion: v.runtimeVersion('runtime.version', project.runtime.version),
    buildImageSuffix: project.image.variant === 'slim' ? DEBIAN_SUITE : `alpine${ALPINE_VERSION}`,
    testImageSuffix: DEBIAN_SUITE,
    proxy: go.proxy === undefined ? null : v.httpUrl('go.proxy', go.proxy),
    distroless: runtime === 'distroless',
    scratch: runtime === 'scratch',
    alpineRuntime: runtime === 'alpine',
    runtimeImage: RUNTIME_IMAGES[runtime],
    mainPackage: go.main === '.' ? '.' : `./${v.relativePath('go.main', go.main)}`,
    binary,
    binaryPath: `/usr/local/bin/${binary}`,
    embedTzdata: runtime !== 'distroless' && project.image.timezone !== undefined,
    dependencyFiles: ['go.mod', 'go.sum'],
    baseFiles: [],
    ...testRunInImage(project, { testRunOptions: [], testRunCommand: project.test.command }),
    packageDir: null,
    ci: {
      ...sharedCiView(project, { name: base.name, port: base.port }),
      goImage: `golang:\${GO_VERSION}-${DEBIAN_SUITE}`,
    },
  };
}
