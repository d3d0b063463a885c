#!/usr/bin/env node
// Checks what we ship, not what we test: publint --strict and
// @arethetypeswrong/cli --pack on every built package. Run after `pnpm build`.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

let failed = 0;
for (const pkg of readdirSync('packages').sort()) {
  const dir = join('packages', pkg);
  if (!existsSync(join(dir, 'package.json'))) continue;
  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped']],
  ]) {
    const run = spawnSync(join(process.cwd(), 'node_modules', '.bin', tool), args, { cwd: dir, stdio: 'inherit' });
    if (run.status !== 0) { failed++; console.error(`${tool} failed for ${pkg}`); }
  }
}
if (failed > 0) { console.error(`${failed} package check(s) failed`); process.exit(1); }
console.log('package checks: ok');
