#!/usr/bin/env node
// Writes (or rewrites) the package.json exports/files/scripts of a package
// from its list of public entries, so every package is shipped the same way.
// Usage: node scripts/new-package.mjs <folder> [subpath ...]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [folder, ...subpaths] = process.argv.slice(2);
if (!folder) throw new Error('usage: new-package.mjs <folder> [subpath ...]');
const dir = join('packages', folder);
const pjPath = join(dir, 'package.json');
const pj = existsSync(pjPath) ? JSON.parse(readFileSync(pjPath, 'utf8')) : {};
const entries = ['.', ...subpaths];
const exportsMap = {};
for (const e of entries) {
  const base = e === '.' ? './dist/index' : `./dist/${e}/index`;
  exportsMap[e === '.' ? '.' : `./${e}`] = {
    import: { types: `${base}.d.ts`, default: `${base}.js` },
    require: { types: `${base}.d.cts`, default: `${base}.cjs` },
  };
}
exportsMap['./package.json'] = './package.json';
const out = {
  name: `@kronos/${folder}`,
  version: pj.version ?? '0.0.0',
  description: pj.description ?? '',
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.cts',
  exports: exportsMap,
  files: ['dist', 'README.md', '!dist/**/*.map'],
  engines: { node: '>=20.19' },
  scripts: { build: 'tsup', ...(pj.scripts ?? {}) },
  ...Object.fromEntries(Object.entries(pj).filter(([k]) => !['name', 'version', 'description', 'license', 'type', 'sideEffects', 'main', 'module', 'types', 'exports', 'files', 'engines', 'scripts'].includes(k))),
};
out.scripts.build = 'tsup';
writeFileSync(pjPath, JSON.stringify(out, null, 2) + '\n');
const tsup = `import { kronosTsup } from '../../scripts/tsup-preset.js';\n\nexport default kronosTsup(${JSON.stringify(entries)});\n`;
writeFileSync(join(dir, 'tsup.config.ts'), tsup);
writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'], exclude: ['src/**/*.test.ts'] }, null, 2) + '\n');
console.log(`wrote ${pjPath}`);
