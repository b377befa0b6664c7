import { defineRule } from '../../engine/types.js';
import { hasFlag } from '../../shell/args.js';
import type { ShellCommand } from '../../shell/model.js';
import { basename, isTarArchive } from '../archives.js';
import type { CopyInstruction, DockerfileDoc, Token } from '../model.js';

/** `tar -xzf`, `tar xzf`, `tar --extract`: tar told to extract. */
function isTarExtract(cmd: ShellCommand): boolean {
  if (cmd.name !== 'tar') return false;
  return cmd.args.some((a, i) => {
    const v = a.value;
    if (v === undefined) return false;
    if (v === '--extract' || v === '--get') return true;
    if (/^-[A-Za-z]+$/.test(v)) return v.includes('x');
    return i === 0 && /^[A-Za-wyz]*x[A-Za-z]*$/.test(v); // old-style `tar xzf file`
  });
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/copy-archive-then-extract',
    kind: 'dockerfile',
    severity: 'info',
    description: 'A local tar archive is COPYed and then unpacked with `tar` in a later RUN of the stage.',
    rationale:
      'The COPY layer keeps the archive for good, even when the RUN deletes it afterwards; `ADD archive.tar.gz /dest/` ' +
      'unpacks it in one step and stores only the files. hadolint (DL3010) reports the same pattern; slipway only ' +
      'counts tar archives (ADD copies a plain `.gz` or `.zip` without unpacking, so suggesting ADD for `gunzip` or ' +
      '`unzip` would be wrong), reads old-style `tar xzf`, skips `tar --strip-components` (ADD cannot strip), and ' +
      'checks every stage (hadolint keeps only the last stage\'s findings).',
    howToFix: 'Replace the COPY and the `tar -x` with `ADD archive.tar.gz /destination/`.',
    fixable: false,
    aliases: ['DL3010'],
    examples: {
      bad: [
        { code: 'FROM debian:bookworm-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n' },
        { code: 'FROM alpine:3.20\nCOPY dist/site.tgz /srv/\nWORKDIR /srv\nRUN tar xzf site.tgz\n', note: 'old-style tar options' },
      ],
      good: [
        { code: 'FROM debian:bookworm-slim\nADD app.tar.gz /opt/\n' },
        { code: 'FROM debian:bookworm-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz --strip-components=1 -C /opt\n', note: 'ADD cannot strip path components' },
        { code: 'FROM debian:bookworm-slim\nCOPY bundle.zip /tmp/\nRUN unzip /tmp/bundle.zip -d /opt\n', note: 'ADD does not unpack zip files' },
      ],
    },
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const copied = new Map<string, { copy: CopyInstruction; token: Token }>();
      for (const ins of stage.instructions) {
        if (ins.keyword === 'COPY' && !ins.flag('from')) {
          const dest = ins.destination;
          if (dest && isTarArchive(dest.value) && ins.sources.length === 1) copied.set(basename(dest.value), { copy: ins, token: ins.sources[0]! });
          else for (const s of ins.sources) if (isTarArchive(s.value)) copied.set(basename(s.value), { copy: ins, token: s });
        } else if (ins.keyword === 'RUN' && copied.size > 0) {
          for (const cmd of ins.script?.commands ?? []) {
            if (!isTarExtract(cmd) || hasFlag(cmd, '--strip-components') || hasFlag(cmd, '--strip')) continue;
            for (const arg of cmd.args) {
              const name = arg.value === undefined ? undefined : basename(arg.value);
              const hit = name === undefined ? undefined : copied.get(name);
              if (!hit) continue;
              copied.delete(name!);
              ctx.report({
                message: `\`${hit.token.value}\` is copied here and unpacked by the RUN on line ${ins.startLine}, so the archive stays in this layer; \`ADD ${hit.token.value} <dir>/\` unpacks it in one step`,
                span: hit.token.span,
              });
            }
          }
        }
      }
    }
  },
});
