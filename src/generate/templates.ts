/**
 * Loads and compiles the templates in the package's `templates/` folder. Each format gets its
 * own Handlebars environment with only its own helpers; every template (and partial) is checked
 * statically so that nothing is printed without going through a quoting helper.
 */
import Handlebars from 'handlebars';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';
import { helpersFor, type OutputFormat } from './format-helpers.js';
import { unsafeOutputs } from './template-safety.js';

export type Render = (view: object) => string;

const cache = new Map<string, Render>();

/** The folder beside the languages' folders whose partials every language can use. */
export const COMMON = 'common';

/** The folder holding the templates of `language` (overridable for tests). */
export function templateDir(language: string): string {
  return join(packageRoot(), 'templates', language);
}

function checked(file: string, source: string, sinks: ReadonlySet<string>): string {
  const problems = unsafeOutputs(source, sinks);
  if (problems.length > 0) throw new Error(`unsafe template ${file}: ${problems.join('; ')}`);
  return source;
}

function environment(dir: string, format: OutputFormat): typeof Handlebars {
  const env = Handlebars.create();
  const helpers = helpersFor(format);
  const sinks = new Set(helpers.keys());
  for (const [name, fn] of helpers) env.registerHelper(name, fn);
  // Partials shared by every language first; a language's own partial of the same name wins.
  for (const partialDir of [join(dir, '..', COMMON, 'partials', format), join(dir, 'partials', format)]) {
    const entries = existsSync(partialDir) ? readdirSync(partialDir) : [];
    for (const entry of entries) {
      if (!entry.endsWith('.hbs')) continue;
      const file = join(partialDir, entry);
      env.registerPartial(entry.slice(0, -4), checked(file, readFileSync(file, 'utf8'), sinks));
    }
  }
  return env;
}

/** The compiled template `name` (e.g. `Dockerfile.single`) of `language`, for `format`. */
export function template(language: string, name: string, format: OutputFormat): Render {
  const key = `${language}/${name}/${format}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const dir = templateDir(language);
  const env = environment(dir, format);
  // A template the language does not have itself is the shared one (with the language's partials).
  const own = join(dir, `${name}.hbs`);
  const file = existsSync(own) ? own : join(dir, '..', COMMON, `${name}.hbs`);
  const source = checked(file, readFileSync(file, 'utf8'), new Set(helpersFor(format).keys()));
  const knownHelpers = Object.fromEntries([...helpersFor(format).keys()].map((k) => [k, true]));
  const compiled = env.compile(source, { strict: true, noEscape: false, knownHelpers, knownHelpersOnly: true, preventIndent: false });
  const render: Render = (view) => compiled(view, { allowProtoPropertiesByDefault: false });
  cache.set(key, render);
  return render;
}
