/**
 * Ledger throughput and as-of balance latency on the memory store, every check
 * on (zod input parsing, balance per currency, one entity, open accounts and
 * periods, no-overdraft bounds, idempotency) and the audit chain hashed.
 * Prints `bench core-ledger <case> <value> <unit>` lines. Rates are given per
 * wall-clock second and per CPU second of this process (`entries/cpu-s`):
 * on a shared machine the second is the steadier figure. Latencies are CPU
 * microseconds per read; the linear scan is the reference an unindexed read
 * would cost, measured in the same run.
 */
// The package's own source, so the figures are those of the code as it stands (no build step needed).
import { createLedger, createMemoryStore, createSequentialIds, createSteppingClock, type EntryInput, type Ledger, type LedgerStore } from '../src/index.js';

const accountCount = 1000;
const batchSize = 1000;

async function setup(store: LedgerStore = createMemoryStore()): Promise<Ledger> {
  const ledger = createLedger({ store, clock: createSteppingClock('2026-01-01T00:00:00.000Z', 1), ids: createSequentialIds(), actor: 'bench' });
  await ledger.createEntity({ id: 'firm', kind: 'corporation', name: 'Bench Corp', baseCurrency: 'USD' });
  const accounts = Array.from({ length: accountCount }, (_, index) => ({
    id: `acc-${index}`, entityId: 'firm', name: `Assets:Bank:Account ${index}`, subtype: 'checking', currency: 'USD', balanceMin: '0', openedOn: '2026-01-01',
  }));
  await ledger.openAccounts(accounts);
  await ledger.openAccount({ id: 'equity', entityId: 'firm', name: 'Equity:Capital', subtype: 'owner_contribution', currency: 'USD', openedOn: '1100-01-01' });
  await ledger.postEntries(accounts.map((account) => ({ id: `fund-${account.id}`, date: '2026-01-01', description: 'funding', postings: [{ accountId: account.id, amount: '100000000.00' }, { accountId: 'equity', amount: '-100000000.00' }] })));
  return ledger;
}

/** Deterministic pseudo-random account picks (xorshift), so every run posts the same entries. */
function picker(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % accountCount;
  };
}

function makeEntries(count: number, postingsPerEntry: number, prefix: string): EntryInput[] {
  const pick = picker(42 + postingsPerEntry);
  return Array.from({ length: count }, (_, index) => {
    const legs = postingsPerEntry - 1;
    const postings = Array.from({ length: legs }, () => ({ accountId: `acc-${pick()}`, amount: '1.25' }));
    postings.push({ accountId: `acc-${pick()}`, amount: `-${(1.25 * legs).toFixed(2)}` });
    return { id: `${prefix}-${index}`, date: `2026-02-${String(1 + Math.floor((index / count) * 28)).padStart(2, '0')}`, description: 'transfer', postings };
  });
}

function print(name: string, value: number, unit: string): void {
  console.log(`bench core-ledger ${name} ${value >= 100 ? Math.round(value) : value.toFixed(2)} ${unit}`);
}

async function postRate(name: string, postingsPerEntry: number, count: number, batch: number): Promise<void> {
  const ledger = await setup();
  const entries = makeEntries(count, postingsPerEntry, name);
  const warm = makeEntries(Math.min(count, 20_000), postingsPerEntry, `${name}-warm`);
  for (let index = 0; index < warm.length; index += batch) {
    if (batch === 1) await ledger.postEntry(warm[index]!);
    else await ledger.postEntries(warm.slice(index, index + batch));
  }
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let index = 0; index < entries.length; index += batch) {
    if (batch === 1) await ledger.postEntry(entries[index]!);
    else await ledger.postEntries(entries.slice(index, index + batch));
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const audit = await ledger.verifyAudit();
  if (!audit.ok || !(await ledger.trialBalance()).balanced) throw new Error(`${name}: ledger invariants broken`);
  print(name, count / seconds, 'entries/s');
  print(name, count / ((cpu.user + cpu.system) / 1e6), 'entries/cpu-s');
}

/** Stores `postings` postings on one account pair, one distinct date each, then times as-of reads. */
async function asOfLatency(postings: number): Promise<void> {
  const store = createMemoryStore();
  const ledger = await setup(store);
  const entryCount = postings / 2;
  const start = Date.UTC(1100, 0, 1);
  const dateOf = (index: number): string => new Date(start + index * 86_400_000).toISOString().slice(0, 10);
  for (let index = 0; index < entryCount; index += batchSize) {
    const batch: EntryInput[] = [];
    for (let offset = index; offset < Math.min(entryCount, index + batchSize); offset++) {
      batch.push({ id: `h-${offset}`, date: dateOf(offset), description: 'history', postings: [{ accountId: 'equity', amount: '-0.01' }, { accountId: 'history', amount: '0.01' }] });
    }
    if (index === 0) await ledger.openAccount({ id: 'history', entityId: 'firm', name: 'Assets:History', currency: 'USD', openedOn: '1100-01-01' });
    await ledger.postEntries(batch);
  }
  const queries = 20_000;
  const pick = picker(7);
  const dates = Array.from({ length: queries }, () => dateOf(Math.floor((pick() / accountCount) * entryCount)));
  for (const date of dates.slice(0, 2000)) await ledger.getBalance({ accountId: 'history', asOf: date });
  let started = process.cpuUsage();
  for (const date of dates) await ledger.getBalance({ accountId: 'history', asOf: date });
  const apiMicros = cpuMicros(started) / queries;
  started = process.cpuUsage();
  await store.transact(async (tx) => {
    for (const date of dates) await tx.getBalancesAsOf(['history'], date, false);
  });
  const storeMicros = cpuMicros(started) / queries;
  // Reference: what the same read costs without the maintained history (sum the account's postings up to the date).
  const postingsOnAccount = (await store.transact((tx) => tx.listEntries({ accountId: 'history', limit: entryCount + 1 }))).map((entry) => ({ date: entry.date, amount: entry.postings[1]!.amount }));
  const scans = 20;
  started = process.cpuUsage();
  let checksum = 0n;
  for (const date of dates.slice(0, scans)) for (const posting of postingsOnAccount) if (posting.date <= date) checksum += posting.amount;
  const scanMicros = cpuMicros(started) / scans;
  if (checksum < 0n) throw new Error('history balances cannot be negative');
  const label = postings >= 1_000_000 ? `${postings / 1_000_000}m` : `${postings / 1000}k`;
  print(`asof_balance_${label}_postings`, apiMicros, 'us');
  print(`asof_balance_store_${label}_postings`, storeMicros, 'us');
  print(`asof_balance_linear_scan_${label}_postings`, scanMicros, 'us');
}

function cpuMicros(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return used.user + used.system;
}

await postRate('post_2_postings_single_call', 2, 50_000, 1);
await postRate('post_2_postings_batch_1000', 2, 200_000, batchSize);
await postRate('post_10_postings_batch_1000', 10, 50_000, batchSize);
for (const postings of [10_000, 100_000, 1_000_000]) await asOfLatency(postings);
