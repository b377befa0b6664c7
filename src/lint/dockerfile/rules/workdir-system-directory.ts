import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

/** Kernel and boot file systems: not a place for an application. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev', '/boot', '/initrd', '/lost+found'];

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/workdir-system-directory',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'WORKDIR is a kernel or boot directory (/proc, /sys, /dev, /boot, …).',
    rationale:
      '/proc, /sys and /dev are mounted by the container runtime over whatever the image puts there, and /boot, ' +
      '/initrd and /lost+found belong to the host system: files written there at build time vanish or shadow system ' +
      'files, and an application working there is one step from the host. Trivy reports it (DS-0030); hadolint has ' +
      'no such rule. The directory is resolved as the build sees it (variables, relative WORKDIRs).',
    howToFix: 'Use a directory of your own: `WORKDIR /app`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nWORKDIR /proc/self\n' },
        { code: 'FROM alpine:3.20\nWORKDIR /dev\nWORKDIR shm\n', note: 'relative to a system directory' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nWORKDIR /app\n' },
        { code: 'FROM alpine:3.20\nWORKDIR /srv/devices\n' },
      ],
    },
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'WORKDIR' || !ins.path) continue;
        // The state after this WORKDIR is the state of the next instruction, or the stage's end state.
        const next = stage.instructions[stage.instructions.indexOf(ins) + 1];
        const dir = (next ? next.state : stage.endState).workdir;
        if (!dir || (next ? next.state : stage.endState).workdirInstruction !== ins) continue;
        const system = SYSTEM_DIRS.find((d) => dir === d || dir.startsWith(`${d}/`));
        if (!system) continue;
        ctx.report({
          message: `WORKDIR \`${dir}\` is inside ${system}, which belongs to the kernel or the host; work in a directory of your own such as /app`,
          span: ins.path.span,
        });
      }
    }
  },
});
