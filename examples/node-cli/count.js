import { readFile } from 'node:fs/promises';

/** The number of lines of `text`: a last line without a newline counts too. */
export function countLines(text) {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** `[{ file, lines }]` for each file, in the order given. */
export async function countFiles(files) {
  return Promise.all(files.map(async (file) => ({ file, lines: countLines(await readFile(file, 'utf8')) })));
}
