/**
 * Every Dockerfile rule, sorted by id. One file per rule (`<kebab-name>.ts`, id `dockerfile/<kebab-name>`);
 * a new rule is added here and nowhere else. A rule that is a shell check (../../shell/checks/) is
 * instantiated with `dockerfileShellRule(check)` in its file.
 */
import type { Rule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import aptGetMissingNoInstallRecommends from './apt-get-missing-no-install-recommends.js';
import aptGetMissingYes from './apt-get-missing-yes.js';
import aptInsteadOfAptGet from './apt-instead-of-apt-get.js';
import aptListsNotRemoved from './apt-lists-not-removed.js';
import aptUpdateAlone from './apt-update-alone.js';
import baseImageLatest from './base-image-latest.js';
import baseImageUntagged from './base-image-untagged.js';
import cdInRun from './cd-in-run.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import multipleCmd from './multiple-cmd.js';
import pipeWithoutPipefail from './pipe-without-pipefail.js';
import sudoUsed from './sudo-used.js';
import workdirRelative from './workdir-relative.js';

export const dockerfileRules: readonly Rule<DockerfileDoc>[] = [
  aptGetMissingNoInstallRecommends,
  aptGetMissingYes,
  aptInsteadOfAptGet,
  aptListsNotRemoved,
  aptUpdateAlone,
  baseImageLatest,
  baseImageUntagged,
  cdInRun,
  maintainerDeprecated,
  multipleCmd,
  pipeWithoutPipefail,
  sudoUsed,
  workdirRelative,
];
