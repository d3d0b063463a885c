import { describe, expect, it } from 'vitest';
import { Money } from '../money/money.js';
import type { Ledger } from '../ledger/create-ledger.js';
import type { KronosEvent } from '../ports/event-bus.js';
import type { LedgerStore } from '../ports/ledger-store.js';
import { createInProcessEventBus } from '../events/in-process-event-bus.js';
import { LedgerEventSchema } from '../events/ledger-events.js';
import { createTestLedger, failureCode, seedPersonAndLlc, snapshotLedger } from './fixtures.js';

/** Options of the store contract. */
export interface StoreFactory {
  readonly createStore: () => LedgerStore | Promise<LedgerStore>;
}

const transfer = (id: string, date: string, from: string, to: string, amount: string, description = 'transfer') => ({
  id,
  date,
  description,
  postings: [
    { accountId: to, amount },
    { accountId: from, amount: `-${amount}` },
  ],
});

async function seeded(factory: StoreFactory, events?: KronosEvent[]): Promise<Ledger> {
  const bus = createInProcessEventBus();
  if (events !== undefined) for (const type of ['transaction_posted', 'entry_reversed', 'inter_entity_flow_recorded', 'period_closed']) bus.subscribe(type, (event) => void events.push(event));
  const ledger = createTestLedger(await factory.createStore(), { events: bus });
  await seedPersonAndLlc(ledger);
  return ledger;
}

async function balanceOf(ledger: Ledger, accountId: string, asOf?: string): Promise<string> {
  return (await ledger.getBalance({ accountId, ...(asOf === undefined ? {} : { asOf }) })).toString();
}

function describeEntitiesAndAccountsExamples(factory: StoreFactory): void {
  describe('entities and accounts', () => {
    it('creates an individual and a single-member LLC she owns, with their charts', async () => {
      const ledger = await seeded(factory);
      expect((await ledger.getEntity('llc')).owners).toEqual([{ entityId: 'ana', share: '1' }]);
      const names = (await ledger.listAccounts('llc')).map((account) => account.name);
      expect(names).toContain('Equity:Owner Contributions:Ana Diaz');
      expect(names).toContain('Liabilities:Due To:Ana Diaz');
      expect(names).toEqual([...names].sort());
    });
    it('refuses owner shares of a multi-member LLC that do not sum to 1', async () => {
      const ledger = await seeded(factory);
      await ledger.createEntity({ id: 'bo', kind: 'individual', name: 'Bo', baseCurrency: 'USD' });
      const owners = [{ entityId: 'ana', share: '0.5' }, { entityId: 'bo', share: '0.4' }];
      expect(await failureCode(() => ledger.createEntity({ id: 'mm', kind: 'multi_member_llc', name: 'MM', baseCurrency: 'USD', owners }))).toBe('INVALID_INPUT');
      const valid = await ledger.createEntity({ id: 'mm', kind: 'multi_member_llc', name: 'MM', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '0.6' }, { entityId: 'bo', share: '0.4' }] });
      expect(valid.owners.map((owner) => owner.share)).toEqual(['0.6', '0.4']);
    });
    it('refuses an owner that does not exist and an individual with owners', async () => {
      const ledger = await seeded(factory);
      expect(await failureCode(() => ledger.createEntity({ id: 'x', kind: 'single_member_llc', name: 'X', baseCurrency: 'USD', owners: [{ entityId: 'ghost', share: '1' }] }))).toBe('NOT_FOUND');
      expect(await failureCode(() => ledger.createEntity({ id: 'y', kind: 'individual', name: 'Y', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '1' }] }))).toBe('INVALID_INPUT');
    });
    it('returns the first entity for a repeated id and content, and refuses other content', async () => {
      const ledger = await seeded(factory);
      const again = await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
      expect(again.createdAt).toBe((await ledger.getEntity('ana')).createdAt);
      expect(await failureCode(() => ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana D.', baseCurrency: 'USD' }))).toBe('IDEMPOTENCY_CONFLICT');
    });
    it('refuses a name whose top segment does not fit, a subtype of another type, and a name taken', async () => {
      const ledger = await seeded(factory);
      const base = { entityId: 'ana', currency: 'USD', openedOn: '2026-01-01' };
      expect(await failureCode(() => ledger.openAccount({ ...base, id: 'a1', name: 'Bank:Checking' }))).toBe('INVALID_INPUT');
      expect(await failureCode(() => ledger.openAccount({ ...base, id: 'a2', name: 'Assets:Card', subtype: 'credit_card' }))).toBe('INVALID_INPUT');
      expect(await failureCode(() => ledger.openAccount({ ...base, id: 'a3', name: 'Assets:Bank:Checking', subtype: 'checking' }))).toBe('ALREADY_EXISTS');
    });
    it('closes an account only at zero balance, then refuses postings to it', async () => {
      const ledger = await seeded(factory);
      expect(await failureCode(() => ledger.closeAccount({ accountId: 'ana:checking', closedOn: '2026-01-31' }))).toBe('INVALID_STATE');
      const closed = await ledger.closeAccount({ accountId: 'ana:cash', closedOn: '2026-01-31' });
      expect(closed.closedOn).toBe('2026-01-31');
      expect(await failureCode(() => ledger.postEntry(transfer('c1', '2026-02-01', 'ana:checking', 'ana:cash', '10.00')))).toBe('ACCOUNT_CLOSED');
    });
  });
}

