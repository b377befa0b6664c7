#!/usr/bin/env node
/**
 * slipway's GitLab CI integrations — the include file ci/slipway-lint.gitlab-ci.yml and the CI/CD
 * component ci/component/templates/slipway-lint.yml — validated against GitLab's own CI JSON
 * schema as GitLab's fixture harness does it: each top-level key on its own, as `{key: value}`
 * (see ../shared/notes/gitlab.md). The component's header (`spec:`) is validated as a document of
 * its own, and its body both as written and with every input replaced by its default.
 *
 * Reads ../shared/gitlab/ci.schema.json relative to the project root and skips with a message
 * when it is absent. Exit status 1 when any key is rejected.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { compileGitlabSchema, keyProblems } from './lib/gitlab-schema.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schemaPath = resolve(root, '../shared/gitlab/ci.schema.json');
if (!existsSync(schemaPath)) {
  console.log(`skipped: GitLab's CI schema is not at ${relative(process.cwd(), schemaPath) || schemaPath}`);
  process.exit(0);
}
const validate = compileGitlabSchema(schemaPath);

/** [label, parsed document] pairs to validate. */
const documents = [];
const includeFile = join(root, 'ci/slipway-lint.gitlab-ci.yml');
documents.push(['ci/slipway-lint.gitlab-ci.yml', parse(readFileSync(includeFile, 'utf8'))]);

const componentFile = join(root, 'ci/component/templates/slipway-lint.yml');
const componentText = readFileSync(componentFile, 'utf8');
const docs = parseAllDocuments(componentText);
if (docs.length !== 2) {
  console.log(`FAIL ci/component/templates/slipway-lint.yml: a component is a spec: header and a body (2 YAML documents), found ${docs.length}`);
  process.exit(1);
}
const header = docs[0].toJS();
documents.push(['component header', header]);
const body = componentText.slice(docs[1].range[0]);
documents.push(['component body', parse(body)]);
const inputs = header?.spec?.inputs ?? {};
const interpolated = body.replace(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g, (_, name) => {
  if (!(name in inputs)) throw new Error(`component uses input ${name}, which spec:inputs does not declare`);
  return String(inputs[name].default ?? '');
});
documents.push(['component body with default inputs', parse(interpolated)]);

let failed = 0;
let keys = 0;
for (const [label, doc] of documents) {
  const checked = keyProblems(validate, doc);
  const problems = checked.problems;
  keys += checked.keys;
  if (problems.length > 0) {
    failed++;
    console.log(`FAIL ${label}\n${problems.join('\n')}`);
  }
}
console.log(`GitLab integrations: ${documents.length - failed}/${documents.length} documents accepted by GitLab's schema (${keys} top-level keys, each validated on its own)`);
process.exit(failed === 0 ? 0 : 1);
