import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Imports a module of this package that another part of the project provides, or returns
 * undefined while it does not exist yet (so the engine builds and runs before it lands).
 * `relUrl` is relative to `base` (pass `import.meta.url`) and ends in `.js`; the `.ts`
 * source is accepted too, for tests run from source. A module that exists but fails to load
 * is an error, not an absence.
 */
export async function importOptional<T>(base: string, relUrl: string): Promise<T | undefined> {
  const url = new URL(relUrl, base);
  const js = fileURLToPath(url);
  const ts = js.replace(/\.js$/, '.ts');
  if (existsSync(js)) return (await import(url.href)) as T;
  if (existsSync(ts)) return (await import(pathToFileURL(ts).href)) as T;
  return undefined;
}
