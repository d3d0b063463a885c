/**
 * Test support (not part of the package's API): fast-check arbitraries for
 * random multi-entity, multi-currency ledgers with pending, voided and
 * reversed entries and awkward account names.
 */
import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import type { Ledger } from '../../ledger/create-ledger.js';
import { createMemoryStore } from '../../store/memory-store.js';
import { createTestLedger } from '../../testing/fixtures.js';

const units = [
  { code: 'USD', scale: 2 },
  { code: 'EUR', scale: 2 },
  { code: 'JPY', scale: 0 },
  { code: 'BRK.B', scale: 6 },
] as const;

/** A name segment with spaces, quotes, semicolons, tabs and non-ASCII letters inside. */
const segmentArb = fc
  .array(fc.constantFrom('a', 'B', 'ç', '7', ' ', '  ', ';', '"', '-', '.', '\t', '(', '#', 'Ж'), { minLength: 1, maxLength: 8 })
  .map((chars) => `S${chars.join('')}x`);

const entryArb = fc.record({
  entity: fc.integer({ min: 0, max: 1 }),
  day: fc.integer({ min: 0, max: 120 }),
  unit: fc.integer({ min: 0, max: units.length - 1 }),
  amounts: fc.array(fc.tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).filter((units) => units !== 0n), fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 3 }),
  description: fc.array(fc.constantFrom('a', ' ', ',', '"', ';', '\n', '\r', '\r\n', '\t', 'é', '|', '#', '\\', '☕'), { maxLength: 12 }).map((chars) => `D${chars.join('')}`),
  fate: fc.constantFrom('posted', 'posted', 'posted', 'pending', 'voided', 'settled', 'reversed'),
});

/** The plan of a random ledger: account name segments per (entity, unit, slot) and the entries. */
export const randomLedgerArb = fc.record({
  segments: fc.uniqueArray(segmentArb, { minLength: 24, maxLength: 24 }),
  entries: fc.array(entryArb, { minLength: 1, maxLength: 25 }),
});
/** A plan drawn from `randomLedgerArb`. */
export type RandomLedgerPlan = typeof randomLedgerArb extends fc.Arbitrary<infer T> ? T : never;

function minorToString(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`}`;
}

/** Builds the ledger a plan describes. */
export async function buildRandomLedger(plan: RandomLedgerPlan): Promise<Ledger> {
  const ledger = createTestLedger(createMemoryStore());
  const entities = ['p-1', 'co.2'];
  await ledger.createEntity({ id: entities[0]!, kind: 'individual', name: 'Person', baseCurrency: 'USD' });
  await ledger.createEntity({ id: entities[1]!, kind: 'corporation', name: 'Company', baseCurrency: 'USD' });
  const roots = ['Assets', 'Income', 'Expenses'];
  const accountId = (entity: number, unit: number, slot: number) => `${entities[entity]}:u${unit}:s${slot}`;
  for (const [entity, entityId] of entities.entries()) {
    await ledger.openAccounts(
      units.flatMap((unit, unitIndex) =>
        [0, 1, 2].map((slot) => ({
          id: accountId(entity, unitIndex, slot),
          entityId,
          // Slot 0 is the parent of slot 1 whenever both are assets, so parents are posted to as well.
          name: slot === 1 ? `Assets:${plan.segments[entity * 12 + unitIndex * 3]!}:${plan.segments[entity * 12 + unitIndex * 3 + 1]!}` : `${roots[slot]}:${plan.segments[entity * 12 + unitIndex * 3 + (slot === 0 ? 0 : 2)]!}`,
          currency: unit.code === 'BRK.B' ? { ...unit } : unit.code,
          openedOn: '2026-01-01',
        })),
      ),
    );
  }
  for (const [index, entry] of plan.entries.entries()) {
    const unit = units[entry.unit]!;
    const postings = entry.amounts.map(([amount, slot]) => ({ accountId: accountId(entry.entity, entry.unit, slot), amount: minorToString(amount, unit.scale) }));
    const total = entry.amounts.reduce((sum, [amount]) => sum + amount, 0n);
    if (total !== 0n) postings.push({ accountId: accountId(entry.entity, entry.unit, 0), amount: minorToString(-total, unit.scale) });
    if (postings.length < 2) continue;
    const input = { id: `e${index}`, date: format(addDays(parseISO('2026-01-01'), entry.day), 'yyyy-MM-dd'), description: entry.description, postings };
    if (entry.fate === 'posted' || entry.fate === 'reversed') await ledger.postEntry(input);
    else await ledger.createPending(input);
    if (entry.fate === 'voided') await ledger.voidPending({ entryId: input.id });
    if (entry.fate === 'settled') await ledger.postPending({ entryId: input.id });
    if (entry.fate === 'reversed') await ledger.reverseEntry({ id: `e${index}-rev`, entryId: input.id, date: format(addDays(parseISO(input.date), 3), 'yyyy-MM-dd') });
  }
  return ledger;
}