function describePostEntryExamples(factory: StoreFactory): void {
  describe('postEntry', () => {
    it('posts a balanced entry and moves both balances', async () => {
      const ledger = await seeded(factory);
      const entry = await ledger.postEntry(transfer('rent-1', '2026-01-05', 'ana:checking', 'ana:housing', '1200.00', 'Rent'));
      expect(entry.entityId).toBe('ana');
      expect(entry.postings.map((posting) => posting.amount.toString())).toEqual(['1200.00', '-1200.00']);
      expect(await balanceOf(ledger, 'ana:checking')).toBe('8800.00');
      expect(await balanceOf(ledger, 'ana:housing')).toBe('1200.00');
    });
    it('refuses an entry whose postings do not sum to zero', async () => {
      const ledger = await seeded(factory);
      const input = { id: 'u1', date: '2026-01-05', description: 'off by a cent', postings: [{ accountId: 'ana:housing', amount: '10.00' }, { accountId: 'ana:checking', amount: '-9.99' }] };
      expect(await failureCode(() => ledger.postEntry(input))).toBe('UNBALANCED_ENTRY');
    });
    it('refuses an entry with fewer than two postings', async () => {
      const ledger = await seeded(factory);
      expect(await failureCode(() => ledger.postEntry({ id: 'one', date: '2026-01-05', description: 'x', postings: [{ accountId: 'ana:housing', amount: '0.01' }] }))).toBe('INVALID_INPUT');
    });
    it('refuses an entry that touches two entities', async () => {
      const ledger = await seeded(factory);
      expect(await failureCode(() => ledger.postEntry(transfer('m1', '2026-01-05', 'ana:checking', 'llc:checking', '100.00')))).toBe('ENTITY_MISMATCH');
    });
    it('refuses more decimals than the currency allows and a Money in another currency', async () => {
      const ledger = await seeded(factory);
      expect(await failureCode(() => ledger.postEntry(transfer('s1', '2026-01-05', 'ana:checking', 'ana:housing', '1.005')))).toBe('SCALE_EXCEEDED');
      const euros = { id: 's2', date: '2026-01-05', description: 'x', postings: [{ accountId: 'ana:housing', amount: Money.of('1', 'EUR') }, { accountId: 'ana:checking', amount: Money.of('-1', 'EUR') }] };
      expect(await failureCode(() => ledger.postEntry(euros))).toBe('CURRENCY_MISMATCH');
      expect(await failureCode(() => ledger.postEntry(transfer('s3', '2026-01-05', 'ana:checking', 'ana:housing', '1e3')))).toBe('INVALID_INPUT');
    });
    it('balances each currency on its own in a multi-currency entry', async () => {
      const ledger = await seeded(factory);
      await ledger.openAccounts([
        { id: 'ana:eur', entityId: 'ana', name: 'Assets:Bank:Euro', subtype: 'checking', currency: 'EUR', openedOn: '2026-01-01' },
        { id: 'ana:fx', entityId: 'ana', name: 'Equity:FX Clearing', currency: 'EUR', openedOn: '2026-01-01' },
      ]);
      const fx = { id: 'fx1', date: '2026-01-05', description: 'Buy EUR', postings: [
        { accountId: 'ana:eur', amount: '92.00' }, { accountId: 'ana:fx', amount: '-92.00' },
        { accountId: 'ana:opening-balances', amount: '100.00' }, { accountId: 'ana:checking', amount: '-100.00' },
      ] };
      expect((await ledger.postEntry(fx)).postings).toHaveLength(4);
      expect(await failureCode(() => ledger.postEntry({ ...fx, id: 'fx2', postings: [{ accountId: 'ana:eur', amount: '92.00' }, { accountId: 'ana:checking', amount: '-92.00' }] }))).toBe('UNBALANCED_ENTRY');
    });
    it('refuses to overdraw a no-overdraft account and to pass a credit limit', async () => {
      const ledger = await seeded(factory);
      expect(await failureCode(() => ledger.postEntry(transfer('o1', '2026-01-05', 'ana:checking', 'ana:housing', '10000.01')))).toBe('INSUFFICIENT_FUNDS');
      await ledger.postEntry(transfer('o2', '2026-01-05', 'ana:card', 'ana:groceries', '500.00'));
      expect(await failureCode(() => ledger.postEntry(transfer('o3', '2026-01-05', 'ana:card', 'ana:groceries', '0.01')))).toBe('CREDIT_LIMIT_EXCEEDED');
    });
    it('refuses a back-dated withdrawal that would overdraw an earlier day', async () => {
      const ledger = await seeded(factory);
      await ledger.postEntry(transfer('b1', '2026-01-10', 'ana:salary', 'ana:checking', '5000.00'));
      // 15,000 is there on the 10th, but only 10,000 on the 5th.
      expect(await failureCode(() => ledger.postEntry(transfer('b2', '2026-01-05', 'ana:checking', 'ana:housing', '12000.00')))).toBe('INSUFFICIENT_FUNDS');
      await ledger.postEntry(transfer('b3', '2026-01-12', 'ana:checking', 'ana:housing', '12000.00'));
      expect(await balanceOf(ledger, 'ana:checking', '2026-01-11')).toBe('15000.00');
      expect(await balanceOf(ledger, 'ana:checking')).toBe('3000.00');
    });
    it('returns the first entry for a repeated id and content, and refuses other content', async () => {
      const ledger = await seeded(factory);
      const first = await ledger.postEntry(transfer('r1', '2026-01-05', 'ana:checking', 'ana:housing', '10.00'));
      const before = await snapshotLedger(ledger);
      const again = await ledger.postEntry(transfer('r1', '2026-01-05', 'ana:checking', 'ana:housing', '10.0'));
      expect(again.recordedAt).toBe(first.recordedAt);
      expect(await snapshotLedger(ledger)).toEqual(before);
      expect(await failureCode(() => ledger.postEntry(transfer('r1', '2026-01-05', 'ana:checking', 'ana:housing', '11.00')))).toBe('IDEMPOTENCY_CONFLICT');
    });
    it('leaves the store exactly as it was when a call fails', async () => {
      const ledger = await seeded(factory);
      const before = await snapshotLedger(ledger);
      const batch = [transfer('ok-1', '2026-01-05', 'ana:checking', 'ana:housing', '10.00'), transfer('bad-2', '2026-01-05', 'ana:checking', 'ana:housing', '99999.00')];
      expect(await failureCode(() => ledger.postEntries(batch))).toBe('INSUFFICIENT_FUNDS');
      expect(await failureCode(() => ledger.postEntry(transfer('bad-3', '2026-01-05', 'ana:checking', 'llc:checking', '1.00')))).toBe('ENTITY_MISMATCH');
      expect(await snapshotLedger(ledger)).toEqual(before);
    });
    it('keeps metadata, and treats the same metadata in another key order as the same content', async () => {
      const ledger = await seeded(factory);
      const base = transfer('md-1', '2026-01-05', 'ana:checking', 'ana:housing', '10.00');
      const first = await ledger.postEntry({ ...base, metadata: { invoice: 'INV-7', tags: ['rent', 'home'], paid: true, lines: 2, note: null } });
      const again = await ledger.postEntry({ ...base, metadata: { note: null, lines: 2, paid: true, tags: ['rent', 'home'], invoice: 'INV-7' } });
      expect(again).toEqual(first);
      expect((await ledger.getEntry('md-1')).metadata).toEqual({ invoice: 'INV-7', tags: ['rent', 'home'], paid: true, lines: 2, note: null });
      expect(await failureCode(() => ledger.postEntry({ ...base, metadata: { invoice: 'INV-8' } }))).toBe('IDEMPOTENCY_CONFLICT');
    });
    it('refuses an entry dated before one of its accounts opened', async () => {
      const ledger = await seeded(factory);
      expect(await failureCode(() => ledger.postEntry(transfer('early', '2025-12-31', 'ana:checking', 'ana:housing', '1.00')))).toBe('INVALID_INPUT');
    });
    it('posts a batch all at once and reports repeats', async () => {
      const ledger = await seeded(factory);
      const batch = [transfer('p-1', '2026-01-05', 'ana:checking', 'ana:housing', '10.00'), transfer('p-2', '2026-01-06', 'ana:checking', 'ana:groceries', '20.00')];
      expect(await ledger.postEntries(batch)).toEqual([{ id: 'p-1', status: 'posted', replayed: false }, { id: 'p-2', status: 'posted', replayed: false }]);
      expect((await ledger.postEntries(batch)).map((receipt) => receipt.replayed)).toEqual([true, true]);
      expect(await balanceOf(ledger, 'ana:checking')).toBe('9970.00');
    });
  });
}

