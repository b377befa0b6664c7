import type { Fix } from '../../engine/types.js';
import { COMMAND_OPTIONS, parseArgs } from '../args.js';
import { defineShellCheck } from '../check.js';
import { pipCommand } from '../installs.js';
import type { ShellWord } from '../model.js';

const FILE_OPTIONS = ['-r', '--requirement', '-c', '--constraint'];
const PIP_VALUE_OPTIONS = COMMAND_OPTIONS.pip!.withValue;

/** An operand that is a requirements file rather than a package. */
function looksLikeRequirementsFile(v: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.startsWith('git+')) return false;
  return /\.txt$/i.test(v) || /(^|\/)(requirements|constraints)[^/]*\.(in|pip)$/i.test(v);
}

/** A word that is certainly a file name: literal, not an option. */
function isFileWord(w: ShellWord | undefined): w is ShellWord {
  return w !== undefined && w.value !== undefined && w.value !== '' && !w.value.startsWith('-');
}

export default defineShellCheck({
  name: 'pip-requirements-file-misused',
  hosts: ['dockerfile', 'gitlab-ci'],
  severity: 'error',
  description: 'pip reads an option as the requirements file name, or a requirements file as a package name.',
  rationale:
    'pip\'s `-r FILE` (and `-c FILE`) always takes the next word as the file name, even when it starts with a dash: ' +
    '`pip install -r --no-cache-dir requirements.txt` tries to open a file named `--no-cache-dir` and fails with ' +
    '"Could not open requirements file", and `requirements.txt` becomes a package name. The opposite slip, ' +
    '`pip install requirements.txt` without `-r`, asks the index for a package called `requirements.txt` ("Invalid ' +
    'requirement" or "No matching distribution found"). Both break the build or the job, usually after a reorder ' +
    'of the options; slipway reports them before the build runs. `python -m pip`, `pip3.12` and `uv pip` are read ' +
    'the same way.',
  howToFix: 'Write the file name right after `-r` (`pip install --no-cache-dir -r requirements.txt`); give a requirements file with `-r`.',
  fixable: true,
  examples: {
    bad: [
      { script: 'pip install -r --no-cache-dir requirements.txt', output: 'pip install -r requirements.txt --no-cache-dir' },
      { script: 'python -m pip install requirements.txt', output: 'python -m pip install -r requirements.txt', note: 'a file given as a package' },
      { script: 'pip install --upgrade -r', note: '-r with nothing after it' },
    ],
    good: [
      { script: 'pip install --no-cache-dir -r requirements.txt' },
      { script: 'pip install -r requirements.txt --upgrade' },
      { script: 'pip install -c constraints.txt flask' },
    ],
  },
  check(ctx) {
    for (const cmd of ctx.script.commands) {
      const pip = pipCommand(cmd);
      if (!pip) continue;
      const parsed = parseArgs(pip);
      const sub = parsed.positionals[0]?.value;
      if (sub !== 'install' && sub !== 'wheel' && sub !== 'download') continue;
      /** File names that follow a misread option: reported with it, not as packages. */
      const displaced = new Set<ShellWord>();
      for (const o of parsed.options) {
        if (!FILE_OPTIONS.includes(o.name) || o.word.value !== o.name) continue;
        const valueWord = o.valueWord;
        if (!valueWord) {
          ctx.report({ message: `\`pip ${sub} ${o.name}\` has no file name after it; pip stops with "${o.name} option requires 1 argument"`, span: o.word.span });
          continue;
        }
        const value = valueWord.value;
        if (value === undefined || value.length < 2 || !value.startsWith('-')) continue;
        // Swap the option and the file name when the option takes no value and a file name follows.
        const next = pip.args[pip.args.indexOf(valueWord) + 1];
        const optionName = value.split('=')[0]!;
        const takesValue = PIP_VALUE_OPTIONS.includes(optionName) && !value.includes('=');
        // The file name is the word after the misread option (after its value when it takes one).
        const fileWord = takesValue ? pip.args[pip.args.indexOf(valueWord) + 2] : next;
        if (isFileWord(fileWord)) displaced.add(fileWord);
        const swappable = isFileWord(next) && !takesValue;
        const fix: Fix[] | undefined = swappable
          ? [
              { range: [valueWord.span.start, valueWord.span.end], text: next.raw },
              { range: [next.span.start, next.span.end], text: valueWord.raw },
            ]
          : undefined;
        ctx.report({
          message: `\`${o.name} ${value}\`: pip reads \`${value}\` as the ${o.name === '-c' || o.name === '--constraint' ? 'constraints' : 'requirements'} file name and fails with "Could not open requirements file"; put the file name right after \`${o.name}\``,
          span: { start: o.word.span.start, end: valueWord.span.end },
          ...(fix ? { fix } : {}),
        });
      }
      for (const word of parsed.positionals.slice(1)) {
        const v = word.value;
        if (v === undefined || displaced.has(word) || !looksLikeRequirementsFile(v)) continue;
        ctx.report({
          message: `\`pip ${sub} ${v}\` asks the index for a package named \`${v}\`; give a requirements file with \`-r ${v}\``,
          span: word.span,
          fix: { range: [word.span.start, word.span.start], text: '-r ' },
        });
      }
    }
  },
});
