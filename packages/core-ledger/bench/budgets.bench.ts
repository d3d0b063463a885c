/**
 * Budget views on the memory store: `budgetMonth` and `moneyFlow` walk every
 * posted entry of the entity up to the month asked for (no cached month
 * ends), so their cost grows with the journal. A year of 1,000 entries a
 * month over 20 envelopes, a checking account and a card. Prints
 * `bench core-ledger <case> <value> <unit>` lines in CPU milliseconds of this
 * process per view (steadier than wall time on a shared machine) and, for
 * scale, a full paged read of the same entries through `listJournal` (which
 * also builds the public entry views), measured in the same run.
 */
// The package's own source, so the figures are those of the code as it stands (no build step needed).
import { createLedger, createMemoryStore, createSequentialIds, createSteppingClock, type EntryInput, type Ledger } from '../src/index.js';

const envelopeCount = 20;
const monthsCount = 12;
const entriesPerMonth = 1000;
const repeats = 5;

async function setup(): Promise<Ledger> {
  const ledger = createLedger({ store: createMemoryStore(), clock: createSteppingClock('2026-01-01T00:00:00.000Z', 1), ids: createSequentialIds(), actor: 'bench' });
  await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana', baseCurrency: 'USD' });
  await ledger.openAccounts([
    { id: 'checking', entityId: 'ana', name: 'Assets:Bank:Checking', subtype: 'checking', currency: 'USD', openedOn: '2026-01-01' },
    { id: 'card', entityId: 'ana', name: 'Liabilities:Card', subtype: 'credit_card', currency: 'USD', openedOn: '2026-01-01' },
    { id: 'salary', entityId: 'ana', name: 'Income:Salary', subtype: 'salary', currency: 'USD', openedOn: '2026-01-01' },
    ...Array.from({ length: envelopeCount }, (_, index) => ({ id: `cat-${index}`, entityId: 'ana', name: `Expenses:Category ${index}`, subtype: 'general', currency: 'USD', openedOn: '2026-01-01' })),
  ]);
  await ledger.budgets.configureBudget({ id: 'budget', entityId: 'ana', onBudgetAccountIds: ['checking', 'card'] });
  for (let index = 0; index < envelopeCount; index++) await ledger.budgets.defineEnvelope({ id: `env-${index}`, entityId: 'ana', name: `Envelope ${index}`, categoryAccountIds: [`cat-${index}`] });
  for (let month = 1; month <= monthsCount; month++) {
    const prefix = `2026-${String(month).padStart(2, '0')}`;
    const entries: EntryInput[] = [{ id: `pay-${month}`, date: `${prefix}-01`, description: 'salary', postings: [{ accountId: 'checking', amount: '50000.00' }, { accountId: 'salary', amount: '-50000.00' }] }];
    for (let index = 1; index < entriesPerMonth; index++) {
      const from = index % 3 === 0 ? 'card' : 'checking';
      entries.push({ id: `e-${month}-${index}`, date: `${prefix}-${String(1 + (index % 28)).padStart(2, '0')}`, description: 'spend', postings: [{ accountId: `cat-${index % envelopeCount}`, amount: '12.34' }, { accountId: from, amount: '-12.34' }] });
    }
    await ledger.postEntries(entries);
    for (let index = 0; index < envelopeCount; index++) await ledger.budgets.assignMoney({ id: `a-${month}-${index}`, entityId: 'ana', month: prefix, envelopeId: `env-${index}`, amount: '600.00' });
  }
  return ledger;
}

function print(name: string, value: number, unit: string): void {
  console.log(`bench core-ledger ${name} ${value >= 100 ? Math.round(value) : value.toFixed(2)} ${unit}`);
}

async function cpuMsPerCall(call: () => Promise<unknown>): Promise<number> {
  await call();
  const start = process.cpuUsage();
  for (let index = 0; index < repeats; index++) await call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / repeats;
}

const ledger = await setup();
const last = `2026-${String(monthsCount).padStart(2, '0')}`;
const entryCount = monthsCount * entriesPerMonth;
const monthMs = await cpuMsPerCall(() => ledger.budgets.budgetMonth({ entityId: 'ana', month: last }));
const flowMs = await cpuMsPerCall(() => ledger.budgets.moneyFlow({ entityId: 'ana', month: last }));
const readMs = await cpuMsPerCall(async () => {
  for (let cursor: string | null | undefined, page = 0; page < 1000; page++) {
    const result = await ledger.listJournal({ entityId: 'ana', status: 'posted', pageSize: 500, ...(cursor ? { cursor } : {}) });
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
});
print(`budget_month_${entryCount / 1000}k_entries`, monthMs, 'cpu-ms');
print(`money_flow_${entryCount / 1000}k_entries`, flowMs, 'cpu-ms');
print(`list_journal_${entryCount / 1000}k_entries`, readMs, 'cpu-ms');
print('budget_month_vs_list_journal', monthMs / readMs, 'ratio');
