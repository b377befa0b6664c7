/**
 * docs/descriptor.md, rendered from the schema (descriptions, types, defaults, examples), so the
 * reference cannot drift from what the loader accepts. `slipway schema --format markdown` prints it.
 */
import { resolveRef, type JsonSchema } from './json-schema.js';
import { descriptorSchema } from './schema.js';
import { CLI_EXAMPLE, FULL_EXAMPLE, GO_EXAMPLE, NODE_EXAMPLE } from './example.js';
import { PYTHON_RELEASES, PYTHON_VERSIONS_CHECKED } from './python-versions.js';
import { DEFAULT_VERSIONS, releaseRows, VERSIONS_CHECKED } from './runtime-versions.js';

/** How a shared definition reads in the Type column. */
const DEFINITION_TYPES: Record<string, string> = {
  variableName: 'CI/CD variable name',
  relativePath: 'relative path',
  optionalFile: 'relative path or `false`',
  command: 'exec-form list of strings',
  duration: 'duration (`30s`, `1m30s`)',
  runtimeVersion: 'version string (`"3.13"`, `"24"`, `"1.27"`)',
  packageName: 'package name',
  k8sName: 'Kubernetes name',
};

interface Row {
  key: string;
  type: string;
  default: string;
  description: string;
}

export function renderDescriptorDocs(root: JsonSchema = descriptorSchema): string {
  const out: string[] = [
    '<!-- Generated from src/descriptor/schema.ts by `slipway schema --format markdown`; do not edit. -->',
    '# slipway.yaml reference',
    '',
    root.description ?? '',
    '',
    'The JSON schema is `schema/slipway.schema.json` (printed by `slipway schema`); editors with the YAML',
    'language server validate and complete the file when it starts with the `# yaml-language-server: $schema=…`',
    'line that `slipway init` writes. Unknown keys are errors. Every error is reported as',
    '`slipway.yaml:LINE:COL: error: …` and makes slipway exit with status 2.',
    '',
    '## Examples',
    '',
    'A Python service using every key:',
    '',
    '```yaml',
    FULL_EXAMPLE.trimEnd(),
    '```',
    '',
    'A Node.js site built with pnpm and served by nginx:',
    '',
    '```yaml',
    NODE_EXAMPLE.trimEnd(),
    '```',
    '',
    'A Node.js command-line program as an image (`docker run --rm -v "$PWD:/work" <image> lint`), whose pipeline also',
    'runs slipway on the repository:',
    '',
    '```yaml',
    CLI_EXAMPLE.trimEnd(),
    '```',
    '',
    'A Go service on distroless:',
    '',
    '```yaml',
    GO_EXAMPLE.trimEnd(),
    '```',
    '',
    '## Presets',
    '',
    '`extends: <preset>` merges `presets/<preset>.yaml` under the file: keys given in slipway.yaml win,',
    'mappings merge key by key and lists replace the preset\'s list. `false` removes a preset\'s',
    '`test.lint`, `app.healthcheck`, `node.buildScript` or a `python` file. Bundled presets: `python-tornado`, `python-flask` (gunicorn),',
    '`python-fastapi` (uvicorn), `node-express` (a Node.js HTTP service), `node-vite` (a static site built with Vite and',
    'served by nginx), `node-cli` (a Node.js command-line program run on mounted files, `app.kind: cli`), `go-http` (a',
    'net/http service on distroless); each has an example project under `examples/`.',
    '',
    '## Rules beyond the schema',
    '',
    '- Secrets are never values: known token formats (GitLab `glpat-…`, GitHub `ghp_…`, AWS `AKIA…`,',
    '  private key blocks, Slack, Stripe, npm, PyPI, Google), URLs with `user:password@`, and',
    '  secret-named `image.env` entries (`*PASSWORD*`, `*TOKEN*`, `*SECRET*`, `*API_KEY*`…) with a value are',
    '  errors. Give CI/CD variable NAMES instead.',
    '- Paths are relative to the project root and cannot leave it (no leading `/`, no `..`).',
    `- Python versions follow a dated release table (checked ${PYTHON_VERSIONS_CHECKED}): an end-of-life`,
    '  `runtime.version` is an error, an end-of-life `runtime.matrix` entry a warning; unknown or unreleased',
    '  versions are errors.',
    '- `deploy.<method>` blocks other than the chosen `deploy.method` are errors; `ci.stages` must agree',
    '  with `deploy.method` (deploy stage if and only if a method) and release/deploy need the build stage.',
    '- An HTTP health check needs `app.port`; `image.timezone` must be an IANA zone; `image.user` is never root.',
    '- `app.kind: cli` has no `app.port` or `app.healthcheck`, its `app.workdir` differs from `image.workdir`, and a',
    '  `node`/`python` script in `app.command` is an absolute path in the image; `app.args` and `app.workdir` are for `cli` only.',
    '- `ci.slipway.lint` and `ci.slipway.check` add jobs to the test stage, which `ci.stages` must then list.',
    '- `python`, `node` and `go` configure their own language only. Go is built with `builder` only; Node.js',
    '  `image.runtime: nginx` needs `builder` and `node.buildScript`; `base-app` has no build stage for `node.buildScript`.',
    `- Node.js and Go versions follow the end-of-life table shared with the Dockerfile linter (checked ${VERSIONS_CHECKED.node}):`,
    `  the same rules as Python. Defaults: Python ${DEFAULT_VERSIONS.python}, Node.js ${DEFAULT_VERSIONS.node}, Go ${DEFAULT_VERSIONS.go}; when slipway's default`,
    '  itself is past its end of life on the day you generate, it is refused and `runtime.version` must be set.',
    '',
    '| Python | released | end of life |',
    '| --- | --- | --- |',
    ...PYTHON_RELEASES.map((r) => `| ${r.version} | ${r.released} | ${r.endOfLife} |`),
    '',
    '| Node.js | released | end of life |',
    '| --- | --- | --- |',
    ...releaseRows('node')
      .filter((r) => Number(r.version) >= 18)
      .map((r) => `| ${r.version}${r.lts ? ' (LTS)' : ''} | ${r.released} | ${r.endOfLife}${r.estimated ? ' (estimated)' : ''} |`),
    '',
    '| Go | released | end of support |',
    '| --- | --- | --- |',
    ...releaseRows('go')
      .filter((r) => Number(r.version.split('.')[1]) >= 22)
      .map((r) => `| ${r.version} | ${r.released} | ${r.endOfLife}${r.estimated ? ' (estimated)' : ''} |`),
    '',
    '## Keys',
  ];
  const entries = Object.entries(root.properties ?? {});
  const isSection = (p: JsonSchema) => resolveRef(p, root).properties !== undefined;
  out.push('', '### Top level', '', `\`${(root.required ?? []).join('`, `')}\` is required.`, '');
  out.push(...table(entries.filter(([, p]) => !isSection(p)).flatMap(([name, p]) => rowsOf(name, p, root))));
  for (const [name, property] of entries.filter(([, p]) => isSection(p))) {
    out.push('', `### \`${name}\``, '', resolveRef(property, root).description ?? '', '');
    out.push(...table(rowsOf(name, property, root)));
  }
  return `${out.join('\n')}\n`;
}

