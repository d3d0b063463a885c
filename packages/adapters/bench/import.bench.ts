// Parse throughput of the bank-file importers on generated files: a
// 100,000-line CSV and an OFX statement with 100,000 transactions, a
// re-import of the CSV through dedupe, and whole imports (parse, dedupe
// against the journal, write) into core-ledger's memory store and into the
// PGlite store (in memory), the same 100,000 lines each.
// Prints `bench adapters <case> <value> <unit>`.
import type { LedgerStore } from '@kronos/core-ledger';
import { dedupeTransactions, importIntoLedger, parseCsv, parseOfx } from '@kronos/adapters/import';
import { createPgliteStore } from '@kronos/adapters/pglite';
import { createImportLedger } from '../src/_internal/fixtures.js';

const rowsCount = 100_000;
const pgliteRowsCount = 100_000;
const repeats = 3;

function generatedCsv(count = rowsCount): string {
  const lines = ['Date,Payee,Memo,Amount'];
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    const cents = ((i * 7919) % 200_000) - 100_000;
    lines.push(`2024-${month}-${day},"PAYEE ${i % 997}","memo, line ${i}",${(cents / 100).toFixed(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

function generatedOfx(count = rowsCount): string {
  const parts = ['OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>1<ACCTID>42</BANKACCTFROM><BANKTRANLIST>'];
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const cents = ((i * 7919) % 200_000) - 100_000;
    parts.push(`<STMTTRN><TRNTYPE>POS<DTPOSTED>202403${day}120000.000[-5:EST]<TRNAMT>${(cents / 100).toFixed(2)}<FITID>F${i}<NAME>PAYEE ${i % 997}<MEMO>POS;PAYEE ${i % 997}</STMTTRN>\n`);
  }
  parts.push('</BANKTRANLIST><LEDGERBAL><BALAMT>1.00<DTASOF>20240331</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>');
  return parts.join('');
}

function best(run: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

function report(name: string, value: number, unit: string): void {
  console.log(`bench adapters ${name} ${value.toFixed(value >= 100 ? 0 : unit === 'ratio' ? 3 : 1)} ${unit}`);
}

const csv = generatedCsv();
const ofx = generatedOfx();
const csvOptions = { accountRef: 'checking', currency: 'USD', mapping: { date: 'Date', payee: 'Payee', memo: 'Memo', amount: 'Amount' } } as const;

let parsed = parseCsv(csv, csvOptions);
const csvMs = best(() => { parsed = parseCsv(csv, csvOptions); });
report('csv_100k_lines_parse', csvMs, 'ms');
report('csv_parse_throughput', (rowsCount / csvMs) * 1000, 'transactions/s');
report('csv_parse_bytes', csv.length / 1e6 / (csvMs / 1000), 'MB/s');

const ofxMs = best(() => { parseOfx(ofx); });
report('ofx_100k_transactions_parse', ofxMs, 'ms');
report('ofx_parse_throughput', (rowsCount / ofxMs) * 1000, 'transactions/s');
report('ofx_parse_bytes', ofx.length / 1e6 / (ofxMs / 1000), 'MB/s');

const existing = parsed.transactions;
const dedupeMs = best(() => {
  const result = dedupeTransactions(existing, existing);
  if (result.added.length !== 0) throw new Error('re-import added records');
});
report('csv_100k_reimport_dedupe', dedupeMs, 'ms');

/**
 * Times one whole import (parse + dedupe + write; the store is opened
 * before the clock starts) and reports wall time, transactions per second,
 * and transactions per CPU second (steadier than wall time on a shared
 * machine; PGlite runs in this process, so its work is counted too).
 * Returns the CPU throughput.
 */
async function timeImport(name: string, count: number, run: () => Promise<number>): Promise<number> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const written = await run();
  const ms = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  if (written !== count) throw new Error(`${name}: wrote ${written} of ${count}`);
  report(name, ms, 'ms');
  report(`${name}_throughput`, (count / ms) * 1000, 'transactions/s');
  const cpuThroughput = (count / ((user + system) / 1000)) * 1000;
  report(`${name}_cpu_throughput`, cpuThroughput, 'transactions/s');
  return cpuThroughput;
}

const importOptions = { contraAccountId: 'ana:uncategorized', allowBatches: true } as const;

async function importCsv(text: string, store?: LedgerStore): Promise<number> {
  const ledger = await createImportLedger('USD', store);
  const file = parseCsv(text, csvOptions);
  return (await importIntoLedger(ledger, file.transactions, { ...importOptions, accounts: { checking: 'ana:checking' } })).written.length;
}

async function importOfx(text: string, store?: LedgerStore): Promise<number> {
  const ledger = await createImportLedger('USD', store);
  const file = parseOfx(text);
  return (await importIntoLedger(ledger, file.transactions, { ...importOptions, accounts: { 'ofx:1:42': 'ana:checking' } })).written.length;
}

const csvMemory = await timeImport('csv_100k_import_memory_store', rowsCount, () => importCsv(csv));
const ofxMemory = await timeImport('ofx_100k_import_memory_store', rowsCount, () => importOfx(ofx));

/** The same import into a fresh, migrated in-memory PGlite store (opened and closed outside the timing). */
async function timePgliteImport(name: string, count: number, run: (store: LedgerStore) => Promise<number>): Promise<number> {
  const store = await createPgliteStore({ migrate: true });
  try {
    return await timeImport(name, count, () => run(store));
  } finally {
    await store.close();
  }
}

const pgliteCsv = generatedCsv(pgliteRowsCount);
const pgliteOfx = generatedOfx(pgliteRowsCount);
const csvPglite = await timePgliteImport('csv_100k_import_pglite_store', pgliteRowsCount, (store) => importCsv(pgliteCsv, store));
const ofxPglite = await timePgliteImport('ofx_100k_import_pglite_store', pgliteRowsCount, (store) => importOfx(pgliteOfx, store));
// Per CPU second, PGlite against the memory store, the same files in this run.
report('csv_import_pglite_vs_memory_store_cpu', csvPglite / csvMemory, 'ratio');
report('ofx_import_pglite_vs_memory_store_cpu', ofxPglite / ofxMemory, 'ratio');
