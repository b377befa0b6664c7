/**
 * Cross-file (`project`) rules: checks over every linted file of a repository together.
 * The registry loads `projectRules` from here (src/lint/kinds.ts).
 *
 * support/ holds what the rules share: the CI jobs' commands with their working directory
 * (ci.ts), Dockerfiles parsed on demand (dockerfiles.ts), where slipway.yaml writes a value
 * (descriptor.ts), runtime versions and ports found in each kind of file (versions.ts, ports.ts),
 * and the paths that may be missing on purpose (outputs.ts).
 */
import type { ProjectDoc } from '../engine/project.js';
import type { Rule } from '../engine/types.js';
import ciMissingPath from './rules/ci-missing-path.js';
import copySourceMissing from './rules/copy-source-missing.js';
import generatedFileDrift from './rules/generated-file-drift.js';
import portMismatch from './rules/port-mismatch.js';
import runtimeVersionMismatch from './rules/runtime-version-mismatch.js';
import unknownBuildStage from './rules/unknown-build-stage.js';
import unknownMakeTarget from './rules/unknown-make-target.js';
import unusedBuildArg from './rules/unused-build-arg.js';

/** Every cross-file rule, sorted by id. */
export const projectRules: readonly Rule<ProjectDoc>[] = [ciMissingPath, copySourceMissing, generatedFileDrift, portMismatch, runtimeVersionMismatch, unknownBuildStage, unknownMakeTarget, unusedBuildArg];
