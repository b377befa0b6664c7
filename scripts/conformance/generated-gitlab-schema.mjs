#!/usr/bin/env node
/**
 * Every `.gitlab-ci.yml` that `slipway generate` writes, validated against GitLab's own CI JSON
 * schema the way GitLab's fixture harness does it: each top-level key on its own, as the document
 * `{key: value}` (see ../shared/notes/gitlab.md). The pipelines come from the built code (dist/):
 * every bundled preset × image variant × layering (or Go runtime), every example, and the committed golden files
 * under test/golden (which include the feature cases).
 *
 * Needs `npx tsc -p tsconfig.build.json` first. Reads ../shared/gitlab/ci.schema.json relative to
 * the project root and skips with a message when it is absent. Exit status 1 when any key of any
 * pipeline is rejected.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compileGitlabSchema, keyProblems } from './lib/gitlab-schema.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schemaPath = resolve(root, '../shared/gitlab/ci.schema.json');
if (!existsSync(schemaPath)) {
  console.log(`skipped: GitLab's CI schema is not at ${relative(process.cwd(), schemaPath) || schemaPath}`);
  process.exit(0);
}
const distGenerate = join(root, 'dist/generate/index.js');
const distDescriptor = join(root, 'dist/descriptor/index.js');
if (!existsSync(distGenerate) || !existsSync(distDescriptor)) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first');
  process.exit(2);
}
const { generate } = await import(distGenerate);
const { resolveDescriptor, listPresets } = await import(distDescriptor);

const validate = compileGitlabSchema(schemaPath);

/** [label, pipeline text] for every pipeline to check. */
async function pipelines() {
  const out = [];
  const fromDescriptor = async (label, text) => {
    const files = await generate(resolveDescriptor(text, 'slipway.yaml'));
    out.push([label, files.find((f) => f.path === '.gitlab-ci.yml').content]);
  };
  // Go is always a builder with a choice of runtime image; node-vite is a builder served by nginx.
  const axes = (preset) =>
    preset.startsWith('go-')
      ? ['distroless', 'scratch', 'alpine'].map((runtime) => [runtime, `  runtime: ${runtime}\n`])
      : (preset === 'node-vite' ? ['builder'] : ['single', 'builder', 'base-app']).map((layering) => [layering, `  layering: ${layering}\n`]);
  for (const preset of listPresets()) {
    for (const variant of ['slim', 'alpine']) {
      for (const [label, image] of axes(preset)) {
        const descriptor = `name: ${preset.replace(/^(python|node|go)-/, '')}-app\nextends: ${preset}\nimage:\n  variant: ${variant}\n${image}`;
        await fromDescriptor(`preset ${preset} ${variant} ${label}`, descriptor);
      }
    }
  }
  const examples = join(root, 'examples');
  for (const name of existsSync(examples) ? readdirSync(examples).sort() : []) {
    const file = join(examples, name, 'slipway.yaml');
    if (existsSync(file)) await fromDescriptor(`example ${name}`, readFileSync(file, 'utf8'));
  }
  const walk = (dir) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === '.gitlab-ci.yml') out.push([`golden ${relative(root, path)}`, readFileSync(path, 'utf8')]);
    }
  };
  const golden = join(root, 'test/golden');
  if (existsSync(golden)) walk(golden);
  return out;
}

let failed = 0;
let keys = 0;
const all = await pipelines();
for (const [label, text] of all) {
  const checked = keyProblems(validate, parse(text));
  const problems = checked.problems;
  keys += checked.keys;
  if (problems.length > 0) {
    failed++;
    console.log(`FAIL ${label}\n${problems.join('\n')}`);
  }
}
console.log(`generated pipelines: ${all.length - failed}/${all.length} accepted by GitLab's schema (${keys} top-level keys, each validated on its own)`);
process.exit(failed === 0 ? 0 : 1);