function describePendingEntriesExamples(factory: StoreFactory): void {
  describe('pending entries', () => {
    it('hold funds against bounds until posted or voided', async () => {
      const ledger = await seeded(factory);
      await ledger.createPending(transfer('ach-1', '2026-01-05', 'ana:checking', 'ana:housing', '9000.00'));
      expect(await balanceOf(ledger, 'ana:checking')).toBe('10000.00');
      expect((await ledger.getBalance({ accountId: 'ana:checking', includePending: true })).toString()).toBe('1000.00');
      expect(await failureCode(() => ledger.postEntry(transfer('x', '2026-01-06', 'ana:checking', 'ana:groceries', '1000.01')))).toBe('INSUFFICIENT_FUNDS');
      expect((await ledger.postPending({ entryId: 'ach-1' })).status).toBe('posted');
      expect(await balanceOf(ledger, 'ana:checking')).toBe('1000.00');
      expect(await failureCode(() => ledger.voidPending({ entryId: 'ach-1' }))).toBe('INVALID_STATE');
    });
    it('release the hold when voided, and stay in the journal', async () => {
      const ledger = await seeded(factory);
      await ledger.createPending(transfer('ach-2', '2026-01-05', 'ana:checking', 'ana:housing', '9000.00'));
      expect((await ledger.voidPending({ entryId: 'ach-2' })).status).toBe('voided');
      await ledger.postEntry(transfer('y', '2026-01-06', 'ana:checking', 'ana:groceries', '10000.00'));
      expect((await ledger.getEntry('ach-2')).status).toBe('voided');
      expect(await failureCode(() => ledger.postPending({ entryId: 'ach-2' }))).toBe('INVALID_STATE');
    });
  });
}

