/** Parsing slipway.yaml for the linter: the descriptor's own loader, its errors as parse problems. */
import { posix } from 'node:path';
import { InputError, InputErrors } from '../../cli/errors.js';
import { missingFiles } from '../../descriptor/missing-files.js';
import type { Project } from '../../descriptor/model.js';
import { resolveDescriptorWithWarnings } from '../../descriptor/resolve.js';
import { parseYamlSource, positionOf } from '../../descriptor/yaml-source.js';
import type { ParseEnv, ParseProblem, ParseResult } from '../engine/kind.js';
import type { SourceFile } from '../engine/types.js';
import { LineIndex } from '../../util/text.js';
import { locate, rememberFacts, type Located } from './facts.js';

export function parseDescriptor(file: SourceFile, env: ParseEnv): ParseResult<Project> {
  const lines = new LineIndex(file.text);
  const lineText = (line: number) => lines.lineText(line);
  try {
    const resolution = resolveDescriptorWithWarnings(file.text, file.path);
    const own = (e: InputError): Located => ({ message: e.message, loc: locate(e, lineText) });
    // Directories (image.copy) cannot be told from missing files through readFile; only files are checked.
    // Paths in a descriptor are relative to its own directory, which need not be the lint root.
    const base = posix.dirname(file.path);
    const exists = (rel: string) => env.readFile(base === '.' ? rel : `${base}/${rel}`) !== undefined;
    const missing = missingFiles(resolution.project, exists)
      .filter((m) => m.path[0] !== 'image')
      .map((m) => resolution.errorAt(m.path, m.message));
    rememberFacts(resolution.project, {
      source: resolution.source,
      endOfLife: resolution.warnings.filter((w) => w.file === file.path).map(own),
      missingFiles: missing.map((e) => (e.file === file.path ? own(e) : inPreset(e, file))),
    });
    return { doc: resolution.project, problems: [] };
  } catch (err) {
    const errors = err instanceof InputErrors ? err.errors : err instanceof InputError ? [err] : undefined;
    if (!errors) throw err;
    return {
      doc: undefined,
      problems: errors.map((e): ParseProblem => (e.file === file.path ? { message: e.message, loc: locate(e, lineText) } : inPreset(e, file))),
    };
  }
}

/** A problem located in a preset is reported on the descriptor's `extends:` value, naming the place. */
function inPreset(error: InputError, file: SourceFile): Located {
  const parsed = parseYamlSource(file.text, file.path);
  const at = parsed.ok ? positionOf(parsed.source, ['extends']) : { line: 1, column: 1 };
  const lines = new LineIndex(file.text);
  return {
    message: `${error.file}:${error.line}:${error.column}: ${error.message}`,
    loc: locate(new InputError('', file.path, at.line, at.column), (l) => lines.lineText(l)),
  };
}
