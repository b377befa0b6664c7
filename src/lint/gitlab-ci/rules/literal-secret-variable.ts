import { defineRule, type SecretHit, type SourceFile, type Span } from '../../engine/types.js';
import { maskSecret } from '../../secrets/mask.js';
import { findSecretsSync } from '../../secrets/scan.js';
import { isSecretName } from '../../secrets/secret-name.js';
import type { CiVariable, GitlabCiDoc } from '../model/types.js';
import { at } from '../support/report.js';
import { locate } from '../support/text.js';
import { variableDefinitions, type VariableDefinition } from '../support/variables.js';

/** Credentials GitLab makes for each job; a value in `variables:` replaces them. */
const PREDEFINED_CREDENTIALS: Record<string, string> = {
  CI_JOB_TOKEN: 'the job token',
  CI_BUILD_TOKEN: 'the job token',
  CI_REGISTRY_PASSWORD: 'the container registry password',
  CI_DEPLOY_PASSWORD: "the `gitlab-deploy-token` deploy token's password",
  CI_DEPENDENCY_PROXY_PASSWORD: 'the dependency proxy password',
  CI_JOB_JWT: 'the job ID token',
  CI_JOB_JWT_V1: 'the job ID token',
  CI_JOB_JWT_V2: 'the job ID token',
};

const ADVICE = 'if it is a real secret, rotate it and define it as a masked CI/CD variable (Settings > CI/CD > Variables) instead of in `variables:`';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/literal-secret-variable',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'A CI variable that holds a literal credential: a predefined credential (`CI_REGISTRY_PASSWORD`, `CI_JOB_TOKEN`) overridden with a value, `DOCKER_AUTH_CONFIG` with registry credentials in it, or a secret-named variable written in a form a text scan cannot read.',
    rationale:
      'Everything in `.gitlab-ci.yml` is readable by whoever can read the repository, and stays in its history after a fix. GitLab gives each job short-lived credentials (`CI_JOB_TOKEN`, `CI_REGISTRY_PASSWORD`, `CI_DEPLOY_PASSWORD`) that expire with the job; setting one in `variables:` replaces it with a long-lived password committed in the file, and breaks the registry login the job would otherwise get for free. ' +
      '`DOCKER_AUTH_CONFIG` is how the runner logs in to pull private images: its `auths.<registry>.auth` is `user:password` in base64, not encrypted. ' +
      'These two are reported at the variable\'s name whatever the secrets rules say about its value: the variable must not be in the file at all. ' +
      'Secret-named variables with literal values in plain `NAME: value` lines are the secrets/secret-named-literal rule\'s (it reads every file kind, line by line); this rule reads the YAML structure and reports, with the same judgement of names and values (placeholders, references and service-container defaults are not secrets), the values that rule cannot see: `{ value: …, description: … }` on one line, block scalars, flow mappings, quoted values over several lines, and `expand: false` values, whose `$` is a literal character. ' +
      'Values are masked in messages: at most 4 characters are shown.',
    howToFix:
      'Remove the value from the file and rotate it; define the variable as a masked (and protected) CI/CD variable in Settings > CI/CD > Variables. For a predefined credential, remove the variable: GitLab sets it for each job.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'variables:\n  CI_REGISTRY_PASSWORD: hunter2-but-longer\nbuild:\n  script: docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY" <<< "$CI_REGISTRY_PASSWORD"\n' },
        {
          code: 'variables:\n  DOCKER_AUTH_CONFIG: \'{"auths": {"registry.example.com": {"auth": "ZGVwbG95OlNlY3IzdFBhc3N3MHJkIQ=="}}}\'\ntest:\n  image: registry.example.com/ci/python:3.12\n  script: pytest\n',
        },
        { code: 'variables:\n  DEPLOY_TOKEN: { value: "glx8Rq2vTn5WmZ4kP7sY", description: "token of the deploy account" }\ndeploy:\n  script: ./deploy.sh\n', note: 'the value form on one line' },
      ],
      good: [
        { code: 'variables:\n  DOCKER_AUTH_CONFIG: $REGISTRY_AUTH_JSON\n  REGISTRY_PASSWORD: $CI_REGISTRY_PASSWORD\ntest:\n  image: registry.example.com/ci/python:3.12\n  script: pytest\n' },
        { code: 'test:\n  services: [postgres:16.2]\n  variables:\n    POSTGRES_PASSWORD: { value: postgres, expand: false }\n  script: pytest\n', note: 'a service container default is not a secret' },
      ],
    },
  },
  check(ctx) {
    const scanned = new Map<SourceFile, SecretHit[]>();
    const textHits = (file: SourceFile) => {
      let hits = scanned.get(file);
      if (!hits) scanned.set(file, (hits = findSecretsSync(file.text)));
      return hits;
    };
    /** True when the secrets rules already report something in the span. */
    const seenByScan = (file: SourceFile, span: Span) => textHits(file).some((h) => h.span.start < span.end && h.span.end > span.start);
    for (const def of variableDefinitions(ctx.doc)) {
      const v = def.variable;
      const value = v.value;
      if (!value || v.text === undefined || v.text.includes('$[[')) continue;
      const where = describe(def);
      const credential = PREDEFINED_CREDENTIALS[v.name];
      if (credential) {
        if (v.text.trim() === '' || (v.expand && v.text.includes('$'))) continue;
        ctx.report({
          message: `variable \`${v.name}\`${where} replaces ${credential} GitLab gives each job (valid only while the job runs) with a literal value (\`${maskSecret(v.text)}\`) committed in the file; remove it and let GitLab set it`,
          ...at(ctx, v.key),
          secrets: value.file.path === v.key.file.path ? [value.span] : [],
        });
        continue;
      }
      if (v.name === 'DOCKER_AUTH_CONFIG') {
        const credentials = dockerAuthCredentials(v.text);
        if (credentials.length === 0) continue;
        const first = credentials[0]!;
        const user = first.user ? `, user \`${first.user}\`` : '';
        const more = credentials.length > 1 ? ` and ${credentials.length - 1} more` : '';
        ctx.report({
          message: `\`DOCKER_AUTH_CONFIG\`${where} holds a literal ${first.what} for \`${first.registry}\` (\`${maskSecret(first.secret)}\`${user})${more}, readable by anyone who reads the repository; ${ADVICE}`,
          ...at(ctx, v.key),
          secrets: value.file.path === v.key.file.path ? credentials.map((c) => locate(value.file, value.span, c.secret)) : [],
        });
        continue;
      }
      if (!isSecretName(v.name) || seenByScan(value.file, value.span) || !judgedSecret(v)) continue;
      const offered = v.description ? ' (its `description:` offers it, filled in, in the Run pipeline form)' : '';
      ctx.report({
        message: `variable \`${v.name}\`${where} has a literal value (\`${maskSecret(v.text)}\`) committed in the file${offered}; ${ADVICE}`,
        ...at(ctx, value),
        secrets: [value.span],
      });
    }
  },
});

