/** Presets: partial descriptors shipped in the package's `presets/` folder. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';

export function presetsDir(): string {
  return join(packageRoot(), 'presets');
}

/** Names of the bundled presets, sorted. */
export function listPresets(dir: string = presetsDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** The text of a preset and the name its errors are reported under, or undefined when unknown. */
export function readPreset(name: string, dir: string = presetsDir()): { text: string; fileName: string } | undefined {
  if (!listPresets(dir).includes(name)) return undefined;
  return { text: readFileSync(join(dir, `${name}.yaml`), 'utf8'), fileName: `presets/${name}.yaml` };
}
