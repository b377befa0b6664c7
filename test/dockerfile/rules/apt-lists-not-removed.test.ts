import { describe, expect, test } from 'vitest';
import { fixed, hits } from './helpers.js';

const rule = 'apt-lists-not-removed';
const from = 'FROM debian:bookworm-slim\n';
const install = 'apt-get install -y --no-install-recommends';

/** The text after the fix, or undefined when no finding carries one. */
async function cleaned(text: string): Promise<string | undefined> {
  const found = await hits(rule, text);
  expect(found.length).toBeGreaterThan(0);
  return found.some((h) => h.fix) ? fixed(rule, text) : undefined;
}

describe(rule, () => {
  test('a continued RUN gets a continued line in its own style and indentation', async () => {
    expect(await cleaned(`${from}RUN apt-get update \\\n  && ${install} curl\n`)).toBe(`${from}RUN apt-get update \\\n  && ${install} curl \\\n  && rm -rf /var/lib/apt/lists/*\n`);
    expect(await cleaned(`${from}RUN apt-get update && \\\n\t${install} curl\n`)).toBe(`${from}RUN apt-get update && \\\n\t${install} curl && \\\n\trm -rf /var/lib/apt/lists/*\n`);
    expect(await cleaned(`${from}RUN apt-get update && ${install} \\\n      curl \\\n      git\n`)).toBe(
      `${from}RUN apt-get update && ${install} \\\n      curl \\\n      git \\\n      && rm -rf /var/lib/apt/lists/*\n`,
    );
  });

  test('the escape directive and CRLF line ends are followed', async () => {
    const text = `# escape=\`\r\n${from.trim()}\r\nRUN apt-get update \`\r\n && ${install} curl\r\n`;
    expect(await cleaned(text)).toBe(`# escape=\`\r\n${from.trim()}\r\nRUN apt-get update \`\r\n && ${install} curl \`\r\n && rm -rf /var/lib/apt/lists/*\r\n`);
  });

  test('a script with several statements is cleaned after the last one', async () => {
    expect(await cleaned(`${from}RUN set -eux; apt-get update; ${install} curl\n`)).toBe(`${from}RUN set -eux; apt-get update; ${install} curl && rm -rf /var/lib/apt/lists/*\n`);
  });

  test('no fix where && cannot follow or the RUN is not shell text', async () => {
    for (const run of [
      `RUN apt-get update && ${install} curl;`,
      `RUN apt-get update && ${install} curl # the tools`,
      `RUN apt-get update && ${install} curl &`,
      `RUN <<EOF\napt-get update\n${install} curl\nEOF`,
      `RUN ["sh", "-c", "apt-get update && ${install} curl"]`,
    ]) {
      expect(await cleaned(`${from}${run}\n`), run).toBeUndefined();
    }
  });

  test('no fix when the RUN does not install after its update: its lists are for later', async () => {
    expect(await cleaned(`${from}RUN apt-get update\nRUN ${install} curl && rm -rf /var/lib/apt/lists/*\n`)).toBeUndefined();
    expect(await cleaned(`${from}RUN ${install} curl && apt-get update\n`)).toBeUndefined();
  });

  test('no fix when a later RUN, a stage built on this one or a trigger reads the lists without updating', async () => {
    const first = `${from.replace('\n', ' AS base\n')}RUN apt-get update && ${install} curl\n`;
    expect(await cleaned(`${first}RUN ${install} git\n`)).toBeUndefined();
    expect(await cleaned(`${first}RUN apt-cache policy curl\n`)).toBeUndefined();
    expect(await cleaned(`${first}FROM base\nRUN ${install} git\n`)).toBeUndefined();
    expect(await cleaned(`${first}ONBUILD RUN ${install} git\n`)).toBeUndefined();
    // An update of its own, or apt only removing packages, leaves the fix safe.
    expect(await cleaned(`${first}RUN apt-get update && ${install} git && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y curl\n`)).toBe(
      `${first.replace(' curl\n', ' curl && rm -rf /var/lib/apt/lists/*\n')}RUN apt-get update && ${install} git && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y curl\n`,
    );
  });

  test('no fix when the clean-up would not run as root', async () => {
    expect(await cleaned(`${from}USER app\nRUN sudo apt-get update && sudo ${install} curl\n`)).toBeUndefined();
    expect(await cleaned(`${from}USER 0:0\nRUN apt-get update && ${install} curl\n`)).toBe(`${from}USER 0:0\nRUN apt-get update && ${install} curl && rm -rf /var/lib/apt/lists/*\n`);
  });
});
