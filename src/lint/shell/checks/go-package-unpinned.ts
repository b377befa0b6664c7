import { defineShellCheck } from '../check.js';
import type { ShellCommand, ShellWord } from '../model.js';
import { installsWhat, itOrThem, unpinnedPackages } from '../pinning.js';
import { pushAll } from '../../../util/push-all.js';

/** go build flags that take a value (`-ldflags "-s -w"`); Go accepts one or two dashes. */
const GO_WITH_VALUE = new Set([
  'C', 'p', 'covermode', 'coverpkg', 'asmflags', 'buildmode', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix',
  'ldflags', 'mod', 'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec', 'o', 'exec', 'debug-actiongraph',
  'debug-runtime-trace', 'debug-trace',
]);

/** The subcommand and the operands of a `go` command, Go-style flags skipped. */
function goOperands(cmd: ShellCommand): { sub: string; operands: ShellWord[] } | undefined {
  const [subWord, ...rest] = cmd.args;
  const sub = subWord?.value;
  if (sub !== 'install' && sub !== 'get' && sub !== 'run') return undefined;
  const operands: ShellWord[] = [];
  for (let i = 0; i < rest.length; i++) {
    const v = rest[i]!.value;
    if (v === '--') {
      pushAll(operands, rest.slice(i + 1));
      break;
    }
    if (v === undefined || !v.startsWith('-') || v === '-') {
      operands.push(rest[i]!);
      // `go run pkg args…`: what follows the program is its own arguments.
      if (sub === 'run') break;
      continue;
    }
    const name = v.replace(/^--?/, '');
    if (!name.includes('=') && GO_WITH_VALUE.has(name)) i++;
  }
  return { sub, operands };
}

/** A module query that names one version: `v1.2.3`, a pseudo-version, a commit hash, a comparison. */
function versionQuery(query: string): boolean {
  return /^(v?\d|[<>])/.test(query) || /^[0-9a-f]{7,40}$/.test(query);
}

/** True for a package path on another host (`github.com/x/y`); false for local paths and the main module's packages. */
function remote(path: string): boolean {
  if (/^[./]/.test(path) || path.endsWith('.go')) return false;
  return path.split('/')[0]!.includes('.');
}

export default defineShellCheck({
  name: 'go-package-unpinned',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3062'] },
  severity: 'warning',
  description: '`go install pkg@latest`, `go get pkg` or `go run pkg@latest`: a Go package whose version is whatever is newest.',
  rationale:
    '`@latest` (or a branch such as `@main`) resolves to whatever was pushed last when the image is built or the ' +
    'job runs, so the same Dockerfile or pipeline changes its result overnight; the module proxy keeps every ' +
    'version, so a pin keeps working. As in hadolint (DL3062), `go install`, `go get` and `go run` are checked, ' +
    '`@latest` counts as unpinned, and local packages are fine. Unlike hadolint, `go install pkg` and `go run pkg` ' +
    "without `@version` are not reported: they build the version the main module's go.mod requires (or fail " +
    'outside a module), which is a pin; `go get pkg` without a version is (it takes the newest release), a ' +
    'branch query such as `@main` or `@upgrade` counts as unpinned like `@latest`, and all unpinned packages of a ' +
    'command are named in one finding.',
  howToFix: 'Name a version: `go install golang.org/x/tools/gopls@v0.16.1` (a tag or a commit); in a module, `go get pkg@v1.2.3`.',
  fixable: false,
  examples: {
    bad: [
      { script: 'go install golang.org/x/tools/gopls@latest', image: 'golang:1.22' },
      { script: 'go get -d github.com/spf13/cobra && go run github.com/swaggo/swag/cmd/swag@master init', image: 'golang:1.22', note: 'go get without a version takes the latest release; a branch moves' },
    ],
    good: [
      { script: 'go install -ldflags "-s -w" golang.org/x/tools/gopls@v0.16.1 ./cmd/server', image: 'golang:1.22' },
      { script: 'go get github.com/spf13/cobra@v1.8.1 && go install github.com/spf13/cobra && go run . serve', image: 'golang:1.22', note: 'without @version, go install builds the go.mod version' },
    ],
  },
  check: unpinnedPackages({
    installs: (script) =>
      script.commands.flatMap((cmd) => {
        if (cmd.name !== 'go') return [];
        const found = goOperands(cmd);
        return found ? [{ cmd, verb: `go ${found.sub}`, operands: found.operands }] : [];
      }),
    pinned(pkg, install) {
      const at = pkg.lastIndexOf('@');
      // Without a query, install and run build the go.mod version; get upgrades a remote package to the latest.
      if (at < 0) return install.verb !== 'go get' || !remote(pkg);
      const query = pkg.slice(at + 1);
      return query === 'none' || versionQuery(query);
    },
    message: (what, first, install) =>
      `${installsWhat(install, what, first)} whatever version is newest at build time; pin ${itOrThem(what, first)} (\`${first.replace(/@.*/s, '')}@v<version>\`)`,
  }),
});
