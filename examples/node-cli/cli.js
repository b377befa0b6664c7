#!/usr/bin/env node
// count-lines FILE...: prints the number of lines of each file and the total, like `wc -l`.
// In the image it runs in /work, where `docker run -v "$PWD:/work"` mounts the current directory.
import { countFiles } from './count.js';

const USAGE = 'usage: count-lines FILE...\n';

export async function main(args, out = process.stdout, err = process.stderr) {
  if (args.length === 0 || args.includes('--help')) {
    (args.length === 0 ? err : out).write(USAGE);
    return args.length === 0 ? 2 : 0;
  }
  try {
    const counts = await countFiles(args);
    for (const { file, lines } of counts) out.write(`${String(lines).padStart(8)} ${file}\n`);
    if (counts.length > 1) out.write(`${String(counts.reduce((sum, c) => sum + c.lines, 0)).padStart(8)} total\n`);
    return 0;
  } catch (error) {
    err.write(`count-lines: ${error.path ?? ''}: ${error.code === 'ENOENT' ? 'no such file' : error.message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
