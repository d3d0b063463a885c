import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInProcessEventBus } from '../events/in-process-event-bus.js';
import type { Ledger } from '../ledger/create-ledger.js';
import type { KronosEvent } from '../ports/event-bus.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createTestLedger, failureCode, seedPersonAndLlc, snapshotLedger } from '../testing/fixtures.js';
import { fixCommingling, type FixComminglingInput } from './fix-commingling.js';

const doc = { purpose: 'Paid from the wrong account', legalBasis: 'Operating agreement s. 5', authorizedBy: 'Ana Diaz, sole member' };

async function seeded(events = createInProcessEventBus()): Promise<Ledger> {
  const ledger = createTestLedger(createMemoryStore(), { events });
  await seedPersonAndLlc(ledger);
  await ledger.postEntry({ id: 'sales', date: '2026-01-02', description: 'Invoice 1', postings: [{ accountId: 'llc:checking', amount: '3000.00' }, { accountId: 'llc:revenue', amount: '-3000.00' }] });
  await ledger.postEntry({ id: 'groceries', date: '2026-01-05', description: 'Whole Foods', postings: [{ accountId: 'llc:other-expenses', amount: '84.20' }, { accountId: 'llc:checking', amount: '-84.20' }] });
  await ledger.postEntry({ id: 'adobe', date: '2026-01-06', description: 'Adobe CC', postings: [{ accountId: 'ana:other-expenses', amount: '59.99' }, { accountId: 'ana:card', amount: '-59.99' }] });
  return ledger;
}

async function clean(ledger: Ledger): Promise<void> {
  expect((await ledger.veilReport({ from: '2026-01-01', to: '2026-12-31' })).ok).toBe(true);
  expect((await ledger.trialBalance()).balanced).toBe(true);
  for (const entityId of ['ana', 'llc']) expect((await ledger.balanceSheet({ entityId, asOf: '2026-12-31' })).balanced).toBe(true);
}

const balance = async (ledger: Ledger, accountId: string): Promise<string> => (await ledger.getBalance({ accountId })).toString();

