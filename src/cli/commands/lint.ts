import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { packageRoot } from '../../util/package-root.js';
import { FAILURE_THRESHOLDS, RULE_SETTINGS, type LintConfig, type RuleSetting } from '../../lint/engine/config.js';
import { describeFsError } from '../../lint/engine/discovery.js';
import type { FileKindOfFile } from '../../lint/engine/project.js';
import { lint, LintConfigError, loadRegistry, type LintResult } from '../../lint/index.js';
import { fixDiff, lintAndFix, writeFixes } from '../../lint/fix/index.js';
import type { FormatContext } from '../../report/context.js';
import { FORMATS, FORMAT_NAMES, type FormatName } from '../../report/formats/index.js';
import type { CommandSpec } from '../command.js';
import { SUMMARIES } from './summaries.js';
import { InputError, InputErrors, UsageError } from '../errors.js';

const KINDS: FileKindOfFile[] = ['dockerfile', 'gitlab-ci', 'makefile', 'tox', 'descriptor'];

export const lintCommand: CommandSpec = {
  ...SUMMARIES.lint,
  builder: (y) =>
    y
      .usage('$0 lint [paths..] [options]\n\nLint the given files and directories (- reads stdin), or the repository under the current directory.')
      .strict(false)
      .strictOptions()
      .option('format', { alias: 'f', choices: FORMAT_NAMES, default: 'stylish', describe: 'Output format' })
      .option('output', { alias: 'o', type: 'string', describe: 'Write the report to this file (atomically) instead of stdout' })
      .option('failure-threshold', { alias: 't', choices: FAILURE_THRESHOLDS, describe: 'Lowest severity that makes the exit status 1 (default: warning)' })
      .option('rule', { type: 'string', array: true, describe: 'Set a rule severity: ID=error|warning|info|style|off (id, alias or glob; repeatable)' })
      .option('ignore', { type: 'string', array: true, describe: 'Turn a rule off (id, alias or glob; repeatable)' })
      .option('trusted-registry', { type: 'string', array: true, describe: 'A registry base images may come from (repeatable)' })
      .option('config', { alias: 'c', type: 'string', describe: 'Configuration file to use instead of looking for one (--no-config: none)' })
      .option('kind', { choices: KINDS, describe: 'Lint the named files (and stdin) as this kind' })
      .option('stdin-filename', { type: 'string', describe: 'Name under which stdin (-) is linted and reported' })
      .option('cwd', { type: 'string', describe: 'Lint root (default: the current directory)' })
      .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on a terminal unless NO_COLOR is set)' })
      .option('fix', { type: 'boolean', describe: 'Apply the fixes of fixable rules in place, then report what remains (stdin: print the fixed text)' })
      .option('fix-dry-run', { alias: 'diff', type: 'boolean', describe: 'Print the fixes as unified diffs without writing; the report (of what would remain) goes to stderr' })
      .conflicts('fix', 'fix-dry-run'),
  run: async (args, io) => {
    const paths = ((args._ as unknown[] | undefined) ?? []).slice(1).map(String);
    const stdinName = args['stdin-filename'] as string | undefined;
    if (stdinName !== undefined && !paths.includes('-')) throw new UsageError('--stdin-filename needs - among the paths');
    if (paths.includes('-') && !io.stdin) throw new UsageError('cannot read stdin here');
    const cwd = resolve((args.cwd as string | undefined) ?? process.cwd());
    const overrides = overridesFrom(args);
    const config = args.config as string | false | undefined;

    const stdin = paths.includes('-') ? { text: await io.stdin!(), filename: stdinName ?? '-' } : undefined;
    const fix = Boolean(args.fix);
    const dryRun = Boolean(args['fix-dry-run']);
    const output = args.output as string | undefined;
    // Where the report goes when stdout carries fixed text or diffs.
    let report = io.out;
    let result: LintResult;
    try {
      const options = {
        cwd,
        kind: args.kind as FileKindOfFile | undefined,
        configFile: typeof config === 'string' ? config : undefined,
        noConfig: config === false,
        overrides,
        stdin,
      };
      if (fix || dryRun) {
        const run = await lintAndFix(paths, options);
        result = run.result;
        if (dryRun) {
          report = io.err;
          for (const f of run.fixed) io.out(fixDiff(f));
        } else {
          try {
            writeFixes(run.fixed);
          } catch (err) {
            throw new InputError(describeFsError(err, 'cannot write the fixed file'));
          }
          const fromStdin = run.texts.find((f) => f.absPath === undefined);
          if (fromStdin) {
            report = io.err;
            io.out(fromStdin.after);
          }
        }
      } else result = await lint(paths, options);
    } catch (err) {
      if (err instanceof LintConfigError) throw new InputErrors(err.problems.map((p) => new InputError(p.message, p.file, p.line, p.column)));
      throw err;
    }
    for (const e of result.errors) io.err(`${new InputError(e.message, e.file).format()}\n`);

    const registry = await loadRegistry();
    const noColor = Boolean(process.env.NO_COLOR);
    const color = (args.color as boolean | undefined) ?? (output === undefined && report === io.out && io.isTTY && !noColor);
    const context: FormatContext = {
      rule: (id) => registry.info(id),
      source: (p) => result.displaySources.get(p),
      files: result.files,
      color,
      toolVersion: toolVersion(),
      repoPath: repoPathFrom(cwd),
    };
    const text = FORMATS[args.format as FormatName].format(result.findings, context);
    if (output !== undefined) {
      try {
        writeFileAtomic(resolve(cwd, output), text);
      } catch (err) {
        throw new InputError(describeFsError(err, 'cannot write the report'), output);
      }
    } else report(text);
    return result.exitCode;
  },
};

/** The command-line settings, which override every configuration file. */
function overridesFrom(args: Record<string, unknown>): LintConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const name of (args.ignore as string[] | undefined) ?? []) rules[String(name)] = 'off';
  for (const entry of (args.rule as string[] | undefined) ?? []) {
    const at = String(entry).lastIndexOf('=');
    const name = String(entry).slice(0, at).trim();
    const setting = String(entry).slice(at + 1).trim();
    if (at <= 0 || !(RULE_SETTINGS as readonly string[]).includes(setting)) {
      throw new UsageError(`--rule ${entry}: write RULE=SEVERITY with SEVERITY one of ${RULE_SETTINGS.join(', ')}`);
    }
    delete rules[name];
    rules[name] = setting as RuleSetting;
  }
  const overrides: LintConfig = {};
  if (Object.keys(rules).length) overrides.rules = rules;
  if (args['failure-threshold'] !== undefined) overrides.failureThreshold = args['failure-threshold'] as LintConfig['failureThreshold'];
  const trusted = (args['trusted-registry'] as string[] | undefined) ?? [];
  if (trusted.length) overrides.trustedRegistries = trusted.map(String);
  return overrides;
}

/** Maps report paths (relative to the lint root) to paths from the enclosing git repository's root. */
function repoPathFrom(root: string): (path: string) => string {
  let dir = root;
  while (!existsSync(join(dir, '.git'))) {
    const parent = dirname(dir);
    if (parent === dir) return (p) => p;
    dir = parent;
  }
  const prefix = relative(dir, root).split(sep).join('/');
  return (p) => (prefix && !p.startsWith('../') ? `${prefix}/${p}` : p);
}

function toolVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
