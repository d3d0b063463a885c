#!/usr/bin/env node
// Checks what we ship, not what we test: publint --strict and
// @arethetypeswrong/cli --pack on every built package (or on the packages
// named as arguments: `node scripts/check-packages.mjs risk goals`). Run after
// `pnpm build`. publint packs with pnpm when pnpm is on PATH (as under
// `npx -y pnpm@10 check:packages`), else with npm.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const pnpmOnPath = spawnSync('pnpm', ['--version'], { stdio: 'ignore' }).status === 0;
let failed = 0;
let checked = 0;
for (const pkg of readdirSync('packages').sort()) {
  const dir = join('packages', pkg);
  if (!existsSync(join(dir, 'package.json'))) continue;
  if (only.length > 0 && !only.includes(pkg)) continue;
  checked++;
  for (const [tool, args] of [
    ['publint', ['--strict', '--pack', pnpmOnPath ? 'pnpm' : 'npm']],
    ['attw', ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped']],
  ]) {
    const run = spawnSync(join(process.cwd(), 'node_modules', '.bin', tool), args, { cwd: dir, stdio: 'inherit' });
    if (run.status !== 0) { failed++; console.error(`${tool} failed for ${pkg}`); }
  }
}
if (only.length > 0 && checked !== only.length) { console.error(`No package folder for: ${only.filter((name) => !existsSync(join('packages', name, 'package.json'))).join(', ')}`); process.exit(1); }
if (failed > 0) { console.error(`${failed} package check(s) failed`); process.exit(1); }
console.log('package checks: ok');
