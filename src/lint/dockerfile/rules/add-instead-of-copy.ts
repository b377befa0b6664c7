import { defineRule, type Fix } from '../../engine/types.js';
import { isRemoteSource, looksLikeArchive } from '../archives.js';
import type { DockerfileDoc } from '../model.js';

/** Flags only ADD has: with them the instruction cannot become COPY. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/add-instead-of-copy',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'ADD copies local files or directories, which COPY does more plainly.',
    rationale:
      'ADD also downloads URLs and unpacks local tar archives, so a reader has to check each source to know what it ' +
      'does, and a file that later becomes an archive is silently unpacked. COPY only copies. Like hadolint (DL3020), ' +
      'ADD is fine for URLs and for sources that look like archives (`.tar`, `.tgz`, `.gz`, …); slipway also accepts ' +
      'git sources and ADD-only flags (`--checksum`, `--keep-git-dir`, `--unpack`), skips sources written with a ' +
      'variable it cannot resolve, and reports a warning where hadolint reports an error: the build works, it is ' +
      'only less clear.',
    howToFix: 'Replace ADD with COPY (`--fix` does it); keep ADD only to fetch a URL (with `--checksum`) or unpack an archive.',
    fixable: true,
    aliases: ['DL3020'],
    examples: {
      bad: [
        { code: 'FROM python:3.12-slim\nADD requirements.txt /app/\n', output: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\n' },
        { code: 'FROM python:3.12-slim\nadd --chown=app:app src/ config.yaml /app/\n', output: 'FROM python:3.12-slim\ncopy --chown=app:app src/ config.yaml /app/\n' },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\n' },
        {
          code: 'FROM debian:bookworm-slim\nADD rootfs.tar.gz /\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /tmp/\n',
          note: 'an archive to unpack; a download',
        },
        { code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n', note: 'a git repository' },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    for (const add of doc.find('ADD')) {
      if (add.sources.length === 0 || add.flags.some((f) => ADD_ONLY_FLAGS.has(f.name))) continue;
      const heredoc = (v: string) => v.startsWith('<<');
      const special = add.sources.some((s) => !heredoc(s.value) && (s.value.includes('$') || isRemoteSource(s.value) || looksLikeArchive(s.value)));
      if (special) continue;
      const keyword = add.keywordToken;
      const copy = keyword.value === keyword.value.toLowerCase() ? 'copy' : 'COPY';
      const fix: Fix = { range: [keyword.span.start, keyword.span.end], text: copy };
      const what = add.sources.length === 1 ? `\`${add.sources[0]!.value}\` is a local file or directory` : 'these are local files or directories';
      ctx.report({ message: `${what}, so ADD only copies it; use COPY, which does nothing more`, span: keyword.span, fix });
    }
  },
});