/** ` of job `x``, ` of the service of job `x``… for messages; empty for global variables. */
function describe(def: VariableDefinition): string {
  const job = def.owner ? `job \`${def.owner.name}\`` : undefined;
  switch (def.scope) {
    case 'job':
      return job ? ` of ${job}` : '';
    case 'service':
      return job ? ` of a service of ${job}` : '';
    case 'rules':
      return job ? ` of a rule of ${job}` : '';
    case 'workflow':
      return ' of `workflow:rules`';
    default:
      return '';
  }
}

/**
 * Whether the secret detectors judge the value a literal secret under this name: the same
 * judgement as secrets/secret-named-literal, on a `NAME: "value"` line made from the YAML
 * structure. With `expand: false` a `$` is a literal character, not a reference.
 */
function judgedSecret(v: CiVariable): boolean {
  let text = v.text!;
  if (!v.expand) {
    if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(text)) return false;
    text = text.replace(/\$/g, 'S');
  }
  if (text.includes('\n')) return false; // several lines: a key or certificate, the private-key detector's
  return findSecretsSync(`${v.name}: ${JSON.stringify(text)}`).some((h) => h.span.start > v.name.length);
}

interface AuthCredential {
  registry: string;
  what: string;
  /** The secret as written in the value. */
  secret: string;
  user?: string;
}

/** Literal credentials in a `DOCKER_AUTH_CONFIG` JSON: `auth` (base64 user:password), `password`, `identitytoken`. */
function dockerAuthCredentials(text: string): AuthCredential[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const auths = (parsed as { auths?: unknown } | null)?.auths;
  if (!auths || typeof auths !== 'object') return [];
  const out: AuthCredential[] = [];
  for (const [registry, entry] of Object.entries(auths as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object') continue;
    for (const [field, what] of [
      ['auth', 'registry password'],
      ['password', 'registry password'],
      ['identitytoken', 'registry token'],
      ['registrytoken', 'registry token'],
    ] as const) {
      const secret = (entry as Record<string, unknown>)[field];
      if (typeof secret !== 'string' || secret.length < 4 || secret.includes('$')) continue;
      const credential: AuthCredential = { registry, what, secret };
      if (field === 'auth') {
        const decoded = Buffer.from(secret, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0 || colon === decoded.length - 1) continue;
        credential.user = decoded.slice(0, colon);
      } else if (typeof (entry as Record<string, unknown>).username === 'string') {
        credential.user = (entry as Record<string, string>).username;
      }
      out.push(credential);
    }
  }
  return out;
}