function describeReverseEntryExamples(factory: StoreFactory): void {
  describe('reverseEntry', () => {
    it('reverses with a new linked entry and refuses a second reversal', async () => {
      const events: KronosEvent[] = [];
      const ledger = await seeded(factory, events);
      await ledger.postEntry(transfer('e1', '2026-01-05', 'ana:checking', 'ana:housing', '100.00'));
      const reversal = await ledger.reverseEntry({ id: 'e1-rev', entryId: 'e1' });
      expect(reversal.reversesId).toBe('e1');
      expect((await ledger.getEntry('e1')).reversedById).toBe('e1-rev');
      expect(await balanceOf(ledger, 'ana:housing')).toBe('0.00');
      expect((await ledger.reverseEntry({ id: 'e1-rev', entryId: 'e1' })).id).toBe('e1-rev');
      expect(await failureCode(() => ledger.reverseEntry({ id: 'e1-rev2', entryId: 'e1' }))).toBe('INVALID_STATE');
      expect(events.map((event) => event.type)).toContain('entry_reversed');
    });
  });
}

function describePeriodsExamples(factory: StoreFactory): void {
  describe('periods', () => {
    it('refuses entries dated in a closed period until it is reopened, and records both', async () => {
      const ledger = await seeded(factory);
      await ledger.closePeriod({ id: 'close-jan', entityId: 'ana', through: '2026-01-31' });
      expect(await failureCode(() => ledger.postEntry(transfer('late', '2026-01-31', 'ana:checking', 'ana:housing', '1.00')))).toBe('PERIOD_LOCKED');
      await ledger.postEntry(transfer('feb', '2026-02-01', 'ana:checking', 'ana:housing', '1.00'));
      await ledger.reopenPeriod({ id: 'reopen-jan', entityId: 'ana', from: '2026-01-15', reason: 'Late rent receipt' });
      await ledger.postEntry(transfer('late', '2026-01-31', 'ana:checking', 'ana:housing', '1.00'));
      expect(await failureCode(() => ledger.postEntry(transfer('early', '2026-01-14', 'ana:checking', 'ana:housing', '1.00')))).toBe('PERIOD_LOCKED');
      expect((await ledger.listPeriodEvents('ana')).map((event) => [event.action, event.closedThrough])).toEqual([['close', '2026-01-31'], ['reopen', '2026-01-14']]);
    });
    it('refuses to close over pending entries, to close backwards and to reopen what is open', async () => {
      const ledger = await seeded(factory);
      await ledger.createPending(transfer('ach', '2026-01-20', 'ana:checking', 'ana:housing', '5.00'));
      expect(await failureCode(() => ledger.closePeriod({ id: 'c1', entityId: 'ana', through: '2026-01-31' }))).toBe('INVALID_STATE');
      await ledger.voidPending({ entryId: 'ach' });
      await ledger.closePeriod({ id: 'c1', entityId: 'ana', through: '2026-01-31' });
      expect((await ledger.closePeriod({ id: 'c1', entityId: 'ana', through: '2026-01-31' })).closedThrough).toBe('2026-01-31');
      expect(await failureCode(() => ledger.closePeriod({ id: 'c2', entityId: 'ana', through: '2026-01-15' }))).toBe('INVALID_STATE');
      expect(await failureCode(() => ledger.reopenPeriod({ id: 'r1', entityId: 'ana', from: '2026-02-01', reason: 'nothing to reopen' }))).toBe('INVALID_STATE');
      expect(await failureCode(() => ledger.closePeriod({ id: 'c1', entityId: 'ana', through: '2026-02-28' }))).toBe('IDEMPOTENCY_CONFLICT');
    });
  });
}

