import type { Span } from '../../engine/types.js';
import { parseArgs, type CommandOptionSpec } from '../args.js';
import { defineShellCheck } from '../check.js';
import type { ShellCommand } from '../model.js';

const ALWAYS: Record<string, string> = {
  ping: 'pings a host',
  ping6: 'pings a host',
  fping: 'pings hosts',
  arping: 'pings a host',
  ifconfig: 'shows the network interfaces',
  traceroute: 'traces a route',
  tracepath: 'traces a route',
  mtr: 'traces a route',
  nslookup: 'looks up a name',
  dig: 'looks up a name',
};

const IP_OBJECTS = ['a', 'ad', 'addr', 'address', 'r', 'ro', 'route', 'l', 'li', 'link', 'n', 'neigh', 'neighbor', 'neighbour'];
const IP_CHANGES = ['add', 'del', 'delete', 'set', 'change', 'replace', 'flush', 'append', 'prepend'];
const IP_SPEC: CommandOptionSpec = { withValue: ['-f', '-family', '-n', '-netns', '-b', '-batch', '-rc', '-rcvbuf', '-l', '-loops'] };
const NC_SPEC: CommandOptionSpec = { withValue: ['-w', '-i', '-p', '-s', '-X', '-x', '-I', '-O', '-q', '-T', '-V', '-e', '-c', '-W', '-M', '-m'] };

const LOCAL_URL = /^(?:[a-z]+:\/\/)?(?:localhost|127(?:\.\d+){3}|0\.0\.0\.0|\[::1?\]|host\.docker\.internal)(?:[:/]|$)/i;

/** Commands that start a server in the background, after which probing it in the same RUN is a smoke test. */
function startsServer(cmd: ShellCommand): boolean {
  if (cmd.context.background) return true;
  const args = cmd.args.map((a) => a.value);
  if (cmd.name === 'service' && args.includes('start')) return true;
  if (cmd.name !== undefined && /ctl$/.test(cmd.name) && args[0] === 'start') return true;
  if ((cmd.name === 'nginx' || cmd.name === 'httpd') && !args.some((a) => a === '-s' || a === '-t' || a === '-v' || a === '-V')) return true;
  return args.some((a) => a === '--daemon' || a === '-daemon' || a === '--detach' || a === '--fork');
}

function probe(cmd: ShellCommand): { what: string; span: Span } | undefined {
  const name = cmd.name;
  if (name === undefined || !cmd.nameWord) return undefined;
  const what = ALWAYS[name];
  if (what) return { what, span: cmd.nameWord.span };
  if (name === 'ip') {
    const pos = parseArgs(cmd, IP_SPEC).positionals;
    const object = pos[0]?.value;
    if (object === undefined || !IP_OBJECTS.includes(object) || IP_CHANGES.includes(pos[1]?.value ?? '')) return undefined;
    return { what: 'shows the network configuration', span: { start: cmd.nameWord.span.start, end: pos[0]!.span.end } };
  }
  if (name === 'nc' || name === 'ncat' || name === 'netcat') {
    const z = parseArgs(cmd, NC_SPEC).options.find((o) => o.name === '-z');
    return z ? { what: 'probes a port', span: { start: cmd.nameWord.span.start, end: z.word.span.end } } : undefined;
  }
  if (name === 'curl' || name === 'wget') {
    const url = parseArgs(cmd).positionals.find((w) => w.value !== undefined && LOCAL_URL.test(w.value));
    return url ? { what: 'requests a server on the build container itself', span: { start: cmd.nameWord.span.start, end: url.span.end } } : undefined;
  }
  return undefined;
}

export default defineShellCheck({
  name: 'network-probe-in-build',
  hosts: ['dockerfile'],
  severity: 'warning',
  description: 'A RUN probes the network (`ping`, `ifconfig`, `ip addr`, `nc -z`, `curl localhost`) at build time.',
  rationale:
    'A RUN executes once, while the image is built, in a throwaway build container: `ping`, `ifconfig`, ' +
    '`ip addr`, `nslookup` or `nc -z` there describe the builder\'s network, not the network the container will ' +
    'run in, and `curl http://localhost:8000/health` asks a server that is not running. Such lines are usually ' +
    'debugging left behind or a health check put in the wrong place; they make the build depend on the builder ' +
    '(ping needs a raw-socket capability many builders lack, DNS differs in CI) and fail or pass for the wrong ' +
    'reasons. A request to localhost is accepted when the same RUN starts a server first (a build-time smoke test). ' +
    'hadolint lists `ifconfig` in DL3001\'s documentation but does not check it.',
  howToFix:
    'Remove the probe. To check the running container, use a HEALTHCHECK instruction (or the orchestrator\'s probes); ' +
    'to wait for a dependency, do it in the entrypoint at start-up.',
  fixable: false,
  examples: {
    bad: [
      { script: 'ping -c 1 db.internal' },
      { script: 'pip install -r requirements.txt && curl -f http://localhost:8000/health', note: 'nothing listens at build time' },
      { script: 'nc -zv redis 6379' },
    ],
    good: [
      { script: 'apt-get update && apt-get install -y --no-install-recommends iputils-ping netcat-openbsd', note: 'installing the tools is fine' },
      { script: 'nginx && curl -fsS http://localhost/ > /dev/null && nginx -s stop', note: 'a smoke test of a server started in the same RUN' },
    ],
  },
  check(ctx) {
    const commands = ctx.script.commands;
    // The first command that starts a server, found once per script (not once per probe: n² steps).
    let firstServer: number | undefined;
    for (const cmd of commands) {
      const hit = probe(cmd);
      if (!hit) continue;
      firstServer ??= commands.find(startsServer)?.index ?? Infinity;
      if ((cmd.name === 'curl' || cmd.name === 'wget') && firstServer < cmd.index) continue;
      ctx.report({
        message: `\`${cmd.name}\` ${hit.what} while the image is built, in the build container, not where the image will run; remove it (use HEALTHCHECK to check the running container)`,
        span: hit.span,
      });
    }
  },
});
