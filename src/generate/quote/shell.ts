/** POSIX shell quoting. */

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes one word for a POSIX shell so that it is read back as exactly that word: unchanged
 * when it contains only characters with no meaning to the shell, otherwise single-quoted
 * (`'` written as `'\''`). No expansion, globbing or word splitting can happen to the result.
 */
export function shellQuote(word: string): string {
  if (word !== '' && SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Quotes each word and joins them with spaces: a command line that runs exactly `words`. */
export function shellJoin(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
