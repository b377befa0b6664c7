import { defineShellCheck } from '../check.js';
import { argsWith, GEM_OPTIONS, hasOption } from '../packages.js';
import { installsWhat, itOrThem, unpinnedPackages } from '../pinning.js';

export default defineShellCheck({
  name: 'gem-package-unpinned',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3028'] },
  severity: 'warning',
  description: '`gem install` of a gem without a version (`rails` rather than `rails:7.1.3` or `-v 7.1.3`).',
  rationale:
    'An unpinned gem is whatever RubyGems has newest when the image is built or the job runs, so a new major ' +
    'release changes the result overnight; RubyGems keeps every version, so a pin keeps working. As in hadolint ' +
    '(DL3028), `gem:version` and `-v`/`--version` count as pinned and the `gem i` alias is checked. Unlike hadolint, ' +
    'installing from a Gemfile (`-g`/`--file`) or a local `.gem` file counts as pinned, option values such as ' +
    '`--source URL` are not gems, and each gem is reported on its own word.',
  howToFix: 'Name the version: `gem install rails:7.1.3` or `gem install rails -v 7.1.3`; for many gems, use a Gemfile with Bundler.',
  fixable: false,
  examples: {
    bad: [
      { script: 'gem install bundler', image: 'ruby:3.3-slim' },
      { script: 'gem i --no-document rake:13.2.1 rubocop', image: 'ruby:3.3-slim' },
    ],
    good: [
      { script: 'gem install bundler:2.5.10 rake:13.2.1', image: 'ruby:3.3-slim' },
      { script: 'gem install --no-document rails -v 7.1.3 && gem install ./pkg/app-1.0.0.gem', image: 'ruby:3.3-slim' },
    ],
  },
  check: unpinnedPackages({
    installs: (script) =>
      script.commands.flatMap((cmd) => {
        if (cmd.name !== 'gem') return [];
        const parsed = argsWith(cmd, GEM_OPTIONS);
        const [sub, ...operands] = parsed.positionals;
        if (sub?.value !== 'install' && sub?.value !== 'i') return [];
        if (hasOption(parsed, '-v', '--version', '-g', '--file')) return [];
        return [{ cmd, verb: `gem ${sub.value}`, operands }];
      }),
    pinned: (gem) => gem.includes(':') || gem.endsWith('.gem') || gem.includes('/'),
    message: (what, first, install) =>
      `${installsWhat(install, what, first)} whatever version is newest at build time; pin ${itOrThem(what, first)} (\`${first}:<version>\`${what === first ? ' or `-v <version>`' : ''})`,
  }),
});
