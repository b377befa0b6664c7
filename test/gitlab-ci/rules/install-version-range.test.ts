import { describe, expect, test } from 'vitest';
import { brief, lint, messages } from '../helpers.js';

const only = { only: ['install-version-range'] };

describe('install-version-range', () => {
  test('pip: no upper bound, any minor, only a major, a branch of a VCS URL or archive', () => {
    const code = [
      'a:',
      '  script:',
      '    - pip install "flask>=2.0" django==4.* six==1',
      '    - pip3 install git+https://gitlab.com/ase/ase.git@master https://github.com/kivy/buildozer/archive/master.zip',
      '',
    ].join('\n');
    expect(brief(lint(code, only))).toEqual([
      '3:19 install-version-range',
      '3:32 install-version-range',
      '3:44 install-version-range',
      '4:20 install-version-range',
      '4:62 install-version-range',
    ]);
    expect(messages('a:\n  script: pip install "flask>=2.0"\n', ['install-version-range'])).toEqual([
      '2:23 `pip install flask>=2.0` `>=2.0` has no upper bound, so it takes every future release (Fuzzy Version): pin it (`flask==<version>`) or bound it (`flask>=X.Y,<X+1`)',
    ]);
  });

  test('pins, bounded ranges, ~=, tags, files and unversioned packages are left alone', () => {
    const code = 'a:\n  script:\n    - pip install "flask>=2,<3" requests==2.32.3 "attrs~=23.1" git+https://x/y.git@v1.2 ./dist/a.whl numpy -r req.txt\n';
    expect(lint(code, only)).toEqual([]);
  });

  test('npm ranges and gem lower bounds', () => {
    const code = "a:\n  script:\n    - npm install -g @angular/cli@^17.3.0 typescript@5.4.5\n    - gem install rails -v '>= 7'\n    - gem install rake -v '~> 13.0'\n";
    expect(brief(lint(code, only))).toEqual(['3:22 install-version-range', '4:28 install-version-range']);
  });
});
