import { defineRule, type Span } from '../../engine/types.js';
import type { ShellScript } from '../../shell/model.js';
import type { DockerfileDoc } from '../model.js';
import { effectiveInstruction } from '../queries.js';

/** Programs that run a network server. */
const SERVERS = new Set([
  'gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'waitress-serve', 'granian', 'nginx', 'httpd', 'httpd-foreground',
  'apache2-foreground', 'apache2ctl', 'caddy', 'puma', 'unicorn', 'rackup', 'thin', 'http-server', 'php-fpm',
  'traefik', 'envoy', 'haproxy', 'lighttpd',
]);
/** Python modules run with `-m` that serve. */
const SERVER_MODULES = new Set(['uvicorn', 'gunicorn', 'hypercorn', 'daphne', 'granian', 'http.server', 'flask', 'waitress']);

/** The server a command starts, if it clearly starts one (`gunicorn …`, `python -m uvicorn …`, `flask run`). */
function serverOf(script: ShellScript | undefined): { name: string; span: Span } | undefined {
  for (const cmd of script?.commands ?? []) {
    const name = cmd.name;
    if (name === undefined || !cmd.nameWord) continue;
    const args = cmd.args.map((a) => a.value);
    if (SERVERS.has(name)) return { name, span: cmd.nameWord.span };
    if (/^python[\d.]*$/.test(name)) {
      const m = args.indexOf('-m');
      const module = m >= 0 ? args[m + 1] : undefined;
      if (module !== undefined && SERVER_MODULES.has(module) && (module !== 'flask' || args.includes('run'))) return { name: `python -m ${module}`, span: cmd.nameWord.span };
      if (args.some((a) => a !== undefined && /(^|\/)manage\.py$/.test(a)) && args.includes('runserver')) return { name: 'manage.py runserver', span: cmd.nameWord.span };
    }
    if (name === 'flask' && args[0] === 'run') return { name: 'flask run', span: cmd.nameWord.span };
    if ((name === 'rails' || name === 'bin/rails') && (args[0] === 'server' || args[0] === 's')) return { name: 'rails server', span: cmd.nameWord.span };
    if (name === 'php' && args.includes('-S')) return { name: 'php -S', span: cmd.nameWord.span };
  }
  return undefined;
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/healthcheck-missing',
    kind: 'dockerfile',
    severity: 'info',
    description: 'The image serves on a port (EXPOSE, or a server as its command) but has no HEALTHCHECK.',
    rationale:
      'Without a HEALTHCHECK, Docker and Compose only know whether the process is running: a server that hangs, ' +
      'deadlocks or lost its database stays "up" and keeps receiving traffic, and `depends_on: condition: ' +
      'service_healthy` cannot wait for it. Only the final stage of an image that serves — it EXPOSEs a port or its ' +
      'CMD/ENTRYPOINT starts a known server (gunicorn, uvicorn, nginx, `flask run` …) — is reported, so workers and ' +
      'tool images are left alone; `HEALTHCHECK NONE` says the check is deliberately off and is accepted, as is a ' +
      'HEALTHCHECK in a stage the final one builds on. Kubernetes ignores HEALTHCHECK and uses its own probes: turn ' +
      'the rule off there. hadolint\'s DL3057 (off by default) reports every stage without a HEALTHCHECK; Trivy ' +
      '(DS-0026) and Checkov (CKV_DOCKER_2) every image.',
    howToFix:
      'Add a HEALTHCHECK that asks the server itself, with a command the image has: `HEALTHCHECK --interval=30s ' +
      '--timeout=5s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')"]` ' +
      '(or `curl -f`/`wget -q --spider` where installed); `HEALTHCHECK NONE` if the orchestrator checks health.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM python:3.13-slim\nCOPY . /app\nUSER 10001\nEXPOSE 8000\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n' },
        { code: 'FROM nginx:1.27-alpine\nCOPY dist/ /usr/share/nginx/html/\nCMD ["nginx", "-g", "daemon off;"]\n', note: 'a server command without EXPOSE' },
      ],
      good: [
        {
          code:
            'FROM python:3.13-slim\nCOPY . /app\nUSER 10001\nEXPOSE 8000\nHEALTHCHECK --interval=30s --timeout=5s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')"]\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
        },
        { code: 'FROM python:3.13-slim\nCOPY . /app\nCMD ["python", "-m", "worker"]\n', note: 'a worker: nothing to probe' },
        { code: 'FROM python:3.13-slim\nEXPOSE 8000\nHEALTHCHECK NONE\nCMD ["gunicorn", "app:app"]\n', note: 'explicitly off' },
      ],
    },
  },
  check(ctx) {
    const stage = ctx.doc.stages[ctx.doc.stages.length - 1];
    if (!stage || stage.platform === 'windows') return;
    if (effectiveInstruction(stage, 'HEALTHCHECK')) return;
    const expose = effectiveInstruction(stage, 'EXPOSE');
    if (expose) {
      const ports = expose.args.map((a) => a.value);
      const where = `port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}`;
      ctx.report({
        message: `the image serves on ${where} but has no HEALTHCHECK, so a hung server still counts as running; add \`HEALTHCHECK CMD …\` that requests it (or \`HEALTHCHECK NONE\` if the orchestrator checks)`,
        span: expose.keywordToken.span,
      });
      return;
    }
    for (const c of [effectiveInstruction(stage, 'ENTRYPOINT'), effectiveInstruction(stage, 'CMD')]) {
      const server = serverOf(c?.script);
      if (!server) continue;
      ctx.report({
        message: `the image runs \`${server.name}\` but has no HEALTHCHECK, so a hung server still counts as running; add \`HEALTHCHECK CMD …\` that requests it (or \`HEALTHCHECK NONE\` if the orchestrator checks)`,
        span: server.span,
      });
      return;
    }
  },
});
