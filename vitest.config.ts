import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default leaves one core free, which on a 2-core CI machine runs every file in one
    // process: the container builds and the rest of the suite then take turns instead of overlapping.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
