/** The slipway.yaml text of a proposal: only what differs from the preset, lists in flow style. */
import { Document, isSeq, visit } from 'yaml';
import { resolveDescriptor } from '../descriptor/resolve.js';
import type { Project } from '../descriptor/model.js';
import type { RawDescriptor, RawHealthcheck } from '../descriptor/raw.js';
import type { Proposal } from './propose.js';
import { DEFAULTS } from '../descriptor/defaults.js';
import { nodeTestCommand } from '../descriptor/to-project.js';

/** The test command a descriptor without a preset gets. */
function defaultTest(p: Proposal): readonly string[] {
  if (p.language === 'node') return nodeTestCommand(p.packageManager ?? DEFAULTS.node.packageManager);
  return p.language === 'go' ? DEFAULTS.go.test : DEFAULTS.test.command;
}

export function renderDescriptor(p: Proposal, schemaRef: string): string {
  const base = p.preset ? resolveDescriptor(`name: ${p.name}\nextends: ${p.preset}\n`, 'slipway.yaml') : undefined;
  const d: RawDescriptor = { name: p.name };
  if (p.preset) d.extends = p.preset;
  else d.language = p.language;
  d.runtime = { version: p.version };
  if (p.matrix.length > 1) d.runtime.matrix = p.matrix;

  if (p.language === 'python') {
    const python: NonNullable<RawDescriptor['python']> = {};
    for (const key of ['requirements', 'devRequirements', 'pyproject'] as const) {
      const wanted = p[key];
      const inherited = base?.language === 'python' ? base.python[key] : undefined;
      if (wanted !== inherited) python[key] = wanted ?? false;
    }
    if (Object.keys(python).length) d.python = python;
  }
  if (p.language === 'node') {
    const inherited = base?.language === 'node' ? base.node : undefined;
    const node: NonNullable<RawDescriptor['node']> = {};
    if (p.packageManager && p.packageManager !== (inherited?.packageManager ?? DEFAULTS.node.packageManager)) node.packageManager = p.packageManager;
    if (p.buildScript !== inherited?.buildScript) node.buildScript = p.buildScript ?? false;
    if ((p.ignoreScripts ?? false) !== (inherited?.ignoreScripts ?? DEFAULTS.node.ignoreScripts)) node.ignoreScripts = p.ignoreScripts ?? false;
    if (Object.keys(node).length) d.node = node;
  }
  if (p.language === 'go' && p.goMain) d.go = { main: p.goMain };

  const app: NonNullable<RawDescriptor['app']> = {};
  // Go's command is the program it builds (the default); the others are proposed.
  if (p.command.length > 0 && !same(p.command, base?.app.command)) app.command = p.command;
  if (p.port !== base?.app.port) app.port = p.port;
  const healthcheck = healthcheckChange(p, base);
  if (healthcheck !== undefined) app.healthcheck = healthcheck;
  if (Object.keys(app).length) d.app = app;

  const test: NonNullable<RawDescriptor['test']> = {};
  if (!same(p.testCommand, base?.test.command ?? defaultTest(p))) test.command = p.testCommand;
  if (!same(p.lint, base ? base.test.lint : p.language === 'go' ? DEFAULTS.go.lint : undefined)) test.lint = p.lint ?? false;
  if (Object.keys(test).length) d.test = test;

  const doc = new Document(d);
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  doc.commentBefore = [
    ` yaml-language-server: $schema=${schemaRef}`,
    ' Written by `slipway init` from what it found in this repository. Every key and its default is',
    ' described in slipway\'s docs/descriptor.md (`slipway schema --format markdown`).',
    ` Next: \`slipway generate\` writes the Dockerfile, .gitlab-ci.yml, Makefile${p.language === 'python' ? ', tox.ini' : ''} and .dockerignore.`,
  ].join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function healthcheckChange(p: Proposal, base: Project | undefined): RawHealthcheck | false | undefined {
  if (p.port === undefined || p.healthPath === undefined) return undefined;
  if (p.healthPath === false) return !base || base.app.healthcheck ? false : undefined;
  const inherited = base?.app.healthcheck?.path ?? '/';
  return p.healthPath === inherited ? undefined : { path: p.healthPath };
}

function same(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
