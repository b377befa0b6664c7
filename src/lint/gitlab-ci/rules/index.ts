/**
 * Every gitlab-ci rule, in one explicit list sorted by id. Adding a rule: write
 * `rules/<kebab-name>.ts` (default export, id `gitlab-ci/<kebab-name>`) and add one line here.
 */
import type { Rule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import allowFailure from './allow-failure.js';
import aptGetMissingNoInstallRecommends from './apt-get-missing-no-install-recommends.js';
import aptGetMissingYes from './apt-get-missing-yes.js';
import aptInsteadOfAptGet from './apt-instead-of-apt-get.js';
import artifactsWithoutExpiry from './artifacts-without-expiry.js';
import caBundleOverwritten from './ca-bundle-overwritten.js';
import cacheFromNotPulled from './cache-from-not-pulled.js';
import cacheWithoutKey from './cache-without-key.js';
import chmodWorldWritable from './chmod-world-writable.js';
import conflictingKeywords from './conflicting-keywords.js';
import dependenciesLaterStage from './dependencies-later-stage.js';
import dependenciesSameStage from './dependencies-same-stage.js';
import dependenciesUnknownJob from './dependencies-unknown-job.js';
import deployWhenAlways from './deploy-when-always.js';
import deployWithoutEnvironment from './deploy-without-environment.js';
import dindVersion from './dind-version.js';
import dnfMissingYes from './dnf-missing-yes.js';
import dockerHostExternal from './docker-host-external.js';
import dockerLoginPassword from './docker-login-password.js';
import dockerRunTty from './docker-run-tty.js';
import dockerTlsDisabled from './docker-tls-disabled.js';
import downloadPipedToShell from './download-piped-to-shell.js';
import duplicateKey from './duplicate-key.js';
import extendsCycle from './extends-cycle.js';
import extendsUnknown from './extends-unknown.js';
import gemPackageUnpinned from './gem-package-unpinned.js';
import goPackageUnpinned from './go-package-unpinned.js';
import imageUnpinned from './image-unpinned.js';
import includeNotChecked from './include-not-checked.js';
import installVersionRange from './install-version-range.js';
import invalidNeeds from './invalid-needs.js';
import invalidParallel from './invalid-parallel.js';
import invalidRulesIf from './invalid-rules-if.js';
import invalidType from './invalid-type.js';
import invalidValue from './invalid-value.js';
import invalidWhen from './invalid-when.js';
import invalidYamlConstruct from './invalid-yaml-construct.js';
import literalSecretVariable from './literal-secret-variable.js';
import manualJobOutsideDeploy from './manual-job-outside-deploy.js';
import missingInclude from './missing-include.js';
import missingKeyword from './missing-keyword.js';
import missingScript from './missing-script.js';
import needsCycle from './needs-cycle.js';
import needsLaterStage from './needs-later-stage.js';
import needsUnknownJob from './needs-unknown-job.js';
import npmInstallInsteadOfCi from './npm-install-instead-of-ci.js';
import npmPackageUnpinned from './npm-package-unpinned.js';
import onlyExceptDeprecated from './only-except-deprecated.js';
import packageSignatureCheckDisabled from './package-signature-check-disabled.js';
import pipPackageUnpinned from './pip-package-unpinned.js';
import pipRequirementsFileMisused from './pip-requirements-file-misused.js';
import productionDeployUnprotected from './production-deploy-unprotected.js';
import pushedImageFixedTag from './pushed-image-fixed-tag.js';
import retryScriptFailure from './retry-script-failure.js';
import rulesWithOnlyExcept from './rules-with-only-except.js';
import scriptFailureIgnored from './script-failure-ignored.js';
import sshHostKeyUnverified from './ssh-host-key-unverified.js';
import sudoUsed from './sudo-used.js';
import tlsVerificationDisabled from './tls-verification-disabled.js';
import undefinedStage from './undefined-stage.js';
import unknownKeyword from './unknown-keyword.js';
import unknownReference from './unknown-reference.js';
import wgetMissingProgressOption from './wget-missing-progress-option.js';
import yumMissingYes from './yum-missing-yes.js';
import zypperMissingNonInteractive from './zypper-missing-non-interactive.js';

export const gitlabCiRules: readonly Rule<GitlabCiDoc>[] = [
  allowFailure,
  aptGetMissingNoInstallRecommends,
  aptGetMissingYes,
  aptInsteadOfAptGet,
  artifactsWithoutExpiry,
  caBundleOverwritten,
  cacheFromNotPulled,
  cacheWithoutKey,
  chmodWorldWritable,
  conflictingKeywords,
  dependenciesLaterStage,
  dependenciesSameStage,
  dependenciesUnknownJob,
  deployWhenAlways,
  deployWithoutEnvironment,
  dindVersion,
  dnfMissingYes,
  dockerHostExternal,
  dockerLoginPassword,
  dockerRunTty,
  dockerTlsDisabled,
  downloadPipedToShell,
  duplicateKey,
  extendsCycle,
  extendsUnknown,
  gemPackageUnpinned,
  goPackageUnpinned,
  imageUnpinned,
  includeNotChecked,
  installVersionRange,
  invalidNeeds,
  invalidParallel,
  invalidRulesIf,
  invalidType,
  invalidValue,
  invalidWhen,
  invalidYamlConstruct,
  literalSecretVariable,
  manualJobOutsideDeploy,
  missingInclude,
  missingKeyword,
  missingScript,
  needsCycle,
  needsLaterStage,
  needsUnknownJob,
  npmInstallInsteadOfCi,
  npmPackageUnpinned,
  onlyExceptDeprecated,
  packageSignatureCheckDisabled,
  pipPackageUnpinned,
  pipRequirementsFileMisused,
  productionDeployUnprotected,
  pushedImageFixedTag,
  retryScriptFailure,
  rulesWithOnlyExcept,
  scriptFailureIgnored,
  sshHostKeyUnverified,
  sudoUsed,
  tlsVerificationDisabled,
  undefinedStage,
  unknownKeyword,
  unknownReference,
  wgetMissingProgressOption,
  yumMissingYes,
  zypperMissingNonInteractive,
];

/**
 * The structure rules: what GitLab's schema and keyword validation decide (shape of the file),
 * as opposed to semantic rules (references between jobs, stages, style). The conformance scripts
 * compare these with GitLab's schema fixtures and the schema's verdict on real files.
 */
export const STRUCTURE_RULE_IDS: readonly string[] = [
  'gitlab-ci/conflicting-keywords',
  'gitlab-ci/invalid-needs',
  'gitlab-ci/invalid-parallel',
  'gitlab-ci/invalid-rules-if',
  'gitlab-ci/invalid-type',
  'gitlab-ci/invalid-value',
  'gitlab-ci/invalid-when',
  'gitlab-ci/missing-keyword',
  'gitlab-ci/missing-script',
  'gitlab-ci/unknown-keyword',
];