function table(rows: Row[]): string[] {
  return [
    '| Key | Type | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| \`${r.key}\` | ${cell(r.type)} | ${cell(r.default)} | ${cell(r.description)} |`),
  ];
}

function rowsOf(key: string, property: JsonSchema, root: JsonSchema): Row[] {
  const schema = resolveRef(property, root);
  const row: Row = { key, type: typeOf(property, root), default: defaultOf(schema), description: describe(schema) };
  if (schema.properties) {
    const children = Object.entries(schema.properties).flatMap(([k, p]) => rowsOf(`${key}.${k}`, p, root));
    return key.includes('.') || schema.type !== 'object' ? [row, ...children] : children;
  }
  if (schema.type === 'array' && schema.items?.properties) {
    return [row, ...Object.entries(schema.items.properties).flatMap(([k, p]) => rowsOf(`${key}[].${k}`, p, root))];
  }
  return [row];
}

function typeOf(property: JsonSchema, root: JsonSchema): string {
  const definition = property.$ref?.replace('#/$defs/', '');
  if (definition && DEFINITION_TYPES[definition]) return DEFINITION_TYPES[definition];
  const schema = resolveRef(property, root);
  if (schema.enum) return schema.enum.map((v) => `\`${String(v)}\``).join(' | ');
  if (schema.type === 'array' && schema.items) return `list of ${typeOf(schema.items, root)}`;
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') {
    return `mapping to ${typeOf(schema.additionalProperties, root)}`;
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
  const name = (t: string) => (t === 'object' ? 'mapping' : t === 'array' ? (schema.items ? `list of ${typeOf(schema.items, root)}` : 'list') : t);
  return types.map(name).join(' or ');
}

function defaultOf(schema: JsonSchema): string {
  return schema.default === undefined ? '' : `\`${JSON.stringify(schema.default)}\``;
}

function describe(schema: JsonSchema): string {
  const example = schema.examples?.[0];
  return `${schema.description ?? ''}${example === undefined ? '' : ` Example: \`${JSON.stringify(example)}\`.`}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
