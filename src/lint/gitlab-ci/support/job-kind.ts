/**
 * What a job is for, read from its name, stage, environment and reports: the words CD-Linter's
 * smells turn on (deploy jobs may be manual, security scanners may fail), shared by the rules
 * allow-failure, manual-job-outside-deploy, deploy-without-environment and production-deploy-unprotected.
 */
import type { CiJob } from '../model/types.js';
import { keyName, stringValue } from '../yaml/nodes.js';

/** The words of a name: `deploy_prod`, `deployProd`, `Deploy Prod` → deploy, prod. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Words that say a job delivers: deploys, releases, publishes, promotes. */
const DELIVERY = /(deploy|release|publish|rollout|promot|staging|production|canary|provision|distribut)/;
const DELIVERY_WORDS = new Set(['prod', 'prd', 'stg', 'live', 'ship', 'helm', 'terraform', 'k8s', 'kubernetes']);

/** Words of operations one starts by hand on purpose: tear down, clean up, roll back. */
const TEARDOWN = /(destroy|delete|teardown|tear-down|cleanup|clean-up|undeploy|uninstall|rollback|roll-back|revert|purge)/;
const TEARDOWN_WORDS = new Set(['stop', 'down', 'remove', 'rm', 'drop', 'reset', 'kill']);

/** True when the text (a job name, a stage) names a delivery step. */
export function namesDelivery(text: string): boolean {
  return DELIVERY.test(text.toLowerCase()) || nameWords(text).some((w) => DELIVERY_WORDS.has(w));
}

/** True when the text names a teardown step. */
export function namesTeardown(text: string): boolean {
  return TEARDOWN.test(text.toLowerCase()) || nameWords(text).some((w) => TEARDOWN_WORDS.has(w));
}

/** The environment name as written (may hold variables), when the job has one. */
export function environmentName(job: CiJob): string | undefined {
  const env = job.environment;
  if (!env) return undefined;
  const name = stringValue(env.name);
  if (name !== undefined) return name;
  const node = env.node;
  return node.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** GitLab Pages: the job named `pages`, or one with `pages:` settings (GitLab 17.9+ `pages: true`). */
export function isPagesJob(job: CiJob): boolean {
  return job.name === 'pages' || job.has('pages');
}

/** Report kinds of GitLab's security scanners (`artifacts:reports:<kind>`), shown in its security dashboards. */
const SECURITY_REPORTS = new Set([
  'sast',
  'dast',
  'dependency_scanning',
  'container_scanning',
  'secret_detection',
  'license_scanning',
  'coverage_fuzzing',
  'api_fuzzing',
  'cluster_image_scanning',
]);

/**
 * True for security scanners whose findings GitLab shows in merge requests and dashboards whatever
 * the job's status: `sast`/`dast` in the name or stage (CD-Linter's exclusion), or a security report
 * in `artifacts:reports`. Code quality and other linters are not scanners: their failure is a result.
 */
export function isScanner(job: CiJob): boolean {
  if (/sast|dast/i.test(job.name) || /sast|dast/i.test(job.stage)) return true;
  const reports = job.artifacts?.reports;
  return reports?.pairs.some((p) => SECURITY_REPORTS.has(keyName(p.key))) ?? false;
}

/** True when the job itself (not a rule) is `when: manual`. */
export function isManual(job: CiJob): boolean {
  return job.when?.value === 'manual';
}

/** True when the job deploys: its name or stage says `deploy` (not a teardown such as `undeploy`). */
export function namesDeploy(job: CiJob): boolean {
  const says = (text: string) => /deploy/i.test(text) && !namesTeardown(text);
  return says(job.name) || (says(job.stage) && !nameWords(job.name).some((w) => NOT_A_DEPLOY.has(w)));
}

/** Words of jobs that often sit in a `deploy` stage without deploying anywhere. */
const NOT_A_DEPLOY = new Set([
  'release', 'releases', 'publish', 'upload', 'pages', 'doc', 'docs', 'documentation', 'package', 'packages', 'tag', 'pypi', 'npm',
  'build', 'image', 'docker', 'container', 'push', 'changelog', 'notify', 'notification', 'trigger', 'sentry', 'coverage', 'report',
]);

const PRODUCTION = new Set(['prod', 'production', 'prd', 'live']);

/** True when a name (an environment, a job) says production: `production`, `prod-eu`, `deploy_prod`. */
export function namesProduction(text: string): boolean {
  return nameWords(text).some((w) => PRODUCTION.has(w)) || /production/i.test(text);
}

/** Variables that tell which branch or tag a pipeline runs for. */
const REF_VARIABLE = /\$\{?(CI_COMMIT_BRANCH|CI_COMMIT_REF_NAME|CI_COMMIT_REF_SLUG|CI_COMMIT_TAG|CI_DEFAULT_BRANCH|CI_COMMIT_REF_PROTECTED|CI_BUILD_REF_NAME|CI_BUILD_TAG)\b/;

/**
 * True when the job only runs for chosen branches or tags: every rule that can run tests a ref
 * variable (`$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH`, `$CI_COMMIT_TAG`, `$CI_COMMIT_REF_PROTECTED`),
 * or `only:` names refs other than all branches.
 */
export function refRestricted(job: CiJob): boolean {
  if (job.rules) {
    const running = job.rules.filter((r) => r.when?.value !== 'never');
    return running.length > 0 && running.every((r) => typeof r.if?.value === 'string' && REF_VARIABLE.test(r.if.value));
  }
  const only = job.only;
  if (!only) return false;
  const refs = only.kind === 'map' ? only.pairs.find((p) => keyName(p.key) === 'refs')?.value : only;
  if (!refs) return only.kind === 'map' && only.pairs.some((p) => keyName(p.key) === 'variables');
  const values = refs.kind === 'seq' ? refs.items.map((i) => stringValue(i)) : [stringValue(refs)];
  return values.length > 0 && values.every((v) => v !== undefined && v !== 'branches' && v !== 'merge_requests' && v !== 'pushes' && v !== '/.*/');
}
