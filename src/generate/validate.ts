/**
 * Checks on model values that end up as tokens in generated files (paths, package names, user
 * names, ports …). The descriptor validates most of these already; these checks are the last
 * line of defence so that no value can ever change the structure of a generated file.
 */
import { assertPrintable, UnsafeValueError } from './unsafe-value.js';

function matching(what: string, value: string, re: RegExp, why: string): string {
  assertPrintable(what, value);
  if (!re.test(value)) throw new UnsafeValueError(what, value, why);
  return value;
}

/** A path inside the project, relative, without `..`, `$` or blanks (it is copied into the image). */
export function relativePath(what: string, value: string): string {
  matching(what, value, /^[A-Za-z0-9._@+-][A-Za-z0-9._@+/-]*$/, 'must be a relative path made of letters, digits and . _ @ + - /');
  if (value.split('/').some((seg) => seg === '..') || value.includes('//')) {
    throw new UnsafeValueError(what, value, 'must stay inside the project (no "..")');
  }
  return value;
}

/** An absolute path inside the image (WORKDIR). */
export function absolutePath(what: string, value: string): string {
  matching(what, value, /^\/[A-Za-z0-9._@+/-]*$/, 'must be an absolute path made of letters, digits and . _ @ + - /');
  if (value.split('/').some((seg) => seg === '..')) throw new UnsafeValueError(what, value, 'must not contain ".."');
  return value;
}

/** A Debian or Alpine package name, optionally pinned (`name=1.2-3`, `name~1.2`). Never an option. */
export function packageName(what: string, value: string): string {
  return matching(what, value, /^[A-Za-z0-9][A-Za-z0-9.+_-]*(?:[=~][A-Za-z0-9.+~:_-]+)?$/, 'is not a package name (optionally pinned with =version)');
}

/** A POSIX user or group name. */
export function userName(what: string, value: string): string {
  return matching(what, value, /^[a-z_][a-z0-9_-]{0,31}$/, 'is not a valid user name');
}

/** A non-root numeric user or group id. */
export function nonRootId(what: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 2147483647) throw new UnsafeValueError(what, String(value), 'must be a non-root numeric id (1 or more)');
  return value;
}

/** A count of at least 1. */
export function positiveInt(what: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new UnsafeValueError(what, String(value), 'must be a whole number of at least 1');
  return value;
}

export function port(what: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new UnsafeValueError(what, String(value), 'is not a port number (1-65535)');
  return value;
}

/** A `major.minor` runtime version. */
export function runtimeVersion(what: string, value: string): string {
  return matching(what, value, /^[0-9]+(?:\.[0-9]+)?$/, 'must be a version such as 3.12, 24 or 1.27');
}

/** A Docker duration (`30s`, `1m30s`, `500ms`). */
export function duration(what: string, value: string): string {
  return matching(what, value, /^(?:[0-9]+(?:\.[0-9]+)?(?:ns|us|ms|s|m|h))+$/, 'is not a duration such as 30s or 1m30s');
}

/** The name of an environment / CI variable. */
export function variableName(what: string, value: string): string {
  return matching(what, value, /^[A-Za-z_][A-Za-z0-9_]*$/, 'is not a variable name');
}

/** The project name: used as image, container and user-facing name. */
export function projectName(what: string, value: string): string {
  return matching(what, value, /^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');
}

/** A version to pin an image tag to (`27.3`, `27.3.1`). */
export function imageVersion(what: string, value: string): string {
  return matching(what, value, /^[0-9]+(?:\.[0-9]+){0,2}$/, 'must be a version such as 27.3');
}

/** An npm package version (semver, with an optional pre-release). */
export function packageVersion(what: string, value: string): string {
  return matching(what, value, /^[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?$/, 'must be a release version such as 1.2.3');
}

/** An image repository, possibly built from CI variables (`$CI_REGISTRY_IMAGE`, `registry.example.com/team/app`). */
export function imageRepository(what: string, value: string): string {
  return matching(what, value, /^[A-Za-z0-9$_{}][A-Za-z0-9$_{}./:-]*$/, 'is not an image repository name');
}

/** An HTTP path probed by the health check. */
export function httpPath(what: string, value: string): string {
  return matching(what, value, /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*$/, 'must be a URL path starting with /');
}

/** An http(s) URL without blanks or credentials. */
export function httpUrl(what: string, value: string): string {
  matching(what, value, /^https?:\/\/[^\s"'`\\]+$/, 'must be an http(s) URL without blanks or quotes');
  if (/^https?:\/\/[^/]*@/.test(value)) throw new UnsafeValueError(what, value, 'must not contain credentials');
  return value;
}
