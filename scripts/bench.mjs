#!/usr/bin/env node
// Runs every package benchmark (packages/*/bench/*.bench.ts), one process each,
// so one package's warm-up or garbage does not colour another's figures.
// Each benchmark prints its figures as `bench <package> <case> <value> <unit>`.
// Usage: pnpm bench [package ...]
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import os from 'node:os';

const only = process.argv.slice(2);
const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
console.log(`# machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
let failed = 0;
for (const pkg of readdirSync('packages').sort()) {
  if (only.length > 0 && !only.includes(pkg)) continue;
  const dir = join('packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
    console.log(`# ${pkg}/${file}`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file)], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (run.status !== 0) { failed++; console.error(`# ${pkg}/${file} failed with exit ${run.status}`); }
  }
}
process.exit(failed > 0 ? 1 : 0);
