/**
 * Loading of the bash grammar (tree-sitter-bash, WASM) into web-tree-sitter. Loading is asynchronous and
 * happens once per process (`initShell`); parsing is then synchronous and reuses one parser.
 */
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the shell parser. Idempotent and safe to call concurrently; the lint engine awaits it once before
 * parsing any file. `parseShell` throws when it was not awaited.
 */
export function initShell(): Promise<void> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined; // let a later call retry
    throw error;
  });
  return loading;
}

async function load(): Promise<void> {
  const require = createRequire(import.meta.url);
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
  const p = new Parser();
  p.setLanguage(language);
  parser = p;
}

/** True once `initShell()` has completed. */
export function isShellReady(): boolean {
  return parser !== undefined;
}

/** The shared parser; throws a programming error when `initShell()` was not awaited. */
export function bashParser(): Parser {
  if (!parser) throw new Error('shell parser not loaded: await initShell() before parsing shell text');
  return parser;
}
