/** Whitespace clean-up of rendered text, so templates can stay readable. */
import * as prettier from 'prettier';

/** Trims trailing blanks, keeps at most one empty line in a row, ends with exactly one newline. */
export function tidyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/(?<![ \t])[ \t]+$/, ''));
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** Formats YAML with prettier (its defaults: two-space indent, double quotes, lines kept as written). */
export async function formatYaml(text: string): Promise<string> {
  return prettier.format(text, { parser: 'yaml', proseWrap: 'preserve' });
}
