import { defineRule } from '../../engine/types.js';
import type { Project } from '../../../descriptor/model.js';
import { factsOf } from '../facts.js';

export default defineRule<Project>({
  meta: {
    id: 'descriptor/missing-file',
    kind: 'descriptor',
    severity: 'warning',
    description: 'The descriptor names a requirements, pyproject or compose file that the repository does not have.',
    rationale:
      'The generated Dockerfile copies these files and the CI jobs install from them: a missing one breaks the image ' +
      'build or the test job. Presets name `requirements.txt` and `requirements-dev.txt`; a project without them ' +
      'must say so.',
    howToFix:
      'Create the file, correct its path, or set the key to `false` (e.g. `python.devRequirements: false`) to drop a file a preset names.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          code: 'name: svc\nextends: python-flask\n',
          files: { 'requirements.txt': 'flask\ngunicorn\n' },
          note: 'The preset names requirements-dev.txt, which is missing.',
        },
        {
          code: 'name: svc\nlanguage: python\napp:\n  command: [python, app.py]\npython:\n  requirements: requirement.txt\n',
          files: { 'requirements.txt': 'requests\n' },
        },
      ],
      good: [
        {
          code: 'name: svc\nextends: python-flask\n',
          files: { 'requirements.txt': 'flask\n', 'requirements-dev.txt': 'pytest\n' },
        },
        {
          code: 'name: svc\nextends: python-flask\npython:\n  requirements: false\n  devRequirements: false\n  pyproject: pyproject.toml\n',
          files: { 'pyproject.toml': '[project]\nname = "svc"\n' },
        },
      ],
    },
  },
  check(ctx) {
    for (const missing of factsOf(ctx.doc)?.missingFiles ?? []) ctx.report(missing);
  },
});
