import { fileLabel, keepItIn } from './advice.js';
import { FAKE_API_KEY, FAKE_PASSWORD } from './fake-secrets.js';
import { secretFamilyRule } from './family-rule.js';

export default secretFamilyRule(
  {
    id: 'secrets/secret-named-literal',
    kind: 'any',
    severity: 'warning',
    description: 'A variable, key or build argument named like a secret (password, token, API key, …) is given a literal value.',
    rationale:
      'A password has no format a scanner could recognise; its name gives it away. slipway reads `KEY: value`, `KEY=value`, `KEY := value`, `ENV KEY value`, `ARG KEY=value`, `export KEY=value`, `--build-arg KEY=value`, `-e KEY=value`, GitLab\'s `KEY: {value: …}` and credential HTTP headers, in every file kind. ' +
      "Names follow BuildKit's SecretsUsedInArgOrEnv words (password, passwd, secret, token, apikey, credentials, auth, qualified key) but a name whose last part says the value is a reference or metadata — `TOKEN_FILE`, `PASSWORD_PATH`, `API_KEY_ID`, `SECRET_NAME`, `TOKEN_URL` — is not a secret name. " +
      'Only literals are reported: references (`$VAR`, `${{ secrets.X }}`, `{{ tpl }}`, tox `{env:X}`), file paths, empty values, booleans, placeholders (`changeme`, `<token>`, `xxx`, `secret_key`), a password equal to a user or database name given in the same file, and a plain word given to a database image\'s init variable (`POSTGRES_PASSWORD: postgres`, `MYSQL_ROOT_PASSWORD: app`) for a CI service container that lives as long as the job, are not. ' +
      "Unlike hadolint's DL3064 and BuildKit's check, which flag secret names in ARG/ENV whatever their value, this rule judges values in every file, so it carries no alias. A warning, not an error: the name is a heuristic.",
    howToFix:
      'If the value is a real secret, rotate it and move it out of the file: a masked CI/CD variable in GitLab CI, a BuildKit secret mount (`RUN --mount=type=secret`) in a Dockerfile, the environment for a Makefile or tox. ' +
      'If it is a dummy value for tests, say so in the value (`test-only-…`) or suppress the finding with a comment.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { filename: 'Dockerfile', code: `FROM python:3.12-slim\nENV DB_PASSWORD=${FAKE_PASSWORD}\n`, note: 'ENV values are stored in the image.' },
        {
          filename: '.gitlab-ci.yml',
          code: `variables:\n  DEPLOY_API_KEY: "${FAKE_API_KEY}"\n`,
          note: 'A key in CI variables is visible to every reader of the repository.',
        },
        {
          filename: 'tox.ini',
          code: `[testenv]\nsetenv =\n    SECRET_KEY = ${FAKE_API_KEY}\ncommands = pytest\n`,
          note: 'A literal in tox setenv.',
        },
      ],
      good: [
        {
          filename: 'Dockerfile',
          code: 'FROM python:3.12-slim\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n',
          note: 'The variable names a file, not the secret.',
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'variables:\n  POSTGRES_PASSWORD: postgres\n  REGISTRY_PASSWORD: $CI_REGISTRY_PASSWORD\n  SENTRY_TOKEN: ""\n',
          note: "A service container default, a reference to GitLab's predefined variable, an empty value.",
        },
        {
          filename: 'Makefile',
          code: 'API_TOKEN ?= $(shell cat .token)\ndeploy:\n\t./deploy --token "$(API_TOKEN)"\n',
          note: 'The value is read at run time.',
        },
      ],
    },
  },
  'named-literal',
  (hit, file) =>
    `Literal ${hit.what} (\`${hit.masked}\`) committed in \`${fileLabel(file)}\`; if it is a real secret, rotate it and ${keepItIn(file)}`,
);
