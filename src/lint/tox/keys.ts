import { didYouMean } from '../../util/text.js';

/**
 * The setting keys tox 4 reads, from its configuration reference (tox.wiki "Configuration",
 * checked 2026-11-23), with their tox 3 aliases, and the keys tox 4 removed.
 */

export const CORE_KEYS: ReadonlySet<string> = new Set([
  'requires', 'min_version', 'minversion', 'provision_tox_env', 'env_list', 'envlist', 'skip_missing_interpreters',
  'tox_root', 'toxinidir', 'work_dir', 'toxworkdir', 'temp_dir', 'no_package', 'skipsdist', 'package_env',
  'isolated_build_env', 'package_root', 'setupdir', 'labels', 'ignore_base_python_conflict',
  'ignore_basepython_conflict',
]);

export const ENV_KEYS: ReadonlySet<string> = new Set([
  'env_dir', 'envdir', 'env_tmp_dir', 'envtmpdir', 'env_log_dir', 'envlogdir', 'platform', 'pass_env', 'passenv',
  'disallow_pass_env', 'set_env', 'setenv', 'parallel_show_output', 'recreate', 'allowlist_externals', 'labels',
  'suicide_timeout', 'interrupt_timeout', 'terminate_timeout', 'base', 'runner', 'description', 'depends',
  'commands_pre', 'commands', 'commands_post', 'change_dir', 'changedir', 'args_are_paths', 'ignore_errors',
  'ignore_outcome', 'skip_install', 'package_env', 'package_tox_env_type', 'base_python', 'basepython',
  'base_python_file', 'dependency_groups', 'deps', 'use_develop', 'usedevelop', 'package', 'wheel_build_env', 'extras', 'package_glob',
  'system_site_packages', 'sitepackages', 'always_copy', 'alwayscopy', 'download', 'meta_dir', 'pkg_dir',
  'config_settings_get_requires_for_build_sdist', 'config_settings_build_sdist',
  'config_settings_get_requires_for_build_wheel', 'config_settings_prepare_metadata_for_build_wheel',
  'config_settings_build_wheel', 'config_settings_get_requires_for_build_editable',
  'config_settings_prepare_metadata_for_build_editable', 'config_settings_build_editable', 'fresh_subprocess',
  'install_command', 'list_dependencies_command', 'pip_pre', 'constrain_package_deps', 'use_frozen_constraints',
]);

export interface RemovedKey {
  /** What to do instead. */
  instead: string;
  /** The key that replaces it, when it is a plain rename (that tox 3 reads too). */
  renamedTo?: string;
  /**
   * The key still works in tox 3 and has no replacement there: only dead configuration when the
   * file requires tox 4 (`min_version`/`requires`).
   */
  tox3Only?: boolean;
}

/** Keys tox 4 no longer reads (tox.wiki "Upgrading to tox v4", "Removed tox.ini keys"). */
export const REMOVED_KEYS: Readonly<Record<string, RemovedKey>> = {
  whitelist_externals: {
    instead: 'tox 4 ignores it, so every command it allowed now fails as "not allowed"; rename it to `allowlist_externals`',
    renamedTo: 'allowlist_externals',
  },
  indexserver: { instead: 'tox 4 ignores it; set `PIP_INDEX_URL` in `set_env` instead', tox3Only: true },
  isolated_build: { instead: 'tox 4 always builds in isolation and ignores it; remove it', tox3Only: true },
  distdir: { instead: 'tox 4 ignores it; use the `TOX_PACKAGE` environment variable', tox3Only: true },
  distshare: { instead: 'tox 4 removed it (and the `{distshare}` substitution); remove it', tox3Only: true },
};

/** Whether `a` is `b` with two adjacent characters swapped (`dpes` / `deps`). */
function swapsTwo(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** The known key a misspelled one was probably meant to be: a close edit or two swapped letters. */
export function suggestKey(key: string, known: Iterable<string>): string | undefined {
  const list = [...known];
  return didYouMean(key, list) ?? list.find((k) => swapsTwo(key, k));
}
