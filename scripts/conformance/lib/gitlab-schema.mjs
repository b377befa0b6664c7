/**
 * GitLab's CI JSON schema (../shared/gitlab/ci.schema.json) compiled once, and the per-key check
 * GitLab's own fixture harness makes: each top-level key validated on its own, as `{key: value}`
 * (see ../shared/notes/gitlab.md). Shared by the conformance scripts; not a script itself.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** The schema's validate function. The schema is draft-07 with its own `markdownDescription` keyword. */
export function compileGitlabSchema(schemaPath) {
  const ajv = new Ajv({ strictTypes: false, strictTuples: false, allowMatchingProperties: true, allErrors: false });
  ajv.addKeyword('markdownDescription');
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

/** One line per top-level key of `doc` the schema rejects (`  key: /path message; …`), and the keys checked. */
export function keyProblems(validate, doc) {
  const problems = [];
  let keys = 0;
  for (const [key, value] of Object.entries(doc ?? {})) {
    keys++;
    if (!validate({ [key]: value })) {
      const detail = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      problems.push(`  ${key}: ${detail}`);
    }
  }
  return { problems, keys };
}
