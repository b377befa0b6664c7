import { resolveDescriptor } from '../../src/descriptor/index.js';
import type { Project } from '../../src/descriptor/model.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

/** The descriptor behind baseProject(): the tornado preset with every CI feature and an SSH deploy. */
export const BASE_DESCRIPTOR = `
name: hello-tornado
extends: python-tornado
runtime:
  version: "3.12"
  matrix: ["3.11", "3.12"]
image:
  env:
    APP_ENV: production
deploy:
  method: ssh
  environment:
    name: production
    url: https://hello.example.com
`;

/** A resolved Project (through the real descriptor loader), fresh for each call. */
export function baseProject(): Project {
  return resolveDescriptor(BASE_DESCRIPTOR, 'slipway.yaml', { today: new Date('2026-01-01') });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge<T>(base: T, patch: unknown): T {
  if (!isObject(base) || !isObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k], v) : v;
  return out as T;
}

/**
 * baseProject() with `patch` deep-merged over it (arrays and scalars replace). The patch bypasses
 * the descriptor's validation on purpose: the generator must defend itself against any model.
 */
export function project(patch: DeepPartial<Project> = {}): Project {
  return merge(baseProject(), patch);
}

/** A Project resolved from `descriptor` with `patch` deep-merged over it, bypassing validation like project(). */
export function projectFrom(descriptor: string, patch: DeepPartial<Project> = {}): Project {
  return merge(resolveDescriptor(descriptor, 'slipway.yaml', { today: new Date('2026-11-23') }), patch);
}
