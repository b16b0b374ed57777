import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Neo4j suites share one server: keep files from racing on its data.
    fileParallelism: false,
    reporters: ['default'],
  },
});
