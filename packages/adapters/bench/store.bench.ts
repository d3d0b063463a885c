/**
 * Ledger stores on PostgreSQL: entries per second through the full ledger
 * (input parsing, every rule, no-overdraft bounds, idempotency, the audit
 * chain, and the database's own checks at commit), batched 1,000 entries per
 * call, with 1 and 8 clients, across distinct accounts and on one hot account;
 * then, in the same run, a raw node-postgres multi-row INSERT of the same rows
 * into bare tables (no checks, no balances, no audit): the floor a store
 * cannot beat. Also the latency of an as-of balance read once the tables are
 * large. Prints `bench adapters <case> <value> <unit>`.
 *
 * On a shared machine wall-clock rates move with the load, so the single-client
 * cases also print the CPU time one batch of 1,000 entries costs: this process's
 * (PGlite runs inside it) plus, when the Postgres server runs on this machine,
 * its backend's (read from /proc), and the raw INSERT's the same way.
 *
 * PGlite cases always run; Postgres cases need KRONOS_POSTGRES_URL.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createLedger, createSequentialIds, createSteppingClock, type EntryInput, type Ledger, type LedgerStore } from '@kronos/core-ledger';
import { createPgliteStore } from '../src/pglite/index.js';
import { createPostgresStore, migratePostgres } from '../src/postgres/index.js';

const accountCount = 1000;
const batchSize = 1000;

function print(name: string, value: number, unit: string): void {
  console.log(`bench adapters ${name} ${value >= 100 ? Math.round(value) : value.toFixed(2)} ${unit}`);
}

function ledgerOn(store: LedgerStore, actor: string): Ledger {
  return createLedger({ store, clock: createSteppingClock('2026-01-01T00:00:00.000Z', 1), ids: createSequentialIds(), actor });
}

async function seed(ledger: Ledger): Promise<void> {
  await ledger.createEntity({ id: 'firm', kind: 'corporation', name: 'Bench Corp', baseCurrency: 'USD' });
  const accounts = Array.from({ length: accountCount }, (_, index) => ({ id: `acc-${index}`, entityId: 'firm', name: `Assets:Bank:Account ${index}`, subtype: 'checking', currency: 'USD', balanceMin: '0', openedOn: '2026-01-01' }));
  await ledger.openAccounts(accounts);
  await ledger.openAccount({ id: 'hot', entityId: 'firm', name: 'Assets:Bank:Hot', subtype: 'checking', currency: 'USD', balanceMin: '0', openedOn: '2026-01-01' });
  await ledger.openAccount({ id: 'equity', entityId: 'firm', name: 'Equity:Capital', subtype: 'owner_contribution', currency: 'USD', openedOn: '2026-01-01' });
  const funding = [...accounts.map((account) => account.id), 'hot'].map((id) => ({ id: `fund-${id}`, date: '2026-01-01', description: 'funding', postings: [{ accountId: id, amount: '100000000.00' }, { accountId: 'equity', amount: '-100000000.00' }] }));
  await ledger.postEntries(funding);
}

/** Batch `batch` of client `client`: transfers between distinct pseudo-random accounts, or all out of the hot account. */
function makeBatch(prefix: string, batch: number, hot: boolean): EntryInput[] {
  let state = (batch + 1) * 2654435761;
  const pick = () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state % accountCount;
  };
  return Array.from({ length: batchSize }, (_, index) => {
    const to = pick();
    const from = hot ? 'hot' : `acc-${(to + 1 + (pick() % (accountCount - 1))) % accountCount}`;
    return { id: `${prefix}-${batch}-${index}`, date: `2026-02-${String(1 + (index % 28)).padStart(2, '0')}`, description: 'transfer', postings: [{ accountId: `acc-${to}`, amount: '1.25' }, { accountId: from, amount: '-1.25' }] };
  });
}

/** CPU milliseconds a Postgres backend has used (user + system), or undefined when the server is not on this machine. */
function backendCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Runs `work` and returns the CPU milliseconds it cost this process and, when readable, the backend `pid`. */
async function cpuOf(work: () => Promise<unknown>, pid?: number): Promise<{ node: number; backend: number | undefined }> {
  const backendBefore = pid === undefined ? undefined : backendCpuMs(pid);
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  const backendAfter = pid === undefined ? undefined : backendCpuMs(pid);
  return { node: (used.user + used.system) / 1000, backend: backendBefore === undefined || backendAfter === undefined ? undefined : backendAfter - backendBefore };
}

/** Entries per second of `clients` ledgers each posting `batches` batches at once. */
async function rate(ledgers: readonly Ledger[], batches: number, prefix: string, hot: boolean): Promise<number> {
  const started = performance.now();
  await Promise.all(ledgers.map(async (ledger, client) => {
    for (let batch = 0; batch < batches; batch++) await ledger.postEntries(makeBatch(`${prefix}-c${client}`, batch, hot));
  }));
  return (ledgers.length * batches * batchSize) / ((performance.now() - started) / 1000);
}

async function benchPglite(): Promise<void> {
  const store = await createPgliteStore({ migrate: true });
  const ledger = ledgerOn(store, 'bench');
  await seed(ledger);
  await rate([ledger], 1, 'warm', false);
  let single = 0;
  const cpu = await cpuOf(async () => {
    single = await rate([ledger], 8, 'p1', false);
  });
  print('pglite_batched_1_client', single, 'entries/s');
  print('pglite_batched_1_client_cpu_per_batch', cpu.node / 8, 'ms');
  const clients = Array.from({ length: 8 }, (_, index) => ledgerOn(store, `client-${index}`));
  print('pglite_batched_8_clients', await rate(clients, 1, 'p8', false), 'entries/s');
  print('pglite_batched_8_clients_hot_account', await rate(clients, 1, 'p8h', true), 'entries/s');
  await store.close();
}

