/**
 * Edge cases of the Dockerfile rules beyond their examples (test/rules.examples.test.ts runs those):
 * exact spans, what counts as fixed, where hadolint differs.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Fix, Report } from '../../src/lint/engine/types.js';
import { dockerfileSupport, parseDockerfile } from '../../src/lint/dockerfile/index.js';
import { initShell } from '../../src/lint/shell/index.js';

beforeAll(() => initShell());

interface Hit {
  /** The text the finding points at. */
  at: string;
  message: string;
  fix?: Fix[];
}

/** Runs one rule on a Dockerfile. */
function lint(ruleId: string, text: string): Hit[] {
  const rule = dockerfileSupport.rules.find((r) => r.meta.id === `dockerfile/${ruleId}`);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const { doc, problems } = parseDockerfile({ path: 'Dockerfile', text, kind: 'dockerfile' });
  expect(problems).toEqual([]);
  const hits: Hit[] = [];
  rule.check({
    doc: doc!,
    file: { path: 'Dockerfile', text, kind: 'dockerfile' },
    options: {},
    report(r: Report) {
      const fix = r.fix === undefined ? undefined : Array.isArray(r.fix) ? r.fix : [r.fix];
      hits.push({ at: text.slice(r.span!.start, r.span!.end), message: r.message, ...(fix ? { fix } : {}) });
    },
  });
  return hits;
}

function applyFix(text: string, fixes: Fix[]): string {
  return [...fixes].sort((a, b) => b.range[0] - a.range[0]).reduce((t, f) => t.slice(0, f.range[0]) + f.text + t.slice(f.range[1]), text);
}

describe('apt-get-missing-yes', () => {
  test('points at the command and subcommand, through continuations', () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n  && apt-get \\\n     install curl\n';
    const [hit] = lint('apt-get-missing-yes', text);
    expect(hit!.at).toBe('apt-get \\\n     install');
    expect(applyFix(text, hit!.fix!)).toBe('FROM debian:12\nRUN apt-get update \\\n  && apt-get \\\n     install -y curl\n');
  });

  test('inside sh -c the fix lands in the string; in exec form between strings there is no fix', () => {
    const nested = 'FROM debian:12\nRUN ["sh", "-c", "apt-get install curl"]\n';
    const [inString] = lint('apt-get-missing-yes', nested);
    expect(applyFix(nested, inString!.fix!)).toBe('FROM debian:12\nRUN ["sh", "-c", "apt-get install -y curl"]\n');
    const [exec] = lint('apt-get-missing-yes', 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n');
    expect(exec!.fix).toBeUndefined();
  });

  test('ONBUILD RUN is checked; a configuration file written by an earlier stage counts', () => {
    expect(lint('apt-get-missing-yes', 'FROM debian:12\nONBUILD RUN apt-get install curl\n')).toHaveLength(1);
    const configured = `FROM debian:12 AS base\nRUN echo 'APT::Get::Assume-Yes "1";' > /etc/apt/apt.conf.d/90yes\nFROM base\nRUN apt-get install curl\n`;
    expect(lint('apt-get-missing-yes', configured)).toEqual([]);
  });

  test('non-POSIX stages are skipped', () => {
    expect(lint('apt-get-missing-yes', 'FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN apt-get install curl\n')).toEqual([]);
  });
});

describe('apt-lists-not-removed', () => {
  test('clean-up must remove the lists, after the last update', () => {
    const bad = 'FROM debian:12\nRUN apt-get update && apt-get install -y x && rm -rf /tmp/*\n';
    expect(lint('apt-lists-not-removed', bad).map((h) => h.at)).toEqual(['apt-get update']);
    const twice = 'FROM debian:12\nRUN apt-get update && rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y x\n';
    expect(lint('apt-lists-not-removed', twice)).toHaveLength(1);
    const ok = 'FROM debian:12\nRUN apt-get update && apt-get install -y x; rm -rf /var/lib/apt/lists\n';
    expect(lint('apt-lists-not-removed', ok)).toEqual([]);
  });

  test('a builder stage counts only when a final-image stage builds on it', () => {
    const text = 'FROM debian:12 AS deps\nRUN apt-get update && apt-get install -y x\nFROM deps AS test\nRUN true\nFROM alpine:3.20\n';
    expect(lint('apt-lists-not-removed', text)).toEqual([]);
  });

  test('a tmpfs on /var/lib/apt counts', () => {
    expect(lint('apt-lists-not-removed', 'FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/ apt-get update && apt-get install -y x\n')).toEqual([]);
  });
});

