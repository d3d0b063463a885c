import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * One root run covers every package, the examples and the docs samples.
 * Workspace imports resolve to source, so tests need no build first; the
 * built artefacts are checked separately (publint, attw, packed examples).
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@kronos\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
      { find: /^@kronos\/([a-z-]+)\/([a-z-]+)$/, replacement: `${root}packages/$1/src/$2/index.ts` },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'docs/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // On CI a JSON report feeds the closing line CI reads (scripts/summarise-tests.mjs).
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: '.vitest-results.json' }]] : ['default'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    typecheck: { enabled: true, include: ['packages/*/src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
