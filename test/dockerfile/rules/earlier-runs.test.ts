/**
 * What the shell checks see as "earlier" in a Dockerfile (shell-rule.ts): the RUNs before this one in
 * its stage and in the stages it builds on, not other stages, not later RUNs, nothing for ONBUILD.
 */
import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'apt-get-missing-yes';
const CONFIGURE = "RUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90yes";

describe('earlier RUNs of shell checks', () => {
  test('an earlier RUN of the stage, and of the stages it builds on (two levels), count', async () => {
    expect(await at(rule, `FROM debian:12\n${CONFIGURE}\nRUN apt-get install curl\n`)).toEqual([]);
    const chain = `FROM debian:12 AS a\n${CONFIGURE}\nFROM a AS b\nRUN true\nFROM b\nRUN apt-get install curl\n`;
    expect(await at(rule, chain)).toEqual([]);
  });

  test('a later RUN, a sibling stage, and a stage after this one do not', async () => {
    expect(await at(rule, `FROM debian:12\nRUN apt-get install curl\n${CONFIGURE}\n`)).toEqual(['apt-get install']);
    const sibling = `FROM debian:12 AS a\n${CONFIGURE}\nFROM debian:12 AS b\nRUN apt-get install curl\n`;
    expect(await at(rule, sibling)).toEqual(['apt-get install']);
    const branch = `FROM debian:12 AS base\nRUN true\nFROM base AS a\n${CONFIGURE}\nFROM base\nRUN apt-get install curl\n`;
    expect(await at(rule, branch)).toEqual(['apt-get install']);
  });

  test('an ONBUILD RUN runs in another build: the RUNs of this file are not before it', async () => {
    expect(await at(rule, `FROM debian:12\n${CONFIGURE}\nONBUILD RUN apt-get install curl\n`)).toEqual(['apt-get install']);
  });

  test('thousands of RUNs after the configuration still see it', async () => {
    const runs = Array.from({ length: 3000 }, (_, i) => `RUN echo ${i}`).join('\n');
    expect(await at(rule, `FROM debian:12\n${CONFIGURE}\n${runs}\nRUN apt-get install curl\n`)).toEqual([]);
  });
});
