import type { FileKindOfFile } from './project.js';

/** Suffixes of files named like Dockerfiles that are not Dockerfiles (templates, backups, ignore files). */
const NOT_A_DOCKERFILE = /\.(dockerignore|md|txt|orig|rej|bak|swp|tmpl|template|tpl|j2|jinja2?|hbs|handlebars|mustache|njk|ejs|erb|gotmpl|in|sample|example)$/i;

/**
 * The kind of a file from its base name, or undefined when slipway does not lint such files.
 * In `discovery` (a directory walk), Dockerfile-like names with template or backup suffixes are
 * skipped; named explicitly, they are linted.
 */
export function kindOfFileName(name: string, options: { discovery?: boolean } = {}): FileKindOfFile | undefined {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  if (base === 'slipway.yaml' || base === 'slipway.yml') return 'descriptor';
  if (base === '.gitlab-ci.yml' || base === '.gitlab-ci.yaml' || /.\.gitlab-ci\.ya?ml$/.test(base)) return 'gitlab-ci';
  if (base === 'Makefile' || base === 'makefile' || base === 'GNUmakefile' || /.\.mk$/.test(base)) return 'makefile';
  if (base === 'tox.ini') return 'tox';
  if (/^(Dockerfile|Containerfile)(\..+)?$/.test(base) || /.\.(Dockerfile|dockerfile|Containerfile)$/.test(base)) {
    if (options.discovery && base.includes('.') && NOT_A_DOCKERFILE.test(base)) return undefined;
    return 'dockerfile';
  }
  return undefined;
}

/** The names `slipway lint` recognises, for messages. */
export const RECOGNISED_NAMES =
  'Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile, .gitlab-ci.yml, *.gitlab-ci.yml, Makefile, GNUmakefile, makefile, *.mk, tox.ini, slipway.yaml';
