import { defineConfig, type Options } from 'tsup';

/**
 * The one build recipe every package shares: ESM + CJS + declarations for
 * each public entry (a subpath is a folder under src/ with an index.ts).
 */
export function kronosTsup(entries: readonly string[], overrides: Options = {}) {
  const entry: Record<string, string> = {};
  for (const name of entries) {
    entry[name === '.' ? 'index' : `${name}/index`] = name === '.' ? 'src/index.ts' : `src/${name}/index.ts`;
  }
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    splitting: true,
    treeshake: true,
    ...overrides,
  });
}