describe('apt-update-alone', () => {
  test('only when nothing else runs', () => {
    expect(lint('apt-update-alone', 'FROM debian:12\nRUN apt-get update -qq && echo done\n')).toHaveLength(1);
    expect(lint('apt-update-alone', 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n')).toEqual([]);
  });
});

describe('apt-instead-of-apt-get', () => {
  test('fixes only subcommands that behave the same', () => {
    const hits = lint('apt-instead-of-apt-get', 'FROM debian:12\nRUN apt update && apt upgrade -y && apt list --installed\n');
    expect(hits.map((h) => [h.at, h.fix !== undefined])).toEqual([['apt', true], ['apt', false], ['apt', false]]);
  });
});

describe('sudo-used', () => {
  test('points at the sudo wrapper, sees bare sudo, ignores installing it', () => {
    expect(lint('sudo-used', 'FROM debian:12\nRUN sudo -u app make && sudo -i\n').map((h) => h.at)).toEqual(['sudo -u app', 'sudo']);
    expect(lint('sudo-used', 'FROM debian:12\nRUN apt-get install -y sudo && echo sudo\n')).toEqual([]);
  });
});

describe('base-image-untagged and base-image-latest', () => {
  test('ARG defaults resolve; the finding points at the variable', () => {
    const text = 'ARG IMAGE=node\nARG TAG=latest\nFROM ${IMAGE}\nFROM node:${TAG}\nFROM ${IMAGE}:${TAG}@sha256:abc\n';
    expect(lint('base-image-untagged', text).map((h) => h.at)).toEqual(['${IMAGE}']);
    const latest = lint('base-image-latest', text);
    expect(latest.map((h) => h.at)).toEqual(['${TAG}']);
    expect(latest[0]!.message).toContain('`node:${TAG}` resolves to `node:latest`');
  });

  test('a stage name, scratch and a global ARG without default are not reported', () => {
    expect(lint('base-image-untagged', 'ARG BASE\nFROM golang:1.23 AS build\nFROM build\nFROM scratch\nFROM $BASE\n')).toEqual([]);
  });
});

describe('workdir-relative', () => {
  test('relative to an inherited absolute WORKDIR is fine', () => {
    expect(lint('workdir-relative', 'FROM a AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\n')).toEqual([]);
    expect(lint('workdir-relative', 'FROM a AS base\nWORKDIR /srv\nFROM other\nWORKDIR app\n').map((h) => h.at)).toEqual(['app']);
  });
});

describe('maintainer-deprecated', () => {
  test('the fix escapes what LABEL would expand', () => {
    const text = 'FROM a\nMAINTAINER Jane "$USER" <j@x>\n';
    const [hit] = lint('maintainer-deprecated', text);
    expect(applyFix(text, hit!.fix!)).toBe('FROM a\nLABEL org.opencontainers.image.authors="Jane \\"\\$USER\\" <j@x>"\n');
  });
});

describe('multiple-cmd', () => {
  test('reports each later CMD of a stage, naming the ignored one', () => {
    const hits = lint('multiple-cmd', 'FROM a\nCMD x\nCMD y\nFROM b\nCMD z\n');
    expect(hits.map((h) => h.at)).toEqual(['CMD']);
    expect(hits[0]!.message).toContain('line 2');
  });
});

describe('pipe-without-pipefail', () => {
  test('SHELL or set -o pipefail before the pipe', () => {
    expect(lint('pipe-without-pipefail', 'FROM a\nSHELL ["/bin/sh", "-eo", "pipefail", "-c"]\nRUN a | b\n')).toEqual([]);
    expect(lint('pipe-without-pipefail', 'FROM a\nRUN set -euxo pipefail; a | b\n')).toEqual([]);
    expect(lint('pipe-without-pipefail', 'FROM a\nRUN a | b; set -o pipefail\n')).toHaveLength(1);
    expect(lint('pipe-without-pipefail', 'FROM a\nRUN (set -o pipefail); a | b\n')).toHaveLength(1);
  });

  test('points at the pipe after the stage whose failure is hidden', () => {
    const [hit] = lint('pipe-without-pipefail', 'FROM debian:12\nRUN echo x | tee /a | sha256sum\n');
    expect(hit!.message).toContain('hiding a failure of `tee`');
    expect(hit!.message).toContain('/bin/bash');
    const [alpine] = lint('pipe-without-pipefail', 'FROM alpine:3.20 AS base\nFROM base\nRUN wget -qO- x | tar x\n');
    expect(alpine!.message).toContain('busybox ash');
  });

  test('the shell is inherited through FROM <stage>; exec form is skipped', () => {
    expect(lint('pipe-without-pipefail', 'FROM a AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n')).toEqual([]);
    expect(lint('pipe-without-pipefail', 'FROM a\nRUN ["sh", "-c", "a | b"]\n')).toEqual([]);
  });
});

describe('cd-in-run', () => {
  test('top-level cd only, with the directory in the message', () => {
    const hits = lint('cd-in-run', 'FROM a\nRUN cd /src && make && (cd docs && make) && x=$(cd /tmp; pwd)\n');
    expect(hits.map((h) => h.at)).toEqual(['cd /src']);
    expect(hits[0]!.message).toContain('WORKDIR /src');
  });
});
