import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * TEMPORARY (fix/store): kysely and pg come from a private prefix until they are in package.json.
 * Once node_modules has them this is empty and changes nothing.
 */
const PRIVATE_DEPS = '/tmp/store-deps/node_modules';
const privateDeps = (names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).filter(([name, entry]) => !fs.existsSync(`node_modules/${name}`) && fs.existsSync(`${PRIVATE_DEPS}/${entry}`)).map(([name, entry]) => [name, `${PRIVATE_DEPS}/${entry}`]));

export default defineConfig({
  resolve: { alias: privateDeps({ kysely: 'kysely/dist/index.js', pg: 'pg/lib/index.js' }) },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    globalSetup: ['tests/setup/buildOnce.ts', 'tests/setup/postgres.ts'],
  },
});
