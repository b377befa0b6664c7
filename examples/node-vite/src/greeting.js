/** The greeting the page shows: trimmed, and the world when no name is given. */
export function greeting(name) {
  const trimmed = String(name ?? '').trim();
  return `Hello, ${trimmed === '' ? 'world' : trimmed}!`;
}
