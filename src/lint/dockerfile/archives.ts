/** Which paths ADD treats specially: remote URLs, git repositories and local archives it unpacks. */

/** hadolint's list of archive extensions (ADD unpacks local tar archives, compressed or not). */
const ARCHIVE_EXTENSIONS = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz', '.zst', '.tzst'];

/** Tar archives, compressed or not: what ADD unpacks (a plain `.gz` or `.zip` is copied as it is). */
const TAR_ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma|Z)|tgz|tbz2?|tb2|txz|tzst|tlz|tpz|tZ)$/;

/** The base name of a path (`/tmp/app.tar.gz` → `app.tar.gz`). */
export function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** A name ADD may unpack, by its extension (hadolint's list). */
export function looksLikeArchive(path: string): boolean {
  return ARCHIVE_EXTENSIONS.some((ext) => path.endsWith(ext));
}

/** A tar archive by its extension. */
export function isTarArchive(path: string): boolean {
  return TAR_ARCHIVE.test(path);
}

/** An ADD source that is fetched rather than read from the context: http(s), git. */
export function isRemoteSource(path: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(path) || /^git@/.test(path) || /^[\w.-]+\.[a-z]{2,}\/(?=.*$).+\.git(#.*)?$/i.test(path);
}
