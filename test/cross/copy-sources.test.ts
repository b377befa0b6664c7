import { describe, expect, it } from 'vitest';
import { isDockerignored, parseDockerignore } from '../../src/lint/cross/support/dockerignore.js';
import { lintRepo } from './helpers.js';

const RULE = 'project/copy-source-missing';
const run = (main: string, files: Record<string, string>) => lintRepo(RULE, main, files);
const ignored = (patterns: string, path: string) => isDockerignored(parseDockerignore(patterns), path);

describe('.dockerignore as docker reads it', () => {
  it('anchors patterns at the context root, unlike .gitignore', () => {
    expect(ignored('config\n', 'config/settings.toml')).toBe(true);
    expect(ignored('config\n', 'app/config/settings.toml')).toBe(false);
    expect(ignored('/config/\n', 'config')).toBe(true);
    expect(ignored('**/config\n', 'app/config/x')).toBe(true);
  });

  it('keeps * and ? inside one directory, ** across them, and lets the last match win', () => {
    expect(ignored('*.md\n', 'README.md')).toBe(true);
    expect(ignored('*.md\n', 'docs/README.md')).toBe(false);
    expect(ignored('docs/**/*.md\n', 'docs/a/b/x.md')).toBe(true);
    expect(ignored('*.txt\n!keep.txt\n', 'keep.txt')).toBe(false);
    expect(ignored('!keep.txt\n*.txt\n', 'keep.txt')).toBe(true);
    expect(ignored('# comment\n\n  build  \n', 'build/out')).toBe(true);
    expect(ignored('file?.[ab]\n', 'file1.a')).toBe(true);
  });
});

describe(".dockerignore: the examples of Docker's documentation", () => {
  const docs = '# comment\n*/temp*\n*/*/temp*\ntemp?\n';

  it('*/temp*, */*/temp* and temp? exclude one level, two levels and the root', () => {
    expect(ignored(docs, 'somedir/temporary.txt')).toBe(true);
    expect(ignored(docs, 'somedir/temp')).toBe(true);
    expect(ignored(docs, 'somedir/subdir/temporary.txt')).toBe(true);
    expect(ignored(docs, 'tempa')).toBe(true);
    expect(ignored(docs, 'tempb')).toBe(true);
    expect(ignored(docs, 'temp.txt')).toBe(false);
    expect(ignored(docs, 'temp')).toBe(false);
    expect(ignored(docs, 'tempab')).toBe(false);
    expect(ignored(docs, 'a/b/c/temp')).toBe(false);
  });

  it('**/*.go matches in every directory, the root included', () => {
    expect(ignored('**/*.go\n', 'main.go')).toBe(true);
    expect(ignored('**/*.go\n', 'cmd/app/main.go')).toBe(true);
    expect(ignored('**/*.go\n', 'main.go.txt')).toBe(false);
    expect(ignored('**\n', 'anything/at/all')).toBe(true);
    expect(ignored('a**b\n', 'ab')).toBe(true);
    expect(ignored('a**b\n', 'ax/y/b')).toBe(true);
    expect(ignored('a**b\n', 'ax/yb')).toBe(false);
    expect(ignored('a**b\n', 'axb')).toBe(false);
  });

  it('exceptions: *.md then !README.md; then README-secret.md excluded again', () => {
    expect(ignored('*.md\n!README.md\n', 'README.md')).toBe(false);
    expect(ignored('*.md\n!README.md\n', 'CHANGES.md')).toBe(true);
    const three = '*.md\n!README*.md\nREADME-secret.md\n';
    expect(ignored(three, 'README-secret.md')).toBe(true);
    expect(ignored(three, 'README-public.md')).toBe(false);
    expect(ignored(three, 'NOTES.md')).toBe(true);
    // A file re-included inside an excluded directory.
    expect(ignored('docs\n!docs/keep.md\n', 'docs/keep.md')).toBe(false);
    expect(ignored('docs\n!docs/keep.md\n', 'docs/other.md')).toBe(true);
  });

  it('cleans patterns as filepath.Clean does: leading /, ./ and .. elements', () => {
    expect(ignored('/build\n', 'build/x')).toBe(true);
    expect(ignored('./build/../dist\n', 'dist')).toBe(true);
    expect(ignored('./build/../dist\n', 'build')).toBe(false);
    expect(ignored('\\*.txt\n', '*.txt')).toBe(true);
    expect(ignored('\\*.txt\n', 'a.txt')).toBe(false);
    expect(ignored('[!a]x\n', 'bx')).toBe(true);
    expect(ignored('[!a]x\n', 'ax')).toBe(false);
  });

  it('matches in time linear in the path: many * in one segment against a long segment', () => {
    // As a regular expression, [^/]*a[^/]*a… backtracks polynomially here: this would not finish.
    const pattern = `${'*a'.repeat(12)}*b\n`;
    const long = 'a'.repeat(200_000);
    expect(ignored(pattern, long)).toBe(false);
    expect(ignored(pattern, `${long}b`)).toBe(true);
    expect(ignored(pattern, `${long}/b`)).toBe(false);
    expect(ignored(`**/${'*a'.repeat(12)}*\n`, `x/${long}/y`)).toBe(true);
  });
});

