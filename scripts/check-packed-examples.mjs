#!/usr/bin/env node
// Packs every package as it would be published, installs the tarballs with npm
// into an empty project, and runs examples/packed/* against them (ESM and CJS):
// each program must print exactly its .expected.txt. Run after `pnpm build`.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');

/** `import { a, b as c } from 'm';` -> `const { a, b: c } = require('m');` (examples use named imports only). */
function toCommonJs(source) {
  return source.replace(/^import \{([^}]+)\} from '([^']+)';$/gm, (_, names, module) => `const {${names.replace(/\s+as\s+/g, ': ')}} = require('${module}');`);
}
const work = mkdtempSync(join(tmpdir(), 'kronos-packed-'));
const tarballs = join(work, 'tarballs');
const project = join(work, 'project');
try {
  execFileSync('npx', ['-y', 'pnpm@10', '-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballs], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const packed = Object.fromEntries(
    readdirSync(tarballs).map((file) => [`@kronos/${file.replace(/^kronos-/, '').replace(/-\d+\.\d+\.\d+.*\.tgz$/, '')}`, `file:${join(tarballs, file)}`]),
  );
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'packed-check', private: true, dependencies: packed, overrides: packed }, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, stdio: 'inherit' });
  const examples = join(root, 'examples', 'packed');
  let failed = 0;
  for (const file of readdirSync(examples).filter((f) => f.endsWith('.mjs')).sort()) {
    const source = readFileSync(join(examples, file), 'utf8');
    const expected = readFileSync(join(examples, file.replace(/\.mjs$/, '.expected.txt')), 'utf8');
    // Each example also runs as CommonJS: the same program with its imports turned into requires.
    const commonJs = file.replace(/\.mjs$/, '.cjs');
    writeFileSync(join(project, file), source);
    writeFileSync(join(project, commonJs), toCommonJs(source));
    for (const program of [file, commonJs]) {
      const actual = execFileSync(process.execPath, [program], { cwd: project, encoding: 'utf8' });
      if (actual === expected) console.log(`packed example ${program}: ok`);
      else { failed++; console.error(`packed example ${program} printed:\n${actual}\nexpected:\n${expected}`); }
    }
  }
  if (failed > 0) process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