function describeRecordFlowExamples(factory: StoreFactory): void {
  describe('recordFlow', () => {
    it('writes one entry in each entity\'s books and stores the document', async () => {
      const events: KronosEvent[] = [];
      const ledger = await seeded(factory, events);
      const flow = await ledger.recordFlow({
        id: 'capital-1', kind: 'equity_contribution', date: '2026-01-02', amount: '4000.00',
        from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'llc', accountId: 'llc:checking' },
        purpose: 'Initial capital', legalBasis: 'Operating agreement s. 4.1', authorizedBy: 'Ana Diaz, sole member',
      });
      expect(flow.entryIds).toEqual(['capital-1/from', 'capital-1/to']);
      const [payer, receiver] = [await ledger.getEntry('capital-1/from'), await ledger.getEntry('capital-1/to')];
      expect([payer.entityId, receiver.entityId]).toEqual(['ana', 'llc']);
      expect(await balanceOf(ledger, 'llc:checking')).toBe('4000.00');
      expect((await ledger.getRollup({ entityId: 'llc', name: 'Equity:Owner Contributions' })).map(String)).toEqual(['-4000.00']);
      expect(events.filter((event) => event.type === 'inter_entity_flow_recorded')).toHaveLength(1);
      for (const event of events) expect(LedgerEventSchema.safeParse(event).success).toBe(true);
    });
    it('records every kind in both directions and keeps intercompany balances mirrored', async () => {
      const ledger = await seeded(factory);
      const doc = { purpose: 'p', legalBasis: 'Operating agreement', authorizedBy: 'Ana Diaz' };
      const toLlc = { from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'llc', accountId: 'llc:checking' } };
      const toAna = { from: { entityId: 'llc', accountId: 'llc:checking' }, to: { entityId: 'ana', accountId: 'ana:checking' } };
      await ledger.recordFlow({ ...doc, ...toLlc, id: 'f1', kind: 'equity_contribution', date: '2026-01-02', amount: '3000.00' });
      await ledger.recordFlow({ ...doc, ...toLlc, id: 'f2', kind: 'loan', date: '2026-01-03', amount: '1000.00' });
      await ledger.recordFlow({ ...doc, ...toAna, id: 'f3', kind: 'loan_repayment', date: '2026-01-04', amount: '400.00' });
      await ledger.recordFlow({ ...doc, from: toLlc.from, to: { entityId: 'llc', accountId: 'llc:software' }, id: 'f4', kind: 'expense_paid_on_behalf', date: '2026-01-05', amount: '49.99' });
      await ledger.recordFlow({ ...doc, ...toAna, id: 'f5', kind: 'reimbursement', date: '2026-01-06', amount: '49.99' });
      await ledger.recordFlow({ ...doc, ...toAna, id: 'f6', kind: 'owner_draw', date: '2026-01-07', amount: '500.00' });
      await ledger.recordFlow({ ...doc, ...toAna, id: 'f7', kind: 'distribution', date: '2026-01-08', amount: '100.00' });
      const report = await ledger.veilReport({ from: '2026-01-01', to: '2026-01-31' });
      expect(report.ok).toBe(true);
      expect(report.flows.map((item) => item.flow.kind)).toEqual(['equity_contribution', 'loan', 'loan_repayment', 'expense_paid_on_behalf', 'reimbursement', 'owner_draw', 'distribution']);
      const anaClaim = report.intercompany.find((balance) => balance.entityId === 'ana' && balance.counterpartyId === 'llc')!;
      expect([anaClaim.receivable.toString(), anaClaim.counterpartyPayable.toString(), anaClaim.mirrors]).toEqual(['600.00', '600.00', true]);
      // 3000 + 1000 - 400 - 49.99 - 500 - 100: the expense Ana paid on its behalf moved no LLC cash.
      expect(await balanceOf(ledger, 'llc:checking')).toBe('2950.01');
      expect((await ledger.trialBalance()).balanced).toBe(true);
    });
    it('reverses a flow on both sides at once, and refuses to reverse one side alone', async () => {
      const ledger = await seeded(factory);
      const doc = { purpose: 'Working capital', legalBasis: 'Loan agreement 2026-01', authorizedBy: 'Ana Diaz' };
      await ledger.recordFlow({ ...doc, id: 'loan-1', kind: 'loan', date: '2026-01-03', amount: '700.00', from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'llc', accountId: 'llc:checking' } });
      expect(await failureCode(() => ledger.reverseEntry({ id: 'half', entryId: 'loan-1/to' }))).toBe('INVALID_STATE');
      const reversals = await ledger.reverseFlow({ id: 'loan-1-rev', flowId: 'loan-1', reason: 'Paid from the wrong account' });
      expect(reversals.map((entry) => [entry.id, entry.reversesId, entry.entityId])).toEqual([['loan-1-rev/from', 'loan-1/from', 'ana'], ['loan-1-rev/to', 'loan-1/to', 'llc']]);
      expect(await balanceOf(ledger, 'llc:checking')).toBe('0.00');
      expect((await ledger.reverseFlow({ id: 'loan-1-rev', flowId: 'loan-1', reason: 'Paid from the wrong account' })).length).toBe(2);
      expect(await failureCode(() => ledger.reverseFlow({ id: 'loan-1-rev2', flowId: 'loan-1', reason: 'again' }))).toBe('INVALID_STATE');
      expect((await ledger.veilReport({ from: '2026-01-01', to: '2026-01-31' })).ok).toBe(true);
    });
    it('refuses a draw to someone who is not an owner, and the same entity on both sides', async () => {
      const ledger = await seeded(factory);
      await ledger.createEntity({ id: 'bo', kind: 'individual', name: 'Bo', baseCurrency: 'USD' });
      await ledger.openAccount({ id: 'bo:checking', entityId: 'bo', name: 'Assets:Bank:Checking', subtype: 'checking', currency: 'USD', openedOn: '2026-01-01' });
      const doc = { purpose: 'p', legalBasis: 'none', authorizedBy: 'nobody', date: '2026-01-05', amount: '1.00' };
      expect(await failureCode(() => ledger.recordFlow({ ...doc, id: 'bad', kind: 'owner_draw', from: { entityId: 'llc', accountId: 'llc:checking' }, to: { entityId: 'bo', accountId: 'bo:checking' } }))).toBe('INVALID_INPUT');
      expect(await failureCode(() => ledger.recordFlow({ ...doc, id: 'bad2', kind: 'loan', from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'ana', accountId: 'ana:savings' } }))).toBe('INVALID_INPUT');
      expect(await failureCode(() => ledger.recordFlow({ ...doc, id: 'bad3', kind: 'loan', from: { entityId: 'ana', accountId: 'llc:checking' }, to: { entityId: 'bo', accountId: 'bo:checking' } }))).toBe('ENTITY_MISMATCH');
      expect(await failureCode(() => ledger.recordFlow({ ...doc, id: 'bad4', kind: 'loan', amount: '1.00', from: { entityId: 'llc', accountId: 'llc:checking' }, to: { entityId: 'ana', accountId: 'ana:checking' } }))).toBe('INSUFFICIENT_FUNDS');
    });
  });
}

