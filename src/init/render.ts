/** The slipway.yaml text of a proposal: only what differs from the preset, lists in flow style. */
import { Document, isSeq, visit } from 'yaml';
import { resolveDescriptor } from '../descriptor/resolve.js';
import type { Project } from '../descriptor/model.js';
import type { RawDescriptor, RawHealthcheck } from '../descriptor/raw.js';
import type { Proposal } from './propose.js';

export function renderDescriptor(p: Proposal, schemaRef: string): string {
  const base = p.preset ? resolveDescriptor(`name: ${p.name}\nextends: ${p.preset}\n`, 'slipway.yaml') : undefined;
  const d: RawDescriptor = { name: p.name };
  if (p.preset) d.extends = p.preset;
  else d.language = 'python';
  d.runtime = { version: p.version };
  if (p.matrix.length > 1) d.runtime.matrix = p.matrix;

  const python: NonNullable<RawDescriptor['python']> = {};
  for (const key of ['requirements', 'devRequirements', 'pyproject'] as const) {
    const wanted = p[key];
    const inherited = base?.language === 'python' ? base.python[key] : undefined;
    if (wanted !== inherited) python[key] = wanted ?? false;
  }
  if (Object.keys(python).length) d.python = python;

  const app: NonNullable<RawDescriptor['app']> = {};
  if (!same(p.command, base?.app.command)) app.command = p.command;
  if (p.port !== base?.app.port) app.port = p.port;
  const healthcheck = healthcheckChange(p, base);
  if (healthcheck !== undefined) app.healthcheck = healthcheck;
  if (Object.keys(app).length) d.app = app;

  const test: NonNullable<RawDescriptor['test']> = {};
  if (!same(p.testCommand, base?.test.command ?? ['python', '-m', 'pytest'])) test.command = p.testCommand;
  if (!same(p.lint, base?.test.lint)) test.lint = p.lint ?? false;
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
    ' Next: `slipway generate` writes the Dockerfile, .gitlab-ci.yml, Makefile, tox.ini and .dockerignore.',
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
