import { fileLabel, keepItIn } from './advice.js';
import { FAKE_PASSWORD } from './fake-secrets.js';
import { capitalize, secretFamilyRule } from './family-rule.js';

export default secretFamilyRule(
  {
    id: 'secrets/url-credentials',
    kind: 'any',
    severity: 'error',
    description: 'A URL carries a literal password (`scheme://user:password@host`).',
    rationale:
      'Database, registry, proxy and Git URLs with a password leak it to everyone who reads the file, and to every log that prints the URL. ' +
      'Only literal passwords are reported: `$DB_PASSWORD`, `${PASS}` and templates are references. ' +
      'Placeholders (`password`, `changeme`, `xxx`) and a password equal to the user name are not reported, nor well-known image defaults such as `postgres://postgres:postgres@postgres/test` for a CI service container that exists only while the job runs. ' +
      "This rule replaces secretlint's basic-auth and connection-string rules, which report the whole URL for any password.",
    howToFix:
      'Change the password, then build the URL from a variable: `postgres://app:$DB_PASSWORD@db/app` with DB_PASSWORD a masked CI/CD variable (or a secret mount in a Dockerfile).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          filename: '.gitlab-ci.yml',
          code: `variables:\n  DATABASE_URL: postgres://app:${FAKE_PASSWORD}@db.example.com:5432/app\n`,
          note: 'A production database password in a CI variable.',
        },
        {
          filename: 'Makefile',
          code: `install:\n\tpip install --index-url https://deploy:${FAKE_PASSWORD}@pypi.example.com/simple app\n`,
          note: 'A package index password in a recipe.',
        },
      ],
      good: [
        {
          filename: '.gitlab-ci.yml',
          code: 'variables:\n  DATABASE_URL: postgres://app:$DB_PASSWORD@db.example.com:5432/app\n',
          note: 'The password comes from a masked CI/CD variable.',
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'test:\n  services: [postgres:16]\n  variables:\n    POSTGRES_PASSWORD: postgres\n    DATABASE_URL: postgres://postgres:postgres@postgres/test\n  script: [pytest]\n',
          note: "A service container's default password lives as long as the job.",
        },
      ],
    },
  },
  'url-credentials',
  (hit, file) =>
    `${capitalize(hit.what)} (\`${hit.masked}\`) committed in \`${fileLabel(file)}\`; change the password and ${keepItIn(file)}, building the URL from it`,
);
