import { importOptional } from './optional-module.js';

interface ShellModule {
  initShell?: () => unknown;
}

let ready: Promise<void> | undefined;

/**
 * Loads the shell parser (a WebAssembly grammar) once per process, before any file is parsed,
 * so that parsers and rules can parse shell code synchronously. A no-op until
 * src/lint/shell/index.ts exports `initShell`.
 */
export function ensureShellReady(): Promise<void> {
  ready ??= (async () => {
    const mod = await importOptional<ShellModule>(import.meta.url, '../shell/index.js');
    if (typeof mod?.initShell === 'function') await mod.initShell();
  })();
  return ready;
}
