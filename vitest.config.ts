import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Starts a Neo4j for test/integration when Java and Maven are there and NEO4J_URI is not set.
    globalSetup: ['test/integration/neo4j-global-setup.ts'],
  },
});
