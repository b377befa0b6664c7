import type { AnyKindSupport, KindSupport } from './engine/kind.js';
import { importOptional } from './engine/optional-module.js';
import type { ProjectDoc } from './engine/project.js';
import { createRegistry, type KindRegistry } from './engine/registry.js';
import type { AnyFileDoc, Rule, SecretHit, SourceFile } from './engine/types.js';
import { dockerfileSupport } from './dockerfile/index.js';
import { gitlabCiSupport } from './gitlab-ci/index.js';
import { makefileSupport } from './makefile/index.js';
import { toxSupport } from './tox/index.js';

/**
 * The one list of what slipway lints: each file kind's support (parser and rules), the
 * cross-file rules and the rules that read every file (secrets). Kinds still being written
 * are loaded when their module exists: src/lint/descriptor/index.ts (`descriptorSupport`),
 * src/lint/cross/index.ts (`projectRules`), src/lint/secrets/index.ts (`scanSecrets`, `secretRules`).
 */
let registry: Promise<KindRegistry> | undefined;

export function loadRegistry(): Promise<KindRegistry> {
  registry ??= (async () => {
    const [descriptor, cross, secrets] = await Promise.all([
      importOptional<{ descriptorSupport?: KindSupport }>(import.meta.url, './descriptor/index.js'),
      importOptional<{ projectRules?: readonly Rule<ProjectDoc>[] }>(import.meta.url, './cross/index.js'),
      importOptional<SecretsModule>(import.meta.url, './secrets/index.js'),
    ]);
    const supports: KindSupport[] = [dockerfileSupport, gitlabCiSupport, makefileSupport, toxSupport];
    if (descriptor?.descriptorSupport) supports.push(descriptor.descriptorSupport);
    return createRegistry(supports, cross?.projectRules ?? [], secretsSupport(secrets));
  })();
  return registry;
}

interface SecretsModule {
  scanSecrets?: (file: SourceFile) => Promise<SecretHit[]>;
  secretRules?: readonly Rule<AnyFileDoc>[];
}

/** The secret scan (awaited once per file) and the `secrets/*` rules that read its hits. */
function secretsSupport(mod: SecretsModule | undefined): AnyKindSupport | undefined {
  const scan = mod?.scanSecrets;
  if (!scan || !mod.secretRules) return undefined;
  return { prepare: async (file) => ({ secrets: await scan(file) }), rules: mod.secretRules };
}