function describeQueriesExamples(factory: StoreFactory): void {
  describe('queries', () => {
    it('answers balances as of a date, rolled up through the tree, and the statements', async () => {
      const ledger = await seeded(factory);
      await ledger.postEntry(transfer('q1', '2026-01-10', 'ana:checking', 'ana:savings', '2500.00'));
      await ledger.postEntry(transfer('q2', '2026-02-03', 'ana:salary', 'ana:checking', '4000.00'));
      await ledger.postEntry(transfer('q3', '2026-02-04', 'ana:checking', 'ana:groceries', '150.25'));
      expect(await balanceOf(ledger, 'ana:checking', '2026-01-09')).toBe('10000.00');
      expect(await balanceOf(ledger, 'ana:checking', '2026-01-31')).toBe('7500.00');
      await ledger.createPending(transfer('q4', '2026-02-10', 'ana:checking', 'ana:housing', '100.00'));
      expect((await ledger.getBalance({ accountId: 'ana:checking', asOf: '2026-02-09', includePending: true })).toString()).toBe('11349.75');
      expect((await ledger.getBalance({ accountId: 'ana:checking', asOf: '2026-02-10', includePending: true })).toString()).toBe('11249.75');
      expect((await ledger.getRollup({ entityId: 'ana', name: 'Assets:Bank', includePending: true })).map(String)).toEqual(['13749.75']);
      expect((await ledger.getRollup({ entityId: 'ana', name: 'Assets:Bank', asOf: '2026-01-31' })).map(String)).toEqual(['10000.00']);
      expect((await ledger.getRollup({ entityId: 'ana', name: 'Assets:Bank' })).map(String)).toEqual(['13849.75']);
      const sheet = await ledger.balanceSheet({ entityId: 'ana', asOf: '2026-02-28' });
      expect(sheet.balanced).toBe(true);
      expect(sheet.assets.totals.map(String)).toEqual(['13849.75']);
      expect(sheet.currentEarnings.map(String)).toEqual(['3849.75']);
      const income = await ledger.incomeStatement({ entityId: 'ana', from: '2026-02-01', to: '2026-02-28' });
      expect([income.income.totals.map(String), income.expenses.totals.map(String), income.netIncome.map(String)]).toEqual([['4000.00'], ['150.25'], ['3849.75']]);
      const trial = await ledger.trialBalance({ entityId: 'ana' });
      // Debit balances: checking 11349.75 + savings 2500.00 + groceries 150.25.
      expect([trial.balanced, trial.debits.map(String), trial.credits.map(String)]).toEqual([true, ['14000.00'], ['14000.00']]);
    });
    it('pages through the journal with a cursor and filters', async () => {
      const ledger = await seeded(factory);
      await ledger.postEntries(Array.from({ length: 7 }, (_, index) => transfer(`j${index}`, `2026-01-0${index + 2}`, 'ana:checking', 'ana:groceries', '1.00')));
      const first = await ledger.listJournal({ accountId: 'ana:groceries', pageSize: 3 });
      expect(first.entries.map((entry) => entry.id)).toEqual(['j0', 'j1', 'j2']);
      const second = await ledger.listJournal({ accountId: 'ana:groceries', pageSize: 3, cursor: first.nextCursor! });
      const third = await ledger.listJournal({ accountId: 'ana:groceries', pageSize: 3, cursor: second.nextCursor! });
      expect([second.entries.map((entry) => entry.id), third.entries.map((entry) => entry.id), third.nextCursor]).toEqual([['j3', 'j4', 'j5'], ['j6'], null]);
      expect((await ledger.listJournal({ entityId: 'ana', from: '2026-01-04', to: '2026-01-05' })).entries.map((entry) => entry.id)).toEqual(['j2', 'j3']);
      expect(await failureCode(() => ledger.listJournal({ pageSize: 501 }))).toBe('INVALID_INPUT');
    });
  });
}

