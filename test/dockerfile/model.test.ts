import { beforeAll, describe, expect, test } from 'vitest';
import { parseDockerfile, type RunInstruction } from '../../src/lint/dockerfile/index.js';
import { initShell } from '../../src/lint/shell/index.js';
import { at, parseDoc } from './helpers.js';

beforeAll(() => initShell());

const problems = (text: string) => parseDockerfile({ path: 'Dockerfile', text, kind: 'dockerfile' }).problems.map((p) => p.message);

describe('instructions', () => {
  test('keywords in any case, spans, lines, the ONBUILD trigger', () => {
    const text = 'from alpine:3.20\nrun echo hi\nONBUILD RUN apt-get update\n';
    const doc = parseDoc(text);
    expect(doc.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'ONBUILD']);
    expect(doc.instructions[1]!.keywordToken.value).toBe('run');
    expect(at(text, doc.instructions[1]!.span)).toBe('run echo hi');
    const onbuild = doc.instructions[2]!;
    if (onbuild.keyword !== 'ONBUILD') throw new Error('not ONBUILD');
    expect(onbuild.trigger?.keyword).toBe('RUN');
    expect(doc.triggers).toEqual([onbuild.trigger]);
    expect(onbuild.trigger?.onbuild).toBe(onbuild);
    expect(doc.find('RUN')).toHaveLength(1);
    expect(doc.find('RUN', { triggers: true })).toHaveLength(2);
  });

  test('statementRange covers continuation and here-document lines', () => {
    const doc = parseDoc('FROM a\n# comment\nRUN x \\\n  y\nRUN <<EOF\nz\nEOF\n');
    expect(doc.statementRange(2)).toEqual({ startLine: 3, endLine: 4 });
    expect(doc.statementRange(5)).toEqual({ startLine: 5, endLine: 7 });
    expect(doc.statementRange(9)).toBeUndefined();
  });

  test('flags and mounts', () => {
    const text = 'FROM a\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=secret,id=npm,dst=/root/.npmrc --network=none x\nCOPY --link --chmod=755 --from=a /s /d\n';
    const doc = parseDoc(text);
    const run = doc.find('RUN')[0]!;
    expect(run.mounts.map((m) => [m.type, m.target, m.id, m.sharing])).toEqual([
      ['cache', '/var/cache/apt', undefined, 'locked'],
      ['secret', '/root/.npmrc', 'npm', undefined],
    ]);
    expect(run.flag('network')?.value).toBe('none');
    expect(run.argsText).toBe('x');
    const copy = doc.find('COPY')[0]!;
    expect(copy.flag('link')?.value).toBeUndefined();
    expect(copy.flag('link')).toBeDefined();
    expect(at(text, copy.flag('chmod')?.valueSpan)).toBe('755');
    expect(copy.sources.map((t) => t.value)).toEqual(['/s']);
    expect(copy.destination?.value).toBe('/d');
  });

  test('ENV, ARG and LABEL pairs, legacy form', () => {
    const doc = parseDoc('FROM a\nENV A=1 B="x y"\nENV C d e\nLABEL "org.x"="v w" k=v\n');
    const [env1, env2] = doc.find('ENV');
    expect(env1!.pairs.map((p) => [p.name.value, p.value?.value, p.legacy])).toEqual([['A', '1', false], ['B', 'x y', false]]);
    expect(env2!.pairs.map((p) => [p.name.value, p.value?.value, p.legacy])).toEqual([['C', 'd e', true]]);
    expect(doc.find('LABEL')[0]!.pairs.map((p) => p.name.value)).toEqual(['org.x', 'k']);
  });
});

