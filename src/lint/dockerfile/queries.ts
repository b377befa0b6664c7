/** Questions rules often ask of a Dockerfile document. */
import type { ImageRef, InstructionOf, Stage } from './model.js';

const rootStages = new WeakMap<Stage, Stage>();

/** The image a stage finally builds on, following `FROM <stage>` links. */
export function rootImage(stage: Stage): ImageRef | undefined {
  return rootStage(stage).image;
}

/**
 * The first stage of the `FROM <stage>` chain, remembered for every stage on the way (rules ask it
 * per instruction, and a chain of n stages would otherwise cost n² steps).
 */
function rootStage(stage: Stage): Stage {
  const path: Stage[] = [];
  const seen = new Set<Stage>();
  let s: Stage = stage;
  for (;;) {
    const known = rootStages.get(s);
    if (known) {
      s = known;
      break;
    }
    if (!s.base || seen.has(s)) break;
    seen.add(s);
    path.push(s);
    s = s.base;
  }
  for (const p of path) rootStages.set(p, s);
  return s;
}

const reaching = new WeakMap<Stage, boolean>();

/**
 * True when the stage's files end up in the final image: it is the last stage or a stage built on it is.
 * Remembered per stage, for the stages below it too: rules ask it of every stage, and walking the
 * stages built on each one again would cost n² steps for a chain of n stages.
 */
export function reachesFinalImage(stage: Stage): boolean {
  const known = reaching.get(stage);
  if (known !== undefined) return known;
  // Depth first without recursion (a chain may be thousands of stages long): a stage is settled once
  // its children are.
  const open = new Set<Stage>([stage]);
  const todo = [stage];
  while (todo.length > 0) {
    const s = todo[todo.length - 1]!;
    if (s.isLast) {
      reaching.set(s, true);
    } else {
      const next = s.children.filter((c) => !reaching.has(c) && !open.has(c));
      if (next.length > 0) {
        for (const c of next) open.add(c);
        for (const c of next) todo.push(c);
        continue;
      }
      reaching.set(s, s.children.some((c) => reaching.get(c) === true));
    }
    todo.pop();
    open.delete(s);
  }
  return reaching.get(stage)!;
}

/** True when the stage builds on an Alpine or BusyBox image (`/bin/sh` is busybox ash). */
export function isBusyboxBased(stage: Stage): boolean {
  const image = rootImage(stage);
  return image !== undefined && /(^|\/)(alpine|busybox)([:@]|$)|alpine/i.test(image.resolved);
}

/** The stage and the stages it builds on through `FROM <stage>`, the stage itself first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.base) {
    seen.add(s);
    chain.push(s);
  }
  return chain;
}

/**
 * The instruction of `keyword` in effect at the end of `stage`: its last one, else the last one of the
 * nearest stage it builds on (CMD, ENTRYPOINT, HEALTHCHECK are inherited that way).
 */
export function effectiveInstruction<K extends 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK' | 'USER' | 'EXPOSE'>(stage: Stage, keyword: K): InstructionOf<K> | undefined {
  for (const s of stageChain(stage)) {
    const list = s.find(keyword);
    if (list.length > 0) return list[list.length - 1];
  }
  return undefined;
}
