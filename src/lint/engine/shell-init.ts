import { initShell } from '../shell/index.js';

let ready: Promise<void> | undefined;

/**
 * Loads the shell parser (a WebAssembly grammar) once per process, before any file is parsed,
 * so that parsers and rules can parse shell code synchronously.
 */
export function ensureShellReady(): Promise<void> {
  ready ??= initShell();
  return ready;
}