describe('exec and shell form', () => {
  test('a JSON array of strings is exec form, with spans per string', () => {
    const text = 'FROM a\nCMD ["node", "server.js"]\n';
    const cmd = parseDoc(text).find('CMD')[0]!;
    expect(cmd.form).toBe('exec');
    expect(cmd.argv?.map((t) => t.value)).toEqual(['node', 'server.js']);
    expect(at(text, cmd.argv?.[1]?.span)).toBe('"server.js"');
    expect(cmd.script?.commands[0]?.name).toBe('node');
  });

  test('malformed JSON is shell form, flagged', () => {
    const cmd = parseDoc("FROM a\nCMD ['node', 'x']\n").find('CMD')[0]!;
    expect(cmd.form).toBe('shell');
    expect(cmd.malformedJson).toBe(true);
  });

  test('exec-form sh -c: the script is parsed with positions through JSON escapes', () => {
    const text = 'FROM a\nRUN ["/bin/sh", "-c", "echo \\"x\\" && apt-get install curl"]\n';
    const run = parseDoc(text).find('RUN')[0]!;
    const apt = run.script!.commands.find((c) => c.name === 'apt-get')!;
    expect(at(text, apt.span)).toBe('apt-get install curl');
    expect(run.script!.commands.map((c) => c.name)).toEqual(['sh', 'echo', 'apt-get']);
  });

  test('HEALTHCHECK CMD in both forms, NONE', () => {
    const doc = parseDoc('FROM a\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\n');
    const [hc, none] = doc.find('HEALTHCHECK');
    expect(hc!.type?.value).toBe('CMD');
    expect(hc!.command?.script?.commands.map((c) => c.name)).toEqual(['curl', 'exit']);
    expect(none!.type?.value).toBe('NONE');
    expect(none!.command).toBeUndefined();
  });
});

describe('RUN scripts and positions', () => {
  test('continuation lines and comment lines map back to the file', () => {
    const text = 'FROM a\nRUN apt-get update \\\n  # a comment inside\n\n    && apt-get install \\\n        curl\n';
    const run = parseDoc(text).find('RUN')[0]!;
    expect(run.script!.text).toBe('apt-get update     && apt-get install         curl');
    const install = run.script!.commands[1]!;
    expect(at(text, install.span)).toBe('apt-get install \\\n        curl');
    expect(at(text, install.args[1]!.span)).toBe('curl');
    expect(run.endLine).toBe(6);
  });

  test('# escape=` continues lines with a backtick', () => {
    const text = '# escape=`\nFROM a\nRUN echo a `\n    && apt-get install x\n';
    const doc = parseDoc(text);
    expect(doc.escapeChar).toBe('`');
    const apt = doc.find('RUN')[0]!.script!.commands[1]!;
    expect(at(text, apt.span)).toBe('apt-get install x');
  });

  test('an escaped escape character does not continue the line', () => {
    const doc = parseDoc('FROM a\nENV C=trailing\\\\\nENV D=x\n');
    expect(doc.find('ENV')).toHaveLength(2);
  });

  test('CRLF line ends and a BOM', () => {
    const text = '\uFEFFFROM a\r\nRUN apt-get update \\\r\n  && apt-get install x\r\n';
    const run = parseDoc(text).find('RUN')[0]!;
    expect(run.script!.commands.map((c) => c.name)).toEqual(['apt-get', 'apt-get']);
    expect(at(text, run.script!.commands[1]!.span)).toBe('apt-get install x');
  });

  test('RUN <<EOF alone: the body is the script', () => {
    const text = 'FROM a\nRUN <<EOF\nset -e\napt-get install x\nEOF\n';
    const run = parseDoc(text).find('RUN')[0]!;
    expect(run.heredocs.map((h) => [h.name, h.body])).toEqual([['EOF', 'set -e\napt-get install x\n']]);
    expect(run.script!.commands.map((c) => c.name)).toEqual(['set', 'apt-get']);
    expect(at(text, run.script!.commands[1]!.span)).toBe('apt-get install x');
  });

  test('RUN <<EOF with a shebang for another interpreter has no shell script', () => {
    const run = parseDoc('FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n').find('RUN')[0]!;
    expect(run.script).toBeUndefined();
    expect(run.noScriptReason).toBe('interpreter');
  });

  test('a here-document fed to a command is data; fed to a shell it is a script', () => {
    const doc = parseDoc('FROM a\nRUN cat <<EOF > /etc/x\napt-get install x\nEOF\nRUN <<-EOT bash\n\tapt-get install y\n\tEOT\nCOPY <<EOF /app/conf\nk=v\nEOF\n');
    const [cat, bash] = doc.find('RUN') as RunInstruction[];
    expect(cat!.script!.commands.map((c) => c.name)).toEqual(['cat']);
    expect(bash!.script!.commands.map((c) => c.name)).toEqual(['bash', 'apt-get']);
    const copy = doc.find('COPY')[0]!;
    expect(copy.heredocs[0]!.body).toBe('k=v\n');
    expect(copy.destination?.value).toBe('/app/conf');
  });

  test('a line ending in an escaped character inside a here-document body', () => {
    const doc = parseDoc('FROM a\nRUN <<EOT\n  find . -exec rm {} \\;\n  # stop\nEOT\nFROM b\n');
    expect(doc.stages).toHaveLength(2);
    expect(doc.find('RUN')[0]!.heredocs[0]!.endSpan).toBeDefined();
  });

  test('empty RUN and whitespace RUN', () => {
    const doc = parseDoc('FROM a\nRUN\nRUN \t \n');
    expect(doc.find('RUN').map((r) => r.noScriptReason)).toEqual(['empty', 'empty']);
  });

  test('a `# hadolint shell=powershell` comment marks the RUNs after it', () => {
    const doc = parseDoc('FROM base-from-elsewhere\nRUN ls\n# hadolint shell=powershell\nRUN & C:/tool.ps1 --x\nFROM b\nRUN dir\n');
    expect(doc.find('RUN').map((r) => r.noScriptReason)).toEqual([undefined, 'non-posix-shell', 'non-posix-shell']);
  });

  test('Windows stages and PowerShell SHELL are not POSIX', () => {
    const doc = parseDoc('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem\nFROM alpine\nRUN ls\n');
    const runs = doc.find('RUN');
    expect(runs.map((r) => r.noScriptReason)).toEqual(['non-posix-shell', 'non-posix-shell', undefined]);
    expect(doc.stages.map((s) => s.platform)).toEqual(['windows', 'linux']);
  });
});

