/** Questions rules often ask of a Dockerfile document. */
import type { ImageRef, Stage } from './model.js';

/** The image a stage finally builds on, following `FROM <stage>` links. */
export function rootImage(stage: Stage): ImageRef | undefined {
  let s: Stage = stage;
  const seen = new Set<Stage>();
  while (s.base && !seen.has(s)) {
    seen.add(s);
    s = s.base;
  }
  return s.image;
}

/** True when the stage's files end up in the final image: it is the last stage or a stage built on it is. */
export function reachesFinalImage(stage: Stage): boolean {
  const seen = new Set<Stage>();
  const todo = [stage];
  for (let s = todo.pop(); s; s = todo.pop()) {
    if (s.isLast) return true;
    if (seen.has(s)) continue;
    seen.add(s);
    todo.push(...s.children);
  }
  return false;
}

/** True when the stage builds on an Alpine or BusyBox image (`/bin/sh` is busybox ash). */
export function isBusyboxBased(stage: Stage): boolean {
  const image = rootImage(stage);
  return image !== undefined && /(^|\/)(alpine|busybox)([:@]|$)|alpine/i.test(image.resolved);
}
