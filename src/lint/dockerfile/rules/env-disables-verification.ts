import { defineRule } from '../../engine/types.js';
import { insecureEnv } from '../../shell/insecure-settings.js';
import type { ArgInstruction, DockerfileDoc, EnvInstruction } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/env-disables-verification',
    kind: 'dockerfile',
    severity: 'error',
    description: 'An ENV or ARG sets a variable that turns off TLS certificate verification or package verification.',
    rationale:
      'Some tools read their security switches from the environment: `NODE_TLS_REJECT_UNAUTHORIZED=0` (Node.js, ' +
      'npm, yarn), `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY` (any value: git only checks that it is set), ' +
      '`PIP_TRUSTED_HOST`, an `http://` `PIP_INDEX_URL`, `NPM_CONFIG_STRICT_SSL=false`, `YARN_ENABLE_STRICT_SSL=false`, ' +
      '`CONDA_SSL_VERIFY=false`, `BUNDLE_SSL_VERIFY_MODE=0`, `GOINSECURE`, `GOSUMDB=off`. An ARG turns the check off ' +
      'for every later RUN of the stage; an ENV also for every process of the running container, where the ' +
      'application then accepts forged certificates too. Checkov has some of these (CKV2_DOCKER_5, _6, _12, _13, ' +
      '_14, _16); hadolint has none. The same variables set inside a RUN are reported by ' +
      '`dockerfile/tls-verification-disabled` and `dockerfile/package-signature-check-disabled`.',
    howToFix:
      'Remove the variable. For a server with a private CA, install the CA certificate in the image ' +
      '(`COPY ca.crt /usr/local/share/ca-certificates/` + `RUN update-ca-certificates`) or point the tool at it ' +
      '(`NODE_EXTRA_CA_CERTS`, `PIP_CERT`, `GIT_SSL_CAINFO`, `REQUESTS_CA_BUNDLE`); use https:// index URLs.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM node:22-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN npm ci\n' },
        { code: 'FROM python:3.13-slim\nARG PIP_TRUSTED_HOST=pypi.internal\nRUN pip install -r requirements.txt\n', note: 'an ARG affects the RUNs after it' },
        { code: 'FROM debian:bookworm-slim\nENV GIT_SSL_NO_VERIFY=false\n', note: 'git only checks that the variable is set' },
      ],
      good: [
        { code: 'FROM node:22-slim\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/internal-ca.pem\nRUN npm ci\n' },
        { code: 'FROM python:3.13-slim\nENV PIP_INDEX_URL=https://pypi.internal/simple\n' },
        { code: 'FROM node:22-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n' },
      ],
    },
  },
  check(ctx) {
    const instructions = [...ctx.doc.find('ENV', { triggers: true }), ...ctx.doc.find('ARG', { triggers: true })] as (EnvInstruction | ArgInstruction)[];
    instructions.sort((a, b) => a.span.start - b.span.start);
    for (const ins of instructions) {
      for (const pair of ins.pairs) {
        if (!pair.value) continue;
        const name = pair.name.value;
        const hit = insecureEnv(name, pair.value.value);
        if (!hit) continue;
        const scope = ins.keyword === 'ENV' ? 'in every later RUN and in the running container' : 'in every later RUN of the stage';
        ctx.report({
          message: `\`${ins.keyword} ${name}=${pair.value.value}\` ${hit.what} ${scope}; remove it${hit.kind === 'tls' ? ' and trust the right CA instead' : ''}`,
          span: pair.span,
        });
      }
    }
  },
});