describe('stages and state', () => {
  test('global ARGs resolve FROM; parts point at what produced them', () => {
    const text = 'ARG BASE=python\nARG PY=3.12\nARG REG\nFROM ${BASE}:${PY}-slim AS build\nFROM $REG/app:latest\nFROM build\n';
    const doc = parseDoc(text);
    const img = doc.stages[0]!.image!;
    expect(img.resolved).toBe('python:3.12-slim');
    expect(img.name.value).toBe('python');
    expect(at(text, img.name.span)).toBe('${BASE}');
    expect(img.tag?.value).toBe('3.12-slim');
    expect(at(text, img.tag?.span)).toBe('${PY}-slim');
    const second = doc.stages[1]!.image!;
    expect(second.unresolved).toEqual(['REG']);
    expect(second.tag).toMatchObject({ value: 'latest', known: true });
    expect(second.name.known).toBe(false);
    expect(doc.stages[2]!.base).toBe(doc.stages[0]);
    expect(doc.stages[2]!.image!.stage).toBe(doc.stages[0]);
  });

  test('registry, tag and digest', () => {
    const text = 'FROM registry.example.com:5000/team/app:1.2@sha256:abc\nFROM localhost/x\nFROM scratch\n';
    const [a, b, c] = parseDoc(text).stages.map((s) => s.image!);
    expect([a!.registry?.value, a!.name.value, a!.tag?.value, a!.digest?.value]).toEqual(['registry.example.com:5000', 'team/app', '1.2', 'sha256:abc']);
    expect([b!.registry?.value, b!.name.value, b!.tag]).toEqual(['localhost', 'x', undefined]);
    expect(c!.isScratch).toBe(true);
  });

  test('${VAR:-default} and unknown operators', () => {
    const doc = parseDoc('ARG V\nFROM img:${V:-1.0}\nFROM img:${V#x}\n');
    expect(doc.stages[0]!.image!.tag).toMatchObject({ value: '1.0', known: true });
    expect(doc.stages[1]!.image!.tag?.known).toBe(false);
  });

  test('ARG, ENV, USER, WORKDIR, SHELL as each instruction sees them; inherited through FROM <stage>', () => {
    const doc = parseDoc(
      'ARG VERSION=1\nFROM a AS base\nARG VERSION\nENV APP=/app HOME_DIR=$APP\nWORKDIR $APP\nWORKDIR src\nUSER app\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN x\nFROM base\nRUN y\nFROM other\nRUN z\n',
    );
    const [x, y, z] = doc.find('RUN');
    expect(x!.state.variable('VERSION')).toBe('1');
    expect(x!.state.variable('APP')).toBe('/app');
    expect(x!.state.variable('HOME_DIR')).toBeUndefined(); // $APP was not set yet when ENV ran
    expect(x!.state.workdir).toBe('/app/src');
    expect(x!.state.user).toBe('app');
    expect(x!.state.shell).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
    expect(x!.script!.dialect).toBe('bash');
    // A stage built on another inherits ENV, WORKDIR, USER and SHELL, not ARGs.
    expect(y!.state.variable('APP')).toBe('/app');
    expect(y!.state.variable('VERSION')).toBeUndefined();
    expect(y!.state.workdir).toBe('/app/src');
    expect(y!.state.shellInstruction?.keyword).toBe('SHELL');
    expect(z!.state.variable('APP')).toBeUndefined();
    expect(z!.state.shell).toEqual(['/bin/sh', '-c']);
    expect(z!.state.workdir).toBeUndefined();
  });

  test('stage links: children, copiedBy, last stage, names case-insensitive', () => {
    const doc = parseDoc('FROM a AS Builder\nRUN make\nFROM b\nCOPY --from=builder /x /y\nCOPY --from=0 /x /z\nRUN --mount=type=bind,from=builder,target=/m ls\n');
    const [builder, final] = doc.stages;
    expect(builder!.copiedBy).toHaveLength(2);
    expect(doc.find('COPY').map((c) => c.fromStage)).toEqual([builder, builder]);
    expect(final!.isLast).toBe(true);
    expect(builder!.isLast).toBe(false);
    expect(doc.stageNamed('BUILDER')).toBe(builder);
    expect(builder!.find('RUN')).toHaveLength(1);
  });
});