describe('fixCommingling', () => {
  it('turns a personal expense the LLC paid into an owner draw with its document, in one call', async () => {
    const events = createInProcessEventBus();
    const seen: KronosEvent[] = [];
    for (const type of ['transaction_posted', 'entry_reversed', 'inter_entity_flow_recorded']) events.subscribe(type, (event) => void seen.push(event));
    const ledger = await seeded(events);
    seen.length = 0;
    const fix = await fixCommingling(ledger, { id: 'fix-1', entryId: 'groceries', fix: 'owner_draw', counterpartyAccountId: 'ana:groceries', ...doc });
    expect(fix.reversal).toMatchObject({ id: 'fix-1/reversal', reversesId: 'groceries', date: '2026-01-05' });
    expect(fix.flow).toMatchObject({ id: 'fix-1', kind: 'owner_draw', fromEntityId: 'llc', toEntityId: 'ana', ...doc });
    expect(fix.settlement).toBeNull();
    expect((await ledger.getFlow('fix-1')).legalBasis).toBe(doc.legalBasis);
    expect(await balance(ledger, 'llc:checking')).toBe('2915.80');
    expect(await balance(ledger, 'llc:other-expenses')).toBe('0.00');
    expect(await balance(ledger, 'ana:groceries')).toBe('84.20');
    expect(await balance(ledger, 'ana:checking')).toBe('10000.00');
    expect((await ledger.getEntry('groceries')).reversedById).toBe('fix-1/reversal');
    expect(seen.map((event) => event.type)).toEqual(['transaction_posted', 'entry_reversed', 'transaction_posted', 'transaction_posted', 'inter_entity_flow_recorded']);
    expect((await ledger.listAudit({ afterSeq: 0, pageSize: 1000 })).at(-1)).toMatchObject({ action: 'commingling.fixed', subjectId: 'fix-1' });
    await clean(ledger);
  });

  it('turns an LLC expense paid personally into a capital contribution', async () => {
    const ledger = await seeded();
    const fix = await fixCommingling(ledger, { id: 'fix-2', entryId: 'adobe', fix: 'equity_contribution', counterpartyAccountId: 'llc:software', date: '2026-01-31', ...doc });
    expect(fix.flow).toMatchObject({ kind: 'equity_contribution', fromEntityId: 'ana', toEntityId: 'llc', date: '2026-01-31' });
    expect(await balance(ledger, 'ana:card')).toBe('-59.99');
    expect(await balance(ledger, 'ana:other-expenses')).toBe('0.00');
    expect(await balance(ledger, 'llc:software')).toBe('59.99');
    await clean(ledger);
  });

  it('records a reimbursable debt, mirrored in both books, and settles it when asked', async () => {
    const open = await seeded();
    await fixCommingling(open, { id: 'fix-3', entryId: 'adobe', fix: 'reimbursement', counterpartyAccountId: 'llc:software', ...doc });
    const report = await open.veilReport({ from: '2026-01-01', to: '2026-12-31' });
    expect(report.intercompany.map((line) => [line.entityId, line.receivable.toString(), line.mirrors])).toEqual([['ana', '59.99', true], ['llc', '-59.99', true]]);
    await clean(open);

    const settled = await seeded();
    const fix = await fixCommingling(settled, { id: 'fix-3', entryId: 'adobe', fix: 'reimbursement', counterpartyAccountId: 'llc:software', settle: { date: '2026-01-20', fromAccountId: 'llc:checking', toAccountId: 'ana:checking' }, ...doc });
    expect(fix.settlement).toMatchObject({ id: 'fix-3/settle', kind: 'reimbursement', fromEntityId: 'llc', toEntityId: 'ana', date: '2026-01-20' });
    expect(await balance(settled, 'ana:checking')).toBe('10059.99');
    expect(await balance(settled, 'llc:checking')).toBe('2855.81');
    const after = await settled.veilReport({ from: '2026-01-01', to: '2026-12-31' });
    expect(after.intercompany.every((line) => line.receivable.isZero())).toBe(true);
    await clean(settled);
  });

  it('is idempotent on its id and refuses the same id with other content', async () => {
    const ledger = await seeded();
    const input: FixComminglingInput = { id: 'fix-1', entryId: 'groceries', fix: 'owner_draw', counterpartyAccountId: 'ana:groceries', ...doc };
    const first = await fixCommingling(ledger, input);
    const before = await snapshotLedger(ledger);
    expect(await fixCommingling(ledger, input)).toEqual(first);
    expect(await snapshotLedger(ledger)).toEqual(before);
    expect(await failureCode(() => fixCommingling(ledger, { ...input, purpose: 'Something else' }))).toBe('IDEMPOTENCY_CONFLICT');
    expect(await failureCode(() => fixCommingling(ledger, { ...input, entryId: 'adobe', counterpartyAccountId: 'llc:software', fix: 'equity_contribution' }))).toBe('IDEMPOTENCY_CONFLICT');
    expect(await snapshotLedger(ledger)).toEqual(before);
  });

  it('refuses a repeat that adds or drops the settlement', async () => {
    const ledger = await seeded();
    const input: FixComminglingInput = { id: 'fix-3', entryId: 'adobe', fix: 'reimbursement', counterpartyAccountId: 'llc:software', ...doc };
    await fixCommingling(ledger, input);
    expect(await failureCode(() => fixCommingling(ledger, { ...input, settle: { fromAccountId: 'llc:checking', toAccountId: 'ana:checking' } }))).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('leaves the store exactly as it was when any part fails', async () => {
    const ledger = await seeded();
    await ledger.postEntry({ id: 'drain', date: '2026-01-03', description: 'Payroll', postings: [{ accountId: 'llc:professional-fees', amount: '2915.80' }, { accountId: 'llc:checking', amount: '-2915.80' }] });
    const before = await snapshotLedger(ledger);
    const base = { id: 'fix-x', entryId: 'adobe', fix: 'reimbursement', counterpartyAccountId: 'llc:software', ...doc } as const;
    // The reversal and the first flow succeed inside the unit of work; the settlement overdraws the LLC.
    expect(await failureCode(() => fixCommingling(ledger, { ...base, settle: { fromAccountId: 'llc:checking', toAccountId: 'ana:checking' } }))).toBe('INSUFFICIENT_FUNDS');
    expect(await failureCode(() => fixCommingling(ledger, { ...base, counterpartyAccountId: 'ana:groceries' }))).toBe('INVALID_INPUT');
    expect(await failureCode(() => fixCommingling(ledger, { ...base, fix: 'owner_draw' }))).toBe('INVALID_INPUT');
    expect(await failureCode(() => fixCommingling(ledger, { ...base, entryId: 'nope' }))).toBe('NOT_FOUND');
    expect(await failureCode(() => fixCommingling(ledger, { ...base, counterpartyAccountId: 'llc:nope' }))).toBe('NOT_FOUND');
    expect(await failureCode(() => fixCommingling(ledger, { ...base, fix: 'owner_draw', settle: { fromAccountId: 'llc:checking', toAccountId: 'ana:checking' } }))).toBe('INVALID_INPUT');
    expect(await failureCode(() => fixCommingling({ ...ledger }, base))).toBe('INVALID_INPUT');
    expect(await snapshotLedger(ledger)).toEqual(before);
    await ledger.closePeriod({ id: 'close-jan', entityId: 'ana', through: '2026-01-31' });
    const closed = await snapshotLedger(ledger);
    expect(await failureCode(() => fixCommingling(ledger, base))).toBe('PERIOD_LOCKED');
    expect(await snapshotLedger(ledger)).toEqual(closed);
    expect(closed).not.toEqual(before);
  });

  it('refuses entries of a flow, entries already reversed and entries with several payments', async () => {
    const ledger = await seeded();
    await fixCommingling(ledger, { id: 'fix-1', entryId: 'groceries', fix: 'owner_draw', counterpartyAccountId: 'ana:groceries', ...doc });
    const base = { fix: 'owner_draw', counterpartyAccountId: 'ana:groceries', ...doc } as const;
    expect(await failureCode(() => fixCommingling(ledger, { ...base, id: 'fix-2', entryId: 'fix-1/from' }))).toBe('INVALID_STATE');
    expect(await failureCode(() => fixCommingling(ledger, { ...base, id: 'fix-2', entryId: 'groceries' }))).toBe('INVALID_STATE');
    await ledger.postEntry({ id: 'two-cards', date: '2026-01-07', description: 'Split payment', postings: [{ accountId: 'llc:other-expenses', amount: '20.00' }, { accountId: 'llc:checking', amount: '-10.00' }, { accountId: 'llc:card', amount: '-10.00' }] });
    expect(await failureCode(() => fixCommingling(ledger, { ...base, id: 'fix-3', entryId: 'two-cards' }))).toBe('INVALID_INPUT');
  });
});

describe('properties', () => {
  it('after fixCommingling any sequence, the veil report is ok and the trial balance is zero', async () => {
    const expense = fc.record({ cents: fc.integer({ min: 1, max: 50_000 }), personalPaidByLlc: fc.boolean(), fix: fc.constantFrom('direct', 'reimbursement', 'settled'), day: fc.integer({ min: 5, max: 28 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(expense, { minLength: 1, maxLength: 6 }), async (expenses) => {
        const ledger = createTestLedger(createMemoryStore());
        await seedPersonAndLlc(ledger);
        await ledger.postEntry({ id: 'sales', date: '2026-01-02', description: 'Invoice', postings: [{ accountId: 'llc:checking', amount: '5000.00' }, { accountId: 'llc:revenue', amount: '-5000.00' }] });
        for (const [index, { cents, personalPaidByLlc, fix, day }] of expenses.entries()) {
          const amount = (cents / 100).toFixed(2);
          const [expenseAccount, paidFrom, counterpartyAccountId] = personalPaidByLlc ? ['llc:other-expenses', 'llc:checking', 'ana:groceries'] : ['ana:other-expenses', 'ana:checking', 'llc:software'];
          const date = `2026-02-${String(day).padStart(2, '0')}`;
          await ledger.postEntry({ id: `e${index}`, date, description: 'Mixed up', postings: [{ accountId: expenseAccount, amount }, { accountId: paidFrom, amount: `-${amount}` }] });
          const settle = personalPaidByLlc ? { fromAccountId: 'ana:checking', toAccountId: 'llc:checking' } : { fromAccountId: 'llc:checking', toAccountId: 'ana:checking' };
          await fixCommingling(ledger, {
            id: `fix-${index}`, entryId: `e${index}`, counterpartyAccountId, ...doc,
            ...(fix === 'direct' ? { fix: personalPaidByLlc ? 'owner_draw' : 'equity_contribution' } : { fix: 'reimbursement', ...(fix === 'settled' ? { settle } : {}) }),
          });
        }
        const report = await ledger.veilReport({ from: '2026-01-01', to: '2026-12-31' });
        expect(report.ok).toBe(true);
        expect(report.flows.every((flow) => flow.documented)).toBe(true);
        const trial = await ledger.trialBalance();
        expect(trial.balanced).toBe(true);
        for (const entityId of ['ana', 'llc']) expect((await ledger.balanceSheet({ entityId, asOf: '2026-12-31' })).balanced).toBe(true);
        expect(await balance(ledger, 'llc:other-expenses')).toBe('0.00');
        expect(await balance(ledger, 'ana:other-expenses')).toBe('0.00');
      }),
      { numRuns: 30 },
    );
  });
});
