import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // One graphql instance, the one Mercurius requires: Vite would otherwise load graphql's ESM build
  // for our code, and graphql refuses types from "another realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Neo4j suites share one server: keep files from racing on its data.
    fileParallelism: false,
    reporters: ['default'],
  },
});
