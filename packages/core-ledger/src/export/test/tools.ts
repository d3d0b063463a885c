/**
 * Test support (not part of the package's API): runs hledger and Beancount's
 * tools on exported files. A missing tool skips its tests with the reason,
 * except under KRONOS_REQUIRE_SERVICES=1 (how CI runs), where it fails them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** A command-line tool to run, or why its tests are skipped. */
export type ToolTarget = { readonly bin: string; readonly skipReason?: undefined } | { readonly bin?: undefined; readonly skipReason: string };

/** `bin` when it runs (`--version`), else the reason; under KRONOS_REQUIRE_SERVICES=1 a missing tool throws. */
export function toolTarget(bin: 'hledger' | 'bean-check' | 'bean-query', install: string): ToolTarget {
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (probe.error === undefined && probe.status === 0) return { bin };
  const reason = `skipped: '${bin}' is not installed (${install})`;
  if (process.env['KRONOS_REQUIRE_SERVICES'] === '1') throw new Error(`KRONOS_REQUIRE_SERVICES=1 but ${reason.replace('skipped: ', '')}: the export tests must run.`);
  return { skipReason: reason };
}

/** Runs a tool; the exit status and both outputs. */
export function run(bin: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let folder: string | undefined;
let written = 0;

/** Writes `text` to a new file in this test file's temporary folder and returns its path. */
export function writeTemp(name: string, text: string): string {
  folder ??= mkdtempSync(join(tmpdir(), 'kronos-export-'));
  const file = join(folder, `${++written}-${name}`);
  writeFileSync(file, text);
  return file;
}

/** Removes the temporary folder (call it in `afterAll`). */
export function removeTemp(): void {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}

/** `hledger bal` as `account -> commodity -> amount`, zero lines left out; `cleared` counts `*` transactions only. */
export function hledgerBalances(bin: string, file: string, cleared: boolean): Record<string, Record<string, string>> {
  const result = run(bin, ['-f', file, 'bal', '--layout=bare', '-O', 'csv', '--no-total', ...(cleared ? ['-C'] : [])]);
  if (result.status !== 0) throw new Error(`hledger bal failed: ${result.stderr}`);
  const rows = parse(result.stdout, { columns: true }) as { account: string; commodity: string; balance: string }[];
  const balances: Record<string, Record<string, string>> = {};
  for (const row of rows) if (!/^-?0(\.0*)?$/.test(row.balance)) (balances[row.account] ??= {})[row.commodity] = row.balance;
  return balances;
}

/** Account name -> account id from the `account-id` lines under each `account` (hledger) or `open` (Beancount) directive. */
export function declaredAccounts(text: string, format: 'hledger' | 'beancount'): Map<string, string> {
  const pattern = format === 'hledger' ? /^account (.+?)  ; type: [ALERX]\n {4}; account-id: (\S+)$/gm : /^\d{4}-\d{2}-\d{2} open (\S+) \S+ "STRICT"\n {2}account-id: "([^"]+)"$/gm;
  return new Map([...text.matchAll(pattern)].map((match) => [match[2]!, match[1]!]));
}

/** Beancount's per-account sums (`bean-query`) as `account -> commodity -> amount`, zero lines left out; `cleared` counts `*` transactions only. */
export function beancountBalances(bin: string, file: string, cleared: boolean): Record<string, Record<string, string>> {
  // sum(position) is shown at each commodity's own precision (a bare sum(number) column shares one).
  const query = `SELECT account, currency, sum(position) AS total ${cleared ? "WHERE flag = '*' " : ''}GROUP BY account, currency`;
  const result = run(bin, ['-f', 'csv', file, query]);
  if (result.status !== 0) throw new Error(`bean-query failed: ${result.stderr}`);
  const rows = parse(result.stdout, { columns: true, trim: true }) as { account: string; currency: string; total: string }[];
  const balances: Record<string, Record<string, string>> = {};
  for (const row of rows) {
    const amount = row.total.split(/\s+/)[0] ?? '';
    if (amount !== '' && !/^-?0(\.0*)?$/.test(amount)) (balances[row.account] ??= {})[row.currency] = amount;
  }
  return balances;
}
