import { defineRule, type Span } from '../../engine/types.js';
import { EOL_TABLE_CHECKED, eolStatus, type EolComponent } from '../../eol/index.js';
import type { DockerfileDoc } from '../model.js';

function describe(c: EolComponent): string {
  const meaning = c.product.eolMeaning === 'end of life' ? 'its end of life' : `its ${c.product.eolMeaning}`;
  return `${c.label} reached ${meaning} on ${c.cycle.eol}`;
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/base-image-end-of-life',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A FROM image runs a language runtime or an operating system release past its end of life.',
    rationale:
      'Once a release reaches its end of life nobody fixes its security problems any more: the image keeps every ' +
      'vulnerability found since, and scanners report them on each build. slipway reads the tags of Docker Hub\'s ' +
      'official images — the runtime version (`python:3.8`, `node:16`, `golang:1.21`, `ruby`, `php`) and the operating ' +
      'system release a tag names (`-buster`, `-alpine3.15`, `debian:10`, `ubuntu:bionic`) — against a dated table in ' +
      `the source (checked on ${EOL_TABLE_CHECKED}; Debian counts until the end of its free LTS, Ubuntu until the end ` +
      'of standard support, paid extended support does not count). Build-argument defaults are substituted, as ' +
      'BuildKit does, so `ARG PYTHON_VERSION=3.8` + `FROM python:${PYTHON_VERSION}-slim` is reported. A tag that ' +
      'names no known version (`latest`, `3`, `lts`, a build argument without default) and images of other ' +
      'repositories are not judged. Neither hadolint nor BuildKit has this check; Trivy reports it from the built ' +
      'image only.',
    howToFix:
      'Move to a supported release, ideally the one the message names: change the tag (or the ARG default that ' +
      'feeds it), rebuild and run the tests; pick an OS variant that is supported too (`-slim-bookworm`, `-alpine3.22`).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM python:3.8-slim-buster\n', note: 'both Python 3.8 and Debian 10 are past their end of life' },
        { code: 'ARG NODE_VERSION=16\nFROM node:${NODE_VERSION}-alpine\n', note: 'resolved through the ARG default' },
        { code: 'FROM golang:1.20 AS build\nFROM ubuntu:18.04\n', note: 'every stage is checked' },
      ],
      good: [
        { code: 'FROM python:3.14-slim-trixie\n' },
        { code: 'ARG NODE_VERSION\nFROM node:${NODE_VERSION}-alpine\n', note: 'the version is only known at build time' },
        { code: 'FROM example.com/team/python:3.6\n', note: 'not an official image: its tags may mean anything' },
      ],
    },
  },
  check(ctx) {
    const today = new Date();
    for (const stage of ctx.doc.stages) {
      const image = stage.image;
      const tag = image?.tag;
      if (!image || image.stage || image.isScratch || !tag || !tag.known || !image.name.known) continue;
      if (image.registry && !image.registry.known) continue;
      const repository = image.registry ? `${image.registry.value}/${image.name.value}` : image.name.value;
      const status = eolStatus(repository, tag.value, today);
      const expired = status.components.filter((c) => c.status === 'eol');
      if (expired.length === 0) continue;
      // Point at the version inside the tag when the tag is written out; at the whole `${VAR}` otherwise.
      const literal = ctx.doc.text.slice(tag.span.start, tag.span.end) === tag.value;
      const span: Span = literal
        ? { start: tag.span.start + Math.min(...expired.map((c) => c.range[0])), end: tag.span.start + Math.max(...expired.map((c) => c.range[1])) }
        : tag.span;
      const upgrades = expired.filter((c) => c.upgrade).map((c) => `${c.product.name} ${c.upgrade!.cycle}${c.upgrade!.aliases?.length && (c.product.id === 'debian' || c.product.id === 'ubuntu') ? ` (${c.upgrade!.aliases[0]})` : ''}`);
      const via = image.usesVariables ? ` (\`${image.token.value}\` resolves to \`${image.resolved}\`)` : '';
      ctx.report({
        message:
          `\`${image.resolved}\`${via}: ${joinAnd(expired.map(describe))}, so no security fixes are published for ` +
          `${expired.length > 1 ? 'them' : 'it'} any more; ${upgrades.length ? `move to a supported release such as ${joinAnd(upgrades)}` : 'move to a supported release'}`,
        span,
      });
    }
  },
});
