/**
 * What goes into `.dockerignore`, for every language: the language's clutter and local secrets,
 * and the descriptor's own patterns. A default pattern that would hide a file the Dockerfile
 * copies is left out; a descriptor pattern that would is an error.
 */
import ignore from 'ignore';
import type { Project } from '../descriptor/model.js';
import { InputError } from '../cli/errors.js';

export interface IgnoreGroup {
  comment: string;
  patterns: string[];
}

export interface DockerignoreView {
  groups: IgnoreGroup[];
  extra: string[];
}

export const VCS_GROUP: IgnoreGroup = { comment: 'Version control, CI and editor files', patterns: ['.git', '.gitignore', '.gitlab-ci.yml', '.idea', '.vscode'] };
export const SECRETS_GROUP: IgnoreGroup = { comment: 'Local secrets never belong in an image', patterns: ['.env', '.env.*', '**/*.pem', '**/*.key'] };

/** The build and developer files slipway writes or reads, which no image uses. */
export function buildFilesGroup(extra: readonly string[]): IgnoreGroup {
  return {
    comment: 'Build and developer files the image does not use',
    patterns: ['Dockerfile', 'Dockerfile.*', '.dockerignore', 'compose.y*ml', 'docker-compose*.y*ml', 'Makefile', ...extra, 'slipway.yaml', '.slipway'],
  };
}

function hides(pattern: string, path: string): boolean {
  const ig = ignore().add(pattern);
  return ig.ignores(path) || ig.ignores(`${path}/`);
}

/** The groups without the patterns that would hide a `required` path, and the descriptor's patterns, checked. */
export function ignoreView(groups: readonly IgnoreGroup[], required: readonly string[], project: Project): DockerignoreView {
  const keep = (p: string) => !required.some((r) => hides(p, r));
  const kept = groups.map((g) => ({ comment: g.comment, patterns: g.patterns.filter(keep) })).filter((g) => g.patterns.length > 0);
  for (const pattern of project.image.dockerignore) {
    const hidden = required.find((r) => hides(pattern, r));
    if (hidden !== undefined) {
      throw new InputError(`image.dockerignore pattern ${JSON.stringify(pattern)} hides ${JSON.stringify(hidden)}, which the Dockerfile copies`, project.descriptorPath);
    }
  }
  return { groups: kept, extra: project.image.dockerignore };
}
