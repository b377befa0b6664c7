import { defineRule } from '../../engine/types.js';
import { officialImageName } from '../../eol/index.js';
import type { ShellCommand } from '../../shell/model.js';
import type { DockerfileDoc, ImageRef, Stage } from '../model.js';
import { effectiveInstruction, rootImage, stageChain } from '../queries.js';

/** `root`, `0`, `root:root`, `0:0`. */
function isRootUser(user: string): boolean {
  return /^(root|0)(:.*)?$/.test(user.trim());
}

/** Images known to run as a non-root user by default. */
function runsAsNonRoot(image: ImageRef): boolean {
  const ref = image.resolved.toLowerCase();
  const tag = image.tag?.value.toLowerCase() ?? '';
  if (tag.includes('nonroot')) return true;
  // .NET's chiseled and distroless images run as their `app` user.
  if (ref.startsWith('mcr.microsoft.com/dotnet/') && /chiseled|distroless/.test(tag)) return true;
  if (ref.startsWith('cgr.dev/chainguard/')) return !/(^|-)dev$/.test(tag);
  return /(^|\/)nginxinc\/nginx-unprivileged(:|@|$)/.test(ref) || (/(^|\/)bitnami\//.test(ref) && !ref.includes('bitnami/minideb'));
}

/** Tools that start the main process as another user (entrypoint scripts of many official images). */
const PRIVILEGE_DROP = /\b(gosu|su-exec|setpriv|runuser|s6-setuidgid|chpst|setuidgid)\b|chroot\s+--userspec/;

/** Interactive programs a base or tool image starts by default (`CMD ["python3"]`, `CMD ["bash"]`). */
const INTERACTIVE = /^(sh|bash|ash|dash|zsh|fish|python[\d.]*|pypy[\d.]*|node|irb|php|jshell|ghci|erl|iex|pwsh|powershell|cmd|julia|R|swift|clojure|groovysh|lua[\d.]*|perl|tclsh)$/;

/** Servers whose master process starts as root on purpose and runs its workers as an unprivileged user. */
const SELF_DROPPING = /^(nginx|httpd|httpd-foreground|apache2|apache2-foreground|apache2ctl|php-fpm[\d.]*|postfix|sshd|dovecot|named|unbound|squid)$/;

/**
 * The program the container runs, when the Dockerfile defines it: the ENTRYPOINT, or the CMD when there is
 * no ENTRYPOINT or the ENTRYPOINT is a wrapper script that runs its arguments (`docker-entrypoint.sh`).
 */
function startProgram(stage: Stage): ShellCommand | undefined {
  const entrypoint = effectiveInstruction(stage, 'ENTRYPOINT')?.script?.commands[0];
  const cmd = effectiveInstruction(stage, 'CMD')?.script?.commands[0];
  if (entrypoint && !(cmd && /entrypoint/i.test(entrypoint.name ?? ''))) return entrypoint;
  return cmd;
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/final-stage-runs-as-root',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'The final stage sets no USER, or its last USER is root: the container runs as root.',
    rationale:
      'A process that runs as root in a container is root on the container\'s filesystem and much closer to root ' +
      'on the host: a vulnerability in the application becomes a way to change its own code, read every mounted ' +
      'secret, and exploit any kernel or runtime flaw with full privileges. Most base images (python, node, debian, ' +
      'scratch …) run as root unless the Dockerfile says otherwise. Only the final stage is checked — builder ' +
      'stages may need root to install packages, and hadolint\'s DL3002 already reports `USER root` last in any ' +
      'stage — but a USER set in a stage the final one is built on (`FROM base`) counts. Images that run as a ' +
      'non-root user by default (distroless `:nonroot`, .NET chiseled, Chainguard, nginx-unprivileged, Bitnami) and stages whose ' +
      'entrypoint drops privileges itself (gosu, su-exec, setpriv, as docker-library images do) are not reported. ' +
      'Trivy (DS-0002) and Checkov (CKV_DOCKER_3, CKV_DOCKER_8) have the same check.',
    howToFix:
      'Create an unprivileged user in the image and switch to it at the end: `RUN useradd --system --uid 10001 app` ' +
      '(Alpine: `adduser -S -u 10001 app`), then `USER 10001:10001` before CMD/ENTRYPOINT. For `scratch` or ' +
      'distroless images use a numeric user such as `USER 65532:65532`, or the `:nonroot` tag.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "main.py"]\n', note: 'no USER at all' },
        { code: 'FROM node:22-slim\nUSER node\nRUN npm ci\nUSER root\nCMD ["node", "server.js"]\n', note: 'root is the last USER' },
        { code: 'FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n' },
      ],
      good: [
        { code: 'FROM python:3.13-slim\nRUN useradd --system --uid 10001 app\nCOPY . /app\nUSER 10001:10001\nCMD ["python", "/app/main.py"]\n' },
        { code: 'FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n', note: 'the builder stage may run as root; the image runs as nonroot' },
        { code: 'FROM python:3.13-slim AS base\nRUN useradd --system --uid 10001 app\nUSER app\nFROM base\nCMD ["python", "-m", "app"]\n', note: 'the USER is inherited through FROM base' },
      ],
    },
  },
  check(ctx) {
    const stage = ctx.doc.stages[ctx.doc.stages.length - 1];
    if (!stage || stage.platform === 'windows') return;
    const state = stage.endState;
    if (state.user !== undefined) {
      const ins = state.userInstruction;
      if (!isRootUser(state.user) || !ins?.user) return;
      ctx.report({
        message: `the last USER of the final stage is \`${state.user}\`, so the container runs as root; switch to an unprivileged user (\`USER 10001:10001\`) after the steps that need root`,
        span: ins.user.span,
      });
      return;
    }
    const image = rootImage(stage);
    if (!image || image.unresolved.length > 0 || runsAsNonRoot(image)) return;
    // A Dockerfile that does not say what the container runs, or starts a shell or REPL, is a base or tool
    // image: the images built on it choose their user.
    const program = startProgram(stage);
    const name = program?.name;
    if (name === undefined || SELF_DROPPING.test(name)) return;
    if (INTERACTIVE.test(name) && program!.args.every((a) => a.value?.startsWith('-'))) return;
    for (const s of stageChain(stage)) {
      for (const ins of s.instructions) {
        if ((ins.keyword === 'RUN' || ins.keyword === 'ENTRYPOINT' || ins.keyword === 'CMD' || ins.keyword === 'COPY') && PRIVILEGE_DROP.test(ctx.doc.text.slice(ins.span.start, ins.span.end))) return;
      }
    }
    const from = stage.from;
    const end = from.image ? from.image.token.span.end : from.keywordToken.span.end;
    const who = image.isScratch
      ? 'as root (uid 0, the default of `scratch`)'
      : officialImageName(image.registry ? `${image.registry.value}/${image.name.value}` : image.name.value) !== undefined
        ? `as root (the default user of \`${image.resolved}\`)`
        : `as the default user of \`${image.resolved}\`, which is root unless that image sets another`;
    ctx.report({
      message: `the final stage sets no USER, so the container runs ${who}; create an unprivileged user and add \`USER\` before CMD/ENTRYPOINT`,
      span: { start: from.keywordToken.span.start, end },
    });
  },
});
