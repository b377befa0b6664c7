import { defineRule } from '../../engine/types.js';
import { isLiteralSecret } from '../../secrets/literal-value.js';
import { isSecretName, nameWords } from '../../secrets/secret-name.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/secret-name-in-arg-env',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'An ARG or ENV is named like a secret (password, token, API key, …).',
    rationale:
      'Build arguments are recorded in the image history (`docker history`) and in build provenance, and ENV values ' +
      'are stored in the image configuration for anyone who pulls it (`docker inspect`): a secret passed this way ' +
      'leaks even when the Dockerfile holds no value. BuildKit secret mounts keep it out of the image. hadolint ' +
      '(DL3064) and BuildKit (SecretsUsedInArgOrEnv) flag names; slipway uses the same name test as its secret ' +
      'scanners (`TOKEN_FILE`, `PASSWORD_LENGTH`, `PUBLIC_KEY`, `GPG_KEY` are not secrets; hadolint also flags ' +
      '`USERNAME`), skips an empty ENV (which clears a value) and an ENV set to a path (`DOCKER_CREDENTIAL_CONFIG=/etc/…`), and leaves a literal secret value to ' +
      'secrets/secret-named-literal, which reports it with the value.',
    howToFix:
      'Pass the secret as a build secret: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` with ' +
      '`docker build --secret id=npm_token,env=NPM_TOKEN`; give a running container its secrets at run time, not in ENV.',
    fixable: false,
    aliases: ['DL3064'],
    examples: {
      bad: [
        { code: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n' },
        { code: 'FROM python:3.12-slim\nARG DB_PASSWORD\nENV DB_PASSWORD=$DB_PASSWORD\n', note: 'both the build argument and the stored ENV' },
      ],
      good: [
        { code: 'FROM node:22-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n' },
        { code: 'FROM python:3.12-slim\nENV DB_PASSWORD_FILE=/run/secrets/db_password GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n' },
      ],
    },
  },
  check(ctx) {
    for (const ins of [...ctx.doc.find('ARG', { triggers: true }), ...ctx.doc.find('ENV', { triggers: true })]) {
      for (const pair of ins.pairs) {
        const name = pair.name.value;
        if (!isSecretName(name)) continue;
        const value = pair.value?.value;
        if (ins.keyword === 'ENV' && (value === undefined || value === '' || /^(\/|\.\.?\/|~\/)/.test(value))) continue;
        if (value !== undefined && isLiteralSecret(value, { nameWords: nameWords(name) })) continue;
        ctx.report({
          message:
            ins.keyword === 'ARG'
              ? `build argument \`${name}\` looks like a secret: its value is recorded in the image history and build provenance; use a secret mount (\`RUN --mount=type=secret,id=…\`)`
              : `\`ENV ${name}\` looks like a secret: ENV values are stored in the image for anyone who pulls it; use a secret mount at build time, or set it when the container runs`,
          span: pair.name.span,
        });
      }
    }
  },
});