/** The same rows, sent as plain multi-row INSERTs into bare tables: one statement per table per batch, in one transaction. */
async function rawInsertRate(pool: pg.Pool, schema: string, batches: number): Promise<{ rate: number; cpu: { node: number; backend: number | undefined } }> {
  await pool.query(`CREATE TABLE "${schema}".raw_entries (id text PRIMARY KEY, entity_id text, date date, description text, metadata jsonb, status text, fingerprint text, recorded_at timestamptz);
    CREATE TABLE "${schema}".raw_postings (entry_id text, line int, account_id text, amount numeric, PRIMARY KEY (entry_id, line))`);
  const client = await pool.connect();
  const pid = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
  const insertBatches = async (): Promise<void> => {
    for (let batch = 0; batch < batches; batch++) {
      const entries = makeBatch('raw', batch, false);
      const entryValues = entries.map((_, index) => `($${index * 4 + 1}, 'firm', $${index * 4 + 2}, $${index * 4 + 3}, '{}', 'posted', $${index * 4 + 4}, now())`).join(',');
      const postingRows = entries.flatMap((entry) => entry.postings.map((posting, line) => [entry.id, line, posting.accountId, posting.amount as string]));
      const postingValues = postingRows.map((_, index) => `($${index * 4 + 1}, $${index * 4 + 2}, $${index * 4 + 3}, $${index * 4 + 4})`).join(',');
      await client.query('BEGIN');
      await client.query(`INSERT INTO "${schema}".raw_entries (id, entity_id, date, description, metadata, status, fingerprint, recorded_at) VALUES ${entryValues}`, entries.flatMap((entry) => [entry.id, entry.date, entry.description, 'x']));
      await client.query(`INSERT INTO "${schema}".raw_postings (entry_id, line, account_id, amount) VALUES ${postingValues}`, postingRows.flat());
      await client.query('COMMIT');
    }
  };
  try {
    const started = performance.now();
    const cpu = await cpuOf(insertBatches, pid);
    return { rate: (batches * batchSize) / ((performance.now() - started) / 1000), cpu };
  } finally {
    client.release();
  }
}

async function benchPostgres(url: string): Promise<void> {
  const schema = `kronos_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await migratePostgres({ connectionString: url, schema });
  const stores = await Promise.all(Array.from({ length: 8 }, () => createPostgresStore({ connectionString: url, schema, poolSize: 1 })));
  try {
    const ledgers = stores.map((store, index) => ledgerOn(store, `client-${index}`));
    await seed(ledgers[0]!);
    await rate([ledgers[0]!], 1, 'warm', false);
    const pid = Number((await stores[0]!.pool.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    let single = 0;
    const cpu = await cpuOf(async () => {
      single = await rate([ledgers[0]!], 10, 'g1', false);
    }, pid);
    print('postgres_batched_1_client', single, 'entries/s');
    print('postgres_batched_8_clients', await rate(ledgers, 3, 'g8', false), 'entries/s');
    print('postgres_batched_8_clients_hot_account', await rate(ledgers, 2, 'g8h', true), 'entries/s');
    const unbatchedStarted = performance.now();
    await Promise.all(ledgers.map(async (ledger, client) => {
      for (const entry of makeBatch(`u${client}`, 0, false).slice(0, 50)) await ledger.postEntry(entry);
    }));
    print('postgres_unbatched_8_clients', (8 * 50) / ((performance.now() - unbatchedStarted) / 1000), 'entries/s');
    const raw = await rawInsertRate(pool, schema, 10);
    print('postgres_raw_multirow_insert', raw.rate, 'entries/s');
    print('postgres_batched_vs_raw_insert', single / raw.rate, 'ratio');
    print('postgres_batched_1_client_cpu_per_batch_client', cpu.node / 10, 'ms');
    print('postgres_raw_multirow_insert_cpu_per_batch_client', raw.cpu.node / 10, 'ms');
    if (cpu.backend === undefined || raw.cpu.backend === undefined) console.log('# adapters: backend CPU not measured: the Postgres server is not on this machine');
    else {
      print('postgres_batched_1_client_cpu_per_batch_server', cpu.backend / 10, 'ms');
      print('postgres_raw_multirow_insert_cpu_per_batch_server', raw.cpu.backend / 10, 'ms');
      print('postgres_batched_vs_raw_insert_cpu', (raw.cpu.node + raw.cpu.backend) / (cpu.node + cpu.backend), 'ratio');
    }
    const { rows } = await pool.query(`SELECT count(*)::int AS entries FROM "${schema}".entries`);
    const reads = 200;
    const readStarted = performance.now();
    for (let index = 0; index < reads; index++) await ledgers[index % 8]!.getBalance({ accountId: `acc-${(index * 37) % accountCount}`, asOf: `2026-02-${String(1 + (index % 28)).padStart(2, '0')}` });
    print(`postgres_balance_as_of_${Math.round(rows[0].entries / 1000)}k_entries`, (performance.now() - readStarted) / reads, 'ms');
  } finally {
    for (const store of stores) await store.close();
    await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    await pool.end();
  }
}

await benchPglite();
const url = process.env['KRONOS_POSTGRES_URL'];
if (url === undefined || url === '') console.log('# adapters: Postgres cases skipped: KRONOS_POSTGRES_URL is not set');
else await benchPostgres(url);
