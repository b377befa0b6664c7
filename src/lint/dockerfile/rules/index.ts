/** Every Dockerfile rule, sorted by id. One file per rule; add a new rule here and nowhere else. */
import type { Rule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export const dockerfileRules: readonly Rule<DockerfileDoc>[] = [];
