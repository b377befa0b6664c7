/**
 * Every Dockerfile rule, sorted by id. One file per rule (`<kebab-name>.ts`, id `dockerfile/<kebab-name>`);
 * a new rule is added here and nowhere else. A rule that is a shell check (../../shell/checks/) is
 * instantiated with `dockerfileShellRule(check)` in its file.
 */
import type { Rule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import addRemoteWithoutChecksum from './add-remote-without-checksum.js';
import apkAddMissingNoCache from './apk-add-missing-no-cache.js';
import apkPackageUnpinned from './apk-package-unpinned.js';
import aptGetMissingNoInstallRecommends from './apt-get-missing-no-install-recommends.js';
import aptGetMissingYes from './apt-get-missing-yes.js';
import aptInsteadOfAptGet from './apt-instead-of-apt-get.js';
import aptListsNotRemoved from './apt-lists-not-removed.js';
import aptPackageUnpinned from './apt-package-unpinned.js';
import aptUpdateAlone from './apt-update-alone.js';
import baseImageEndOfLife from './base-image-end-of-life.js';
import baseImageLatest from './base-image-latest.js';
import baseImageUntagged from './base-image-untagged.js';
import binShReplacedWithLn from './bin-sh-replaced-with-ln.js';
import cdInRun from './cd-in-run.js';
import chmodWorldWritable from './chmod-world-writable.js';
import cmdEntrypointShellForm from './cmd-entrypoint-shell-form.js';
import copyAllBeforeDependencyInstall from './copy-all-before-dependency-install.js';
import copyArchiveThenExtract from './copy-archive-then-extract.js';
import copyDestNotDirectory from './copy-dest-not-directory.js';
import copyFromOwnStage from './copy-from-own-stage.js';
import copyFromRootToRoot from './copy-from-root-to-root.js';
import copyFromUnknownStage from './copy-from-unknown-stage.js';
import copyRelativeDestWithoutWorkdir from './copy-relative-dest-without-workdir.js';
import curlAndWgetBothUsed from './curl-and-wget-both-used.js';
import dnfCacheNotCleaned from './dnf-cache-not-cleaned.js';
import dnfMissingYes from './dnf-missing-yes.js';
import dnfPackageUnpinned from './dnf-package-unpinned.js';
import downloadPipedToShell from './download-piped-to-shell.js';
import duplicateStageName from './duplicate-stage-name.js';
import emptyContinuationLine from './empty-continuation-line.js';
import envDisablesVerification from './env-disables-verification.js';
import envSameInstructionReference from './env-same-instruction-reference.js';
import exposeHostMapping from './expose-host-mapping.js';
import exposeInvalidPort from './expose-invalid-port.js';
import exposeProtocolCasing from './expose-protocol-casing.js';
import exposeSshPort from './expose-ssh-port.js';
import finalStageRunsAsRoot from './final-stage-runs-as-root.js';
import fromAsCasing from './from-as-casing.js';
import fromPlatformConstant from './from-platform-constant.js';
import fromPlatformRedundant from './from-platform-redundant.js';
import gemPackageUnpinned from './gem-package-unpinned.js';
import goPackageUnpinned from './go-package-unpinned.js';
import healthcheckMissing from './healthcheck-missing.js';
import inconsistentInstructionCasing from './inconsistent-instruction-casing.js';
import installWithoutCacheMount from './install-without-cache-mount.js';
import instructionBeforeFrom from './instruction-before-from.js';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from.js';
import invalidLabelKey from './invalid-label-key.js';
import labelEmpty from './label-empty.js';
import labelInvalidEmail from './label-invalid-email.js';
import labelInvalidHash from './label-invalid-hash.js';
import labelInvalidRfc3339 from './label-invalid-rfc3339.js';
import labelInvalidSemver from './label-invalid-semver.js';
import labelInvalidSpdx from './label-invalid-spdx.js';
import labelInvalidUrl from './label-invalid-url.js';
import labelMissing from './label-missing.js';
import labelNotInSchema from './label-not-in-schema.js';
import legacyKeyValueFormat from './legacy-key-value-format.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import mergeableConsecutiveRuns from './mergeable-consecutive-runs.js';
import multipleCmd from './multiple-cmd.js';
import multipleEntrypoint from './multiple-entrypoint.js';
import multipleHealthcheck from './multiple-healthcheck.js';
import networkProbeInBuild from './network-probe-in-build.js';
import npmInstallInsteadOfCi from './npm-install-instead-of-ci.js';
import npmPackageUnpinned from './npm-package-unpinned.js';
import onbuildInvalidTrigger from './onbuild-invalid-trigger.js';
import onbuildUsed from './onbuild-used.js';
import osPackagesUpgraded from './os-packages-upgraded.js';
import packageSignatureCheckDisabled from './package-signature-check-disabled.js';
import pipMissingNoCacheDir from './pip-missing-no-cache-dir.js';
import pipPackageUnpinned from './pip-package-unpinned.js';
import pipRequirementsFileMisused from './pip-requirements-file-misused.js';
import pipeWithoutPipefail from './pipe-without-pipefail.js';
import pointlessCommand from './pointless-command.js';
import reservedStageName from './reserved-stage-name.js';
import secretNameInArgEnv from './secret-name-in-arg-env.js';
import stageNameCasing from './stage-name-casing.js';
import sudoUsed from './sudo-used.js';
import tlsVerificationDisabled from './tls-verification-disabled.js';
import undefinedArgInFrom from './undefined-arg-in-from.js';
import untrustedRegistry from './untrusted-registry.js';
import userNotNumeric from './user-not-numeric.js';
import useraddMissingNoLogInit from './useradd-missing-no-log-init.js';
import wgetMissingProgressOption from './wget-missing-progress-option.js';
import workdirRelative from './workdir-relative.js';
import workdirSystemDirectory from './workdir-system-directory.js';
import yarnCacheNotCleaned from './yarn-cache-not-cleaned.js';
import yumCacheNotCleaned from './yum-cache-not-cleaned.js';
import yumMissingYes from './yum-missing-yes.js';
import yumPackageUnpinned from './yum-package-unpinned.js';
import zypperCacheNotCleaned from './zypper-cache-not-cleaned.js';
import zypperDistUpgrade from './zypper-dist-upgrade.js';
import zypperMissingNonInteractive from './zypper-missing-non-interactive.js';
import zypperPackageUnpinned from './zypper-package-unpinned.js';

export const dockerfileRules: readonly Rule<DockerfileDoc>[] = [
  addInsteadOfCopy,
  addRemoteWithoutChecksum,
  apkAddMissingNoCache,
  apkPackageUnpinned,
  aptGetMissingNoInstallRecommends,
  aptGetMissingYes,
  aptInsteadOfAptGet,
  aptListsNotRemoved,
  aptPackageUnpinned,
  aptUpdateAlone,
  baseImageEndOfLife,
  baseImageLatest,
  baseImageUntagged,
  binShReplacedWithLn,
  cdInRun,
  chmodWorldWritable,
  cmdEntrypointShellForm,
  copyAllBeforeDependencyInstall,
  copyArchiveThenExtract,
  copyDestNotDirectory,
  copyFromOwnStage,
  copyFromRootToRoot,
  copyFromUnknownStage,
  copyRelativeDestWithoutWorkdir,
  curlAndWgetBothUsed,
  dnfCacheNotCleaned,
  dnfMissingYes,
  dnfPackageUnpinned,
  downloadPipedToShell,
  duplicateStageName,
  emptyContinuationLine,
  envDisablesVerification,
  envSameInstructionReference,
  exposeHostMapping,
  exposeInvalidPort,
  exposeProtocolCasing,
  exposeSshPort,
  finalStageRunsAsRoot,
  fromAsCasing,
  fromPlatformConstant,
  fromPlatformRedundant,
  gemPackageUnpinned,
  goPackageUnpinned,
  healthcheckMissing,
  inconsistentInstructionCasing,
  installWithoutCacheMount,
  instructionBeforeFrom,
  invalidDefaultArgInFrom,
  invalidLabelKey,
  labelEmpty,
  labelInvalidEmail,
  labelInvalidHash,
  labelInvalidRfc3339,
  labelInvalidSemver,
  labelInvalidSpdx,
  labelInvalidUrl,
  labelMissing,
  labelNotInSchema,
  legacyKeyValueFormat,
  maintainerDeprecated,
  mergeableConsecutiveRuns,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  networkProbeInBuild,
  npmInstallInsteadOfCi,
  npmPackageUnpinned,
  onbuildInvalidTrigger,
  onbuildUsed,
  osPackagesUpgraded,
  packageSignatureCheckDisabled,
  pipMissingNoCacheDir,
  pipPackageUnpinned,
  pipRequirementsFileMisused,
  pipeWithoutPipefail,
  pointlessCommand,
  reservedStageName,
  secretNameInArgEnv,
  stageNameCasing,
  sudoUsed,
  tlsVerificationDisabled,
  undefinedArgInFrom,
  untrustedRegistry,
  userNotNumeric,
  useraddMissingNoLogInit,
  wgetMissingProgressOption,
  workdirRelative,
  workdirSystemDirectory,
  yarnCacheNotCleaned,
  yumCacheNotCleaned,
  yumMissingYes,
  yumPackageUnpinned,
  zypperCacheNotCleaned,
  zypperDistUpgrade,
  zypperMissingNonInteractive,
  zypperPackageUnpinned,
];