function describeAuditLogExamples(factory: StoreFactory): void {
  describe('audit log', () => {
    it('appends every write with its actor and time, and the chain verifies', async () => {
      const ledger = await seeded(factory);
      await ledger.postEntry(transfer('a1', '2026-01-05', 'ana:checking', 'ana:housing', '5.00'), { actor: 'bookkeeper' });
      const records = await ledger.listAudit({ pageSize: 1000 });
      expect(records.map((record) => record.action).slice(0, 2)).toEqual(['entity.created', 'entity.created']);
      expect(records[records.length - 1]).toMatchObject({ actor: 'bookkeeper', action: 'entries.posted', subjectId: 'a1' });
      expect(records.every((record, index) => record.seq === index + 1 && record.at.endsWith('Z'))).toBe(true);
      expect(await ledger.verifyAudit()).toEqual({ ok: true, recordsChecked: records.length });
    });
  });
}

/** The example half of the contract: each rule, its error code, and that a refusal changes nothing. */
export function describeLedgerExamples(factory: StoreFactory): void {
  describeEntitiesAndAccountsExamples(factory);
  describePostEntryExamples(factory);
  describePendingEntriesExamples(factory);
  describeReverseEntryExamples(factory);
  describePeriodsExamples(factory);
  describeRecordFlowExamples(factory);
  describeQueriesExamples(factory);
  describeAuditLogExamples(factory);
}
