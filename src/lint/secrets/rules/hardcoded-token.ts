import { fileLabel, keepItIn } from './advice.js';
import { FAKE_GITLAB_PAT, FAKE_RUNNER_REGISTRATION_TOKEN } from './fake-secrets.js';
import { secretFamilyRule } from './family-rule.js';

export default secretFamilyRule(
  {
    id: 'secrets/hardcoded-token',
    kind: 'any',
    severity: 'error',
    description: 'A token in a known issuer format (GitLab, GitHub, AWS, npm, PyPI, Slack, …) is written in the file.',
    rationale:
      'A token in a committed file is readable by everyone who can read the repository, its forks, its CI logs and the images built from it, for as long as the history exists: deleting the line does not un-leak it. ' +
      "Formats come from secretlint's recommended preset (run in-process) plus slipway's own GitLab families — personal, project and group access tokens, pipeline trigger, runner authentication and registration, CI/CD job, deploy, feed, incoming mail, agent, OAuth application, SCIM, feature flag and workspace tokens — and PyPI upload tokens. " +
      'Placeholders with no randomness (`glpat-xxxxxxxxxxxxxxxxxxxx`) are not reported. The message shows at most the first 4 characters.',
    howToFix:
      'Revoke the token first (it is compromised from the moment it was pushed), then create a new one and keep it out of the repository: in GitLab CI as a masked, protected CI/CD variable referenced as `$NAME`; in a Dockerfile through a BuildKit secret mount (`RUN --mount=type=secret,id=token …`).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { filename: '.gitlab-ci.yml', code: `variables:\n  GITLAB_TOKEN: ${FAKE_GITLAB_PAT}\n`, note: 'A personal access token in CI variables.' },
        {
          filename: 'Dockerfile',
          code: `FROM alpine:3.20\nRUN git clone https://oauth2:${FAKE_GITLAB_PAT}@gitlab.com/group/app.git /src\n`,
          note: 'A token in a clone URL stays in the image layer and its history.',
        },
        {
          filename: 'Makefile',
          code: `register:\n\tgitlab-runner register --registration-token ${FAKE_RUNNER_REGISTRATION_TOKEN}\n`,
          note: 'A runner registration token in a recipe.',
        },
      ],
      good: [
        {
          filename: '.gitlab-ci.yml',
          code: 'release:\n  script:\n    - curl --header "PRIVATE-TOKEN: $GITLAB_TOKEN" "$CI_API_V4_URL/projects"\n',
          note: 'The token comes from a masked CI/CD variable.',
        },
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=gitlab_token git clone "https://oauth2:$(cat /run/secrets/gitlab_token)@gitlab.com/group/app.git" /src\n',
          note: 'A BuildKit secret mount leaves nothing in the image.',
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'variables:\n  # Set GITLAB_TOKEN (glpat-xxxxxxxxxxxxxxxxxxxx) in Settings > CI/CD > Variables\n  API_URL: https://gitlab.example.com/api/v4\n',
          note: 'A placeholder is not a token.',
        },
      ],
    },
  },
  'token',
  (hit, file) => `${hit.what} \`${hit.masked}\` committed in \`${fileLabel(file)}\`; revoke it and ${keepItIn(file)}`,
);