describe('parse failures: only where BuildKit fails', () => {
  test('no instructions', () => {
    expect(problems('# only a comment\n')).toEqual(['the Dockerfile has no instructions; it needs at least a FROM']);
    expect(problems('')).toHaveLength(1);
  });

  test('an unknown instruction, with a suggestion', () => {
    expect(problems('FROM a\nRUNN x\n')).toEqual(['unknown instruction `RUNN`; did you mean `RUN`?']);
  });

  test('no FROM', () => {
    expect(problems('ARG X=1\n')[0]).toContain('no FROM');
  });

  test('an unterminated here-document', () => {
    expect(problems('FROM a\nRUN <<EOF\necho\n')[0]).toContain('never closed');
  });

  test('deeply nested variables do not exhaust the stack', () => {
    const text = 'ARG X=' + '${A:-'.repeat(20000) + 'v' + '}'.repeat(20000) + '\nFROM a:$X\n';
    expect(problems(text)).toEqual([]);
  });

  test('odd but valid files parse', () => {
    for (const text of [
      'FROM a\nRUN\n',
      'FROM a\nRUN echo \\\n',
      'FROM a\nCMD [\n',
      'FROM a\nRUN ["unterminated\n',
      'FROM a\nRUN echo "unterminated\n',
      'FROM\n',
      'FROM a\nONBUILD\n',
      'FROM a\nCOPY\n',
      'FROM a\nENV\n',
      'FROM a\nHEALTHCHECK\n',
      'FROM a\nWORKDIR\n',
      'FROM a\r\nRUN x\r',
      'FROM a\n\tRUN\techo\ttab\n',
      'FROM a\nRUN (((((\n',
    ]) {
      expect(problems(text), text).toEqual([]);
    }
  });
});