describe('project/copy-source-missing', () => {
  it('uses the context the CI builds with, and reports paths leaving it', async () => {
    const files = {
      '.gitlab-ci.yml': 'build:\n  script:\n    - docker build -f docker/Dockerfile docker\n',
      'docker/Dockerfile': 'FROM python:3.12-slim\nCOPY entrypoint.sh /\nCOPY app.py /app/\nCOPY ../requirements.txt /app/\n',
      'docker/entrypoint.sh': 'exec "$@"\n',
      'app.py': 'print(1)\n',
    };
    expect(await run('docker/Dockerfile', files)).toEqual([
      'docker/Dockerfile:3:6-12 COPY source `app.py` is not in the build context (docker)',
      'docker/Dockerfile:4:6-25 COPY source `../requirements.txt` is outside the build context; the build cannot read it (move the file into the context, or build from a parent directory)',
    ]);
  });

  it('without a known build, accepts the Dockerfile directory or the root, and reports what is in neither', async () => {
    const files = { 'deploy/Dockerfile': 'FROM python:3.12-slim\nCOPY app.py run.sh ./\nCOPY missing.txt ./\n', 'app.py': 'x\n', 'deploy/run.sh': 'x\n' };
    expect(await run('deploy/Dockerfile', files)).toEqual(['deploy/Dockerfile:3:6-17 COPY source `missing.txt` is not in the build context (deploy or .)']);
  });

  it('prefers <Dockerfile>.dockerignore over the context .dockerignore, and reads directories', async () => {
    const files = {
      Dockerfile: 'FROM python:3.12-slim\nCOPY src/ /app/src/\nCOPY docs /app/docs\n',
      'Dockerfile.dockerignore': 'docs\n',
      '.dockerignore': 'src\n',
      'src/app.py': 'x\n',
      'docs/index.md': 'x\n',
    };
    expect(await run('Dockerfile', files)).toEqual(['Dockerfile:3:6-10 COPY source `docs` is excluded by Dockerfile.dockerignore, so the build context does not have it']);
  });

  it('skips exec-form variables, --from, ADD URLs and unedited generated Dockerfiles', async () => {
    const generated =
      '# Generated by slipway from slipway.yaml. Do not edit by hand:\n# change slipway.yaml and run `slipway generate` (a hand-edited file is only overwritten with --force).\n';
    expect(
      await run('Dockerfile', {
        Dockerfile: 'FROM python:3.12-slim\nARG SRC=src\nCOPY ${SRC} /app\nCOPY --from=build /out /out\nADD git@example.com:x/y.git /y\nCOPY ["a b.txt", "/x"]\n',
        'a b.txt': 'x\n',
      }),
    ).toEqual([]);
    // Reading the digest needs the real header: take it from a generated file.
    const { withHeader } = await import('../../src/generate/header.js');
    const text = withHeader('FROM python:3.12-slim\nCOPY requirements.txt ./\n', { descriptorPath: 'slipway.yaml' });
    expect(text.startsWith(generated.split('\n')[0]!)).toBe(true);
    expect(await run('Dockerfile', { Dockerfile: text })).toEqual([]);
    // Once edited by hand, the file is checked like any other.
    expect(await run('Dockerfile', { Dockerfile: `${text}COPY more.txt ./\n` })).toEqual([
      'Dockerfile:6:6-22 COPY source `requirements.txt` is not in the build context (.)',
      'Dockerfile:7:6-14 COPY source `more.txt` is not in the build context (.)',
    ]);
  });

  it('leaves alone what the job makes before building, and files a Makefile builds', async () => {
    const files = {
      '.gitlab-ci.yml': 'package:\n  script:\n    - python -m build --wheel --outdir wheels\n    - docker build -t app .\n',
      Makefile: '.PHONY: image\nimage: out/app.bin\n\tdocker build .\nout/app.bin:\n\tgo build -o out/app.bin\n',
      Dockerfile: 'FROM python:3.12-slim\nCOPY wheels/ /wheels/\nCOPY out/app.bin /usr/local/bin/app\nCOPY image /x\n',
    };
    expect(await run('Dockerfile', files)).toEqual(['Dockerfile:4:6-11 COPY source `image` is not in the build context (.)']);
  });
});
