/**
 * Export throughput on the memory store: 20,000 two-posting entries over 12
 * months and 50 accounts, written as an hledger journal, a Beancount file
 * and a journal CSV, each streamed a page (500 entries) at a time with
 * monthly balance assertions. Prints `bench core-ledger <case> <value> <unit>`
 * lines: entries per wall-clock second and per CPU second of this process
 * (the steadier figure on a shared machine), and the output size.
 */
// The package's own source, so the figures are those of the code as it stands (no build step needed).
import { createLedger, createMemoryStore, createSequentialIds, createSteppingClock, streamBeancount, streamHledger, streamJournalCsv, type EntryInput, type Ledger } from '../src/index.js';

const entryCount = 20_000;
const accountCount = 50;

async function setup(): Promise<Ledger> {
  const ledger = createLedger({ store: createMemoryStore(), clock: createSteppingClock('2026-01-01T00:00:00.000Z', 1), ids: createSequentialIds(), actor: 'bench' });
  await ledger.createEntity({ id: 'firm', kind: 'corporation', name: 'Bench Corp', baseCurrency: 'USD' });
  await ledger.openAccounts(Array.from({ length: accountCount }, (_, index) => ({ id: `acc-${index}`, entityId: 'firm', name: `Expenses:Cost ${index}`, currency: 'USD', openedOn: '2026-01-01' })));
  await ledger.openAccount({ id: 'bank', entityId: 'firm', name: 'Assets:Bank', subtype: 'checking', currency: 'USD', openedOn: '2026-01-01' });
  const entries: EntryInput[] = Array.from({ length: entryCount }, (_, index) => ({
    id: `e-${index}`,
    date: `2026-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
    description: `Bill ${index}; "vendor ${index % 97}"`,
    postings: [{ accountId: `acc-${index % accountCount}`, amount: `${(index % 5000) + 1}.25` }, { accountId: 'bank', amount: `-${(index % 5000) + 1}.25` }],
  }));
  for (let start = 0; start < entryCount; start += 5000) await ledger.postEntries(entries.slice(start, start + 5000));
  return ledger;
}

async function measure(name: string, chunks: AsyncIterable<string>): Promise<void> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let characters = 0;
  for await (const chunk of chunks) characters += chunk.length;
  const ms = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  console.log(`bench core-ledger ${name}_20k_entries ${Math.round((entryCount / ms) * 1000)} entries/s`);
  console.log(`bench core-ledger ${name}_20k_entries_cpu ${Math.round((entryCount / ((user + system) / 1000)) * 1000)} entries/cpu-s`);
  console.log(`bench core-ledger ${name}_20k_entries_size ${(characters / 1e6).toFixed(1)} M characters`);
}

const ledger = await setup();
await measure('export_hledger', streamHledger(ledger));
await measure('export_beancount', streamBeancount(ledger));
await measure('export_journal_csv', streamJournalCsv(ledger));
