import { describe, expect, test } from 'vitest';
import { fixed, hits } from './helpers.js';

const rule = 'apt-update-alone';
const from = 'FROM debian:bookworm-slim\n';

/** The text after the fix, or undefined when the finding carries none. */
async function merged(text: string): Promise<string | undefined> {
  const found = await hits(rule, text);
  expect(found).toHaveLength(1);
  return found[0]!.fix ? fixed(rule, text) : undefined;
}

describe(rule, () => {
  test('the update is moved in front of the next RUN, its own text and continuations kept', async () => {
    expect(await merged(`${from}RUN set -eux; \\\n    apt-get -q update\nRUN apt-get install -y curl \\\n && rm -rf /var/lib/apt/lists/*\n`)).toBe(
      `${from}RUN set -eux; \\\n    apt-get -q update && apt-get install -y curl \\\n && rm -rf /var/lib/apt/lists/*\n`,
    );
  });

  test('same flags on both RUNs: merged after the flags; different flags: no fix', async () => {
    const mount = '--mount=type=cache,target=/var/cache/apt,sharing=locked';
    expect(await merged(`${from}RUN ${mount} apt-get update\nRUN ${mount} \\\n    apt-get install -y curl\n`)).toBe(
      `${from}RUN ${mount} \\\n    apt-get update && apt-get install -y curl\n`,
    );
    expect(await merged(`${from}RUN apt-get update\nRUN ${mount} apt-get install -y curl\n`)).toBeUndefined();
    expect(await merged(`${from}RUN --network=host apt-get update\nRUN --network=none apt-get install -y curl\n`)).toBeUndefined();
  });

  test('comments and blank lines between the RUNs stay; any instruction between them stops the fix', async () => {
    expect(await merged(`${from}RUN apt-get update\n\n# tools\nRUN apt-get install -y curl\n`)).toBe(`${from}\n# tools\nRUN apt-get update && apt-get install -y curl\n`);
    for (const between of ['ENV http_proxy=http://proxy:3128', 'ARG MIRROR', 'USER root', 'WORKDIR /tmp', 'COPY sources.list /etc/apt/']) {
      expect(await merged(`${from}RUN apt-get update\n${between}\nRUN apt-get install -y curl\n`)).toBeUndefined();
    }
  });

  test('no fix unless the next RUN is an && chain that starts with the install', async () => {
    for (const next of [
      'RUN apt-get install -y curl || true',
      'RUN apt-get install -y curl; echo done',
      'RUN echo start && apt-get install -y curl',
      'RUN apt-get install -y curl &',
      'RUN (apt-get install -y curl)',
      'RUN <<EOF\napt-get install -y curl\nEOF',
      'RUN ["apt-get", "install", "-y", "curl"]',
      'RUN pip install --no-cache-dir flask==3.0.3',
    ]) {
      expect(await merged(`${from}RUN apt-get update\n${next}\n`), next).toBeUndefined();
    }
    expect(await merged(`${from}RUN apt-get update\nRUN apt-get install -y curl | tee /log && echo ok;\n`)).toBe(
      `${from}RUN apt-get update && apt-get install -y curl | tee /log && echo ok;\n`,
    );
  });

  test('no fix when the update RUN ends where && cannot follow, is a trigger, or is the last of its stage', async () => {
    expect(await merged(`${from}RUN apt-get update;\nRUN apt-get install -y curl\n`)).toBeUndefined();
    expect(await merged(`${from}RUN apt-get update # refresh\nRUN apt-get install -y curl\n`)).toBeUndefined();
    expect(await merged(`${from}ONBUILD RUN apt-get update\nONBUILD RUN apt-get install -y curl\n`)).toBeUndefined();
    expect(await merged(`${from}RUN apt-get update\n${from}RUN apt-get install -y curl\n`)).toBeUndefined();
  });

  test('an update whose failure was ignored stays ignored', async () => {
    expect(await merged(`${from}RUN apt-get update || true\nRUN apt-get install -y curl\n`)).toBe(`${from}RUN apt-get update || true && apt-get install -y curl\n`);
  });
});
