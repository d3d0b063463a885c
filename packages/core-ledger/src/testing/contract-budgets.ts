import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronosError } from '../errors/index.js';
import type { Ledger } from '../ledger/create-ledger.js';
import type { BudgetRecord, EntityRecord, LedgerStore } from '../ports/ledger-store.js';
import { Money } from '../money/money.js';
import type { BudgetMonth } from '../budgets/budget-month.js';
import type { MoneyFlow } from '../budgets/money-flow.js';
import { createTestLedger, failureCode, seedPersonAndLlc, snapshotLedger } from './fixtures.js';

const createdAt = '2026-01-01T00:00:00.000Z';
const entity: EntityRecord = { id: 'e', kind: 'individual', name: 'E', baseCurrency: 'USD', owners: [], closedThrough: null, fingerprint: '{}', createdAt };
const record = (id: string, kind: BudgetRecord['kind'], month: string | null, amount: bigint | null, data: BudgetRecord['data'] = {}): BudgetRecord => ({
  id, entityId: 'e', kind, month, amount, currency: 'USD', scale: 2, data, fingerprint: `f-${id}`, recordedAt: createdAt,
});

/** The budget half of the port contract: records are written once, read back exactly, listed in write order, and roll back with their unit. */
function describeBudgetPort(createStore: () => LedgerStore | Promise<LedgerStore>): void {
  describe('LedgerTx budget records', () => {
    it('reads back what it wrote, exactly, and lists an entity\'s records in write order', async () => {
      const store = await createStore();
      const written = [
        record('setup', 'settings', null, null, { onBudgetAccountIds: ['cash'] }),
        record('food', 'envelope', null, null, { name: 'Food', categoryAccountIds: ['groceries'], rollover: 'carry', overspending: 'reduce_next_month' }),
        record('a1', 'assign', '2026-01', -123456789012345678n, { envelopeId: 'food' }),
        record('h1', 'hold', '2026-02', 0n),
      ];
      await store.transact(async (tx) => {
        await tx.putEntities([entity, { ...entity, id: 'other' }]);
        await tx.insertBudgetRecords(written.slice(0, 2));
        await tx.insertBudgetRecords([{ ...record('x', 'hold', '2026-01', 5n), entityId: 'other' }]);
        await tx.insertBudgetRecords(written.slice(2));
      });
      const [found, listed, none] = await store.transact(async (tx) => [await tx.getBudgetRecords(['a1', 'nope', 'setup']), await tx.listBudgetRecords('e'), await tx.listBudgetRecords('nobody')] as const);
      expect(found).toEqual([written[2], undefined, written[0]]);
      expect(listed).toEqual(written);
      expect(none).toEqual([]);
    });

    it('refuses a repeated id and keeps nothing of a unit that fails', async () => {
      const store = await createStore();
      await store.transact(async (tx) => {
        await tx.putEntities([entity]);
        await tx.insertBudgetRecords([record('a1', 'assign', '2026-01', 100n, { envelopeId: 'food' })]);
      });
      await expect(store.transact((tx) => tx.insertBudgetRecords([record('a2', 'assign', '2026-01', 1n), record('a1', 'assign', '2026-01', 2n)]))).rejects.toThrow();
      await expect(
        store.transact(async (tx) => {
          await tx.insertBudgetRecords([record('a3', 'assign', '2026-01', 3n)]);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect((await store.transact((tx) => tx.listBudgetRecords('e'))).map((item) => item.id)).toEqual(['a1']);
    });
  });
}

/**
 * Ana's budget on the seeded books: checking, savings and the template's
 * credit card on budget; envelopes for food, rent, transport, fun (leftovers
 * return to to-be-budgeted) and investing (transfers to the brokerage).
 */
export async function seedBudget(ledger: Ledger): Promise<void> {
  await ledger.budgets.configureBudget({ id: 'budget', entityId: 'ana', onBudgetAccountIds: ['ana:checking', 'ana:savings', 'ana:credit-card'] });
  await ledger.budgets.defineEnvelope({ id: 'food', entityId: 'ana', name: 'Food', categoryAccountIds: ['ana:groceries'] });
  await ledger.budgets.defineEnvelope({ id: 'rent', entityId: 'ana', name: 'Rent', categoryAccountIds: ['ana:housing'] });
  await ledger.budgets.defineEnvelope({ id: 'transport', entityId: 'ana', name: 'Transport', categoryAccountIds: ['ana:transport'] });
  await ledger.budgets.defineEnvelope({ id: 'fun', entityId: 'ana', name: 'Fun', categoryAccountIds: ['ana:health'], rollover: 'reset' });
  await ledger.budgets.defineEnvelope({ id: 'investing', entityId: 'ana', name: 'Investing', categoryAccountIds: ['ana:brokerage'] });
}

const pay = (id: string, date: string, to: string, from: string, amount: string) => ({ id, date, description: id, postings: [{ accountId: to, amount }, { accountId: from, amount: `-${amount}` }] });

/** Envelope fields as strings, by envelope id. */
function envelopeTable(month: BudgetMonth, fields: readonly (keyof BudgetMonth['envelopes'][number])[]): Record<string, string[]> {
  return Object.fromEntries(month.envelopes.map((item) => [item.envelopeId, fields.map((field) => String(item[field]))]));
}

/** Σ available + to-be-budgeted + held: what the envelopes account for. */
export function accountedFor(month: BudgetMonth): Money {
  return month.envelopes.reduce((sum, item) => sum.add(item.available), month.toBeBudgeted.add(month.heldForNextMonth));
}

/** Per node: money in minus money out, in minor units. */
export function nodeNets(flow: MoneyFlow): Map<string, bigint> {
  const nets = new Map<string, bigint>();
  for (const link of flow.links) {
    const units = Money.of(link.value, flow.currency).toMinorUnits();
    nets.set(link.target, (nets.get(link.target) ?? 0n) + units);
    nets.set(link.source, (nets.get(link.source) ?? 0n) - units);
  }
  return nets;
}

function describeBudgetExamples(createStore: () => LedgerStore | Promise<LedgerStore>): void {
  const seeded = async (): Promise<Ledger> => {
    const ledger = createTestLedger(await createStore());
    await seedPersonAndLlc(ledger);
    await seedBudget(ledger);
    return ledger;
  };

  describe('budgets', () => {
    it('runs a realistic month: income, assignments, cash and card overspending, a reset envelope, a hold, then the next month', async () => {
      const ledger = await seeded();
      await ledger.postEntry(pay('salary', '2026-01-02', 'ana:checking', 'ana:salary', '4000.00'));
      for (const [envelopeId, amount] of [['food', '500.00'], ['rent', '1500.00'], ['transport', '100.00'], ['fun', '200.00'], ['investing', '1000.00']] as const) {
        await ledger.budgets.assignMoney({ id: `jan-${envelopeId}`, entityId: 'ana', month: '2026-01', envelopeId, amount });
      }
      await ledger.postEntries([
        pay('rent', '2026-01-03', 'ana:housing', 'ana:checking', '1500.00'),
        pay('shop-1', '2026-01-05', 'ana:groceries', 'ana:checking', '350.00'),
        pay('shop-2', '2026-01-20', 'ana:groceries', 'ana:credit-card', '250.00'),
        pay('bus', '2026-01-21', 'ana:transport', 'ana:checking', '130.00'),
        pay('cinema', '2026-01-22', 'ana:health', 'ana:credit-card', '50.00'),
        pay('invest', '2026-01-25', 'ana:brokerage', 'ana:checking', '1000.00'),
        pay('save', '2026-01-26', 'ana:savings', 'ana:checking', '2000.00'),
      ]);
      await ledger.budgets.holdForNextMonth({ id: 'hold-jan', entityId: 'ana', month: '2026-01', amount: '1000.00' });

      const january = await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-01' });
      // 10,000 opening balance + 4,000 salary; 3,300 assigned; 1,000 held for February.
      expect([january.income, january.assigned, january.heldForNextMonth, january.toBeBudgeted].map(String)).toEqual(['14000.00', '3300.00', '1000.00', '9700.00']);
      // Food: 500 - 350 cash - 250 card = -100, all of it card spending the envelope could not cover (500 - 350 left 150 for the card).
      // Transport: 100 - 130 cash = -30 cash overspending. Fun: 200 - 50 on the card leaves 150.
      expect(envelopeTable(january, ['available', 'overspentCash', 'overspentCredit'])).toEqual({
        food: ['-100.00', '0.00', '100.00'],
        rent: ['0.00', '0.00', '0.00'],
        transport: ['-30.00', '30.00', '0.00'],
        fun: ['150.00', '0.00', '0.00'],
        investing: ['0.00', '0.00', '0.00'],
        'card-payment:ana:credit-card': ['0.00', '0.00', '100.00'],
      });
      const card = january.envelopes.find((item) => item.kind === 'card_payment')!;
      // 300 owed on the card; 200 of it was covered by envelopes (150 food, 50 fun), 100 is debt.
      expect([card.cardBalance, card.paymentAvailable].map(String)).toEqual(['300.00', '200.00']);
      // Checking 9,020 + savings 2,000 - card 300.
      expect(january.onBudgetBalance.toString()).toBe('10720.00');
      expect(accountedFor(january).toString()).toBe('10720.00');

      await ledger.postEntry(pay('card-payment', '2026-02-02', 'ana:credit-card', 'ana:checking', '200.00'));
      await ledger.budgets.assignMoney({ id: 'feb-food', entityId: 'ana', month: '2026-02', envelopeId: 'food', amount: '400.00' });
      await ledger.budgets.moveMoney({ id: 'feb-debt', entityId: 'ana', month: '2026-02', fromEnvelopeId: 'food', toEnvelopeId: 'card-payment:ana:credit-card', amount: '50.00' });
      const february = await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-02' });
      // 9,700 + 1,000 held - 400 assigned - 30 cash overspending + 150 returned by fun.
      expect([february.overspentCashFromLastMonth, february.returnedFromLastMonth, february.heldFromLastMonth, february.toBeBudgeted].map(String)).toEqual(['30.00', '150.00', '1000.00', '10420.00']);
      expect(envelopeTable(february, ['rolloverIn', 'available'])).toEqual({
        food: ['0.00', '350.00'],
        rent: ['0.00', '0.00'],
        transport: ['0.00', '0.00'],
        fun: ['0.00', '0.00'],
        investing: ['0.00', '0.00'],
        'card-payment:ana:credit-card': ['-100.00', '-50.00'],
      });
      const debt = february.envelopes.find((item) => item.kind === 'card_payment')!;
      expect([debt.cardBalance, debt.paymentAvailable].map(String)).toEqual(['100.00', '50.00']);
      expect([february.onBudgetBalance, accountedFor(february)].map(String)).toEqual(['10720.00', '10720.00']);

      const flow = await ledger.budgets.moneyFlow({ entityId: 'ana', month: '2026-01' });
      expect(flow.links).toContainEqual({ source: 'envelope:investing', target: 'account:ana:brokerage', value: '1000.00' });
      expect(flow.links).toContainEqual({ source: 'overspent', target: 'envelope:food', value: '100.00' });
      for (const [node, net] of nodeNets(flow)) if (node.startsWith('envelope:') || node === 'to-be-budgeted') expect([node, net]).toEqual([node, 0n]);
    });

    it('lets assignments exceed to-be-budgeted and reports it negative', async () => {
      const ledger = await seeded();
      await ledger.budgets.assignMoney({ id: 'big', entityId: 'ana', month: '2026-01', envelopeId: 'rent', amount: '12000.00' });
      const month = await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-01' });
      expect([month.toBeBudgeted, accountedFor(month), month.onBudgetBalance].map(String)).toEqual(['-2000.00', '10000.00', '10000.00']);
    });

    it('carries an overspent balance under the carry policy, and applies a policy change from its month on', async () => {
      const ledger = await seeded();
      await ledger.budgets.setEnvelopePolicy({ id: 'transport-carry', entityId: 'ana', envelopeId: 'transport', from: '2026-02', overspending: 'carry' });
      await ledger.postEntries([pay('bus-1', '2026-01-10', 'ana:transport', 'ana:checking', '40.00'), pay('bus-2', '2026-02-10', 'ana:transport', 'ana:checking', '60.00')]);
      const [february, march] = [await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-02' }), await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-03' })];
      const transport = (month: BudgetMonth) => month.envelopes.find((item) => item.envelopeId === 'transport')!;
      // January's 40 reset into February's to-be-budgeted; February's 60 stays in the envelope.
      expect([transport(february).rolloverIn, transport(february).available, february.overspentCashFromLastMonth].map(String)).toEqual(['0.00', '-60.00', '40.00']);
      expect([transport(march).rolloverIn, march.overspentCashFromLastMonth, transport(march).policy?.overspending].map(String)).toEqual(['-60.00', '0.00', 'carry']);
      expect([march.toBeBudgeted, accountedFor(march), march.onBudgetBalance].map(String)).toEqual(['9960.00', '9900.00', '9900.00']);
    });

    it('refuses unknown envelopes and accounts, bad months and amounts, and leaves the store as it was', async () => {
      const ledger = await seeded();
      const before = await snapshotLedger(ledger);
      const budgets = ledger.budgets;
      expect(await failureCode(() => budgets.assignMoney({ id: 'x1', entityId: 'ana', month: '2026-01', envelopeId: 'holidays', amount: '1.00' }))).toBe('NOT_FOUND');
      expect(await failureCode(() => budgets.moveMoney({ id: 'x2', entityId: 'ana', month: '2026-01', fromEnvelopeId: 'food', toEnvelopeId: 'holidays', amount: '1.00' }))).toBe('NOT_FOUND');
      expect(await failureCode(() => budgets.defineEnvelope({ id: 'x3', entityId: 'ana', name: 'X', categoryAccountIds: ['ana:nothing'] }))).toBe('NOT_FOUND');
      expect(await failureCode(() => budgets.defineEnvelope({ id: 'x4', entityId: 'ana', name: 'X', categoryAccountIds: ['ana:groceries'] }))).toBe('INVALID_INPUT');
      expect(await failureCode(() => budgets.defineEnvelope({ id: 'x5', entityId: 'ana', name: 'X', categoryAccountIds: ['llc:software'] }))).toBe('ENTITY_MISMATCH');
      expect(await failureCode(() => budgets.configureBudget({ id: 'x6', entityId: 'ana', onBudgetAccountIds: ['ana:checking', 'ana:groceries'] }))).toBe('INVALID_INPUT');
      expect(await failureCode(() => budgets.assignMoney({ id: 'x7', entityId: 'ana', month: '2026-1', envelopeId: 'food', amount: '1.00' }))).toBe('INVALID_INPUT');
      expect(await failureCode(() => budgets.assignMoney({ id: 'x8', entityId: 'ana', month: '2026-01', envelopeId: 'food', amount: '1.001' }))).toBe('SCALE_EXCEEDED');
      expect(await failureCode(() => budgets.moveMoney({ id: 'x9', entityId: 'ana', month: '2026-01', fromEnvelopeId: 'food', toEnvelopeId: 'rent', amount: '-1.00' }))).toBe('INVALID_INPUT');
      expect(await failureCode(() => budgets.holdForNextMonth({ id: 'x10', entityId: 'ana', month: '2026-01', amount: '-1.00' }))).toBe('INVALID_INPUT');
      expect(await failureCode(() => budgets.assignMoney({ id: 'x11', entityId: 'nobody', month: '2026-01', envelopeId: 'food', amount: '1.00' }))).toBe('NOT_FOUND');
      expect(await failureCode(() => budgets.budgetMonth({ entityId: 'llc', month: '2026-01' }))).toBe('INVALID_STATE');
      expect(await failureCode(() => budgets.budgetMonth({ entityId: 'ana', month: '2026-00' }))).toBe('INVALID_INPUT');
      expect(await snapshotLedger(ledger)).toEqual(before);
    });

    it('is idempotent on the record id: a repeat writes and audits nothing, other content is a conflict', async () => {
      const ledger = await seeded();
      const input = { id: 'a1', entityId: 'ana', month: '2026-01', envelopeId: 'food', amount: '25.00' };
      const first = await ledger.budgets.assignMoney(input);
      const audited = (await ledger.listAudit({ pageSize: 1000 })).length;
      expect(await ledger.budgets.assignMoney({ ...input, amount: Money.of('25', 'USD') })).toEqual(first);
      expect((await ledger.listAudit({ pageSize: 1000 })).length).toBe(audited);
      expect(await failureCode(() => ledger.budgets.assignMoney({ ...input, amount: '26.00' }))).toBe('IDEMPOTENCY_CONFLICT');
      expect((await ledger.listAudit({ pageSize: 1000 })).at(-1)).toMatchObject({ action: 'budget.assign', subjectId: 'a1', actor: 'tester' });
      expect((await ledger.verifyAudit()).ok).toBe(true);
    });
  });
}

type BudgetOp =
  | { readonly op: 'income'; readonly to: number; readonly amount: number; readonly day: number }
  | { readonly op: 'spend'; readonly from: number; readonly category: number; readonly amount: number; readonly day: number }
  | { readonly op: 'transfer'; readonly from: number; readonly to: number; readonly amount: number; readonly day: number }
  | { readonly op: 'assign'; readonly envelope: number; readonly amount: number; readonly month: number }
  | { readonly op: 'move'; readonly from: number; readonly to: number; readonly amount: number; readonly month: number }
  | { readonly op: 'hold'; readonly amount: number; readonly month: number }
  | { readonly op: 'policy'; readonly envelope: number; readonly month: number; readonly reset: boolean; readonly carry: boolean };

const onBudgetIds = ['ana:checking', 'ana:savings', 'ana:credit-card'];
// Mapped categories, the brokerage (an off-budget asset mapped to investing) and Other (no envelope: uncategorised).
const categoryIds = ['ana:groceries', 'ana:housing', 'ana:transport', 'ana:health', 'ana:brokerage', 'ana:other-expenses'];
const envelopeIds = ['food', 'rent', 'transport', 'fun', 'investing', 'card-payment:ana:credit-card'];
const months = ['2026-01', '2026-02', '2026-03'];
const budgetCents = (value: number): string => `${value < 0 ? '-' : ''}${Math.floor(Math.abs(value) / 100)}.${String(Math.abs(value) % 100).padStart(2, '0')}`;
const amountArb = fc.integer({ min: 1, max: 300_000 });
const dayArb = fc.integer({ min: 0, max: 3 * 28 - 1 });
const dateOfDay = (day: number): string => `${months[Math.floor(day / 28)]}-${String((day % 28) + 1).padStart(2, '0')}`;
const budgetOpArb: fc.Arbitrary<BudgetOp> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('income' as const), to: fc.nat(1), amount: amountArb, day: dayArb }) },
  // A negative spend is a refund: money back from the category into the on-budget account.
  { weight: 4, arbitrary: fc.record({ op: fc.constant('spend' as const), from: fc.nat(2), category: fc.nat(5), amount: fc.oneof({ weight: 4, arbitrary: amountArb }, { weight: 1, arbitrary: fc.integer({ min: -50_000, max: -1 }) }), day: dayArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('transfer' as const), from: fc.nat(2), to: fc.nat(2), amount: amountArb, day: dayArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('assign' as const), envelope: fc.nat(5), amount: fc.integer({ min: -100_000, max: 300_000 }), month: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('move' as const), from: fc.nat(5), to: fc.nat(5), amount: amountArb, month: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('hold' as const), amount: fc.integer({ min: 0, max: 300_000 }), month: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('policy' as const), envelope: fc.nat(3), month: fc.nat(2), reset: fc.boolean(), carry: fc.boolean() }) },
);

/** Plays a budget operation; the only refusal expected is a checking or savings account that would go below zero. */
async function playBudgetOp(ledger: Ledger, op: BudgetOp, id: string): Promise<void> {
  try {
    if (op.op === 'income') await ledger.postEntry(pay(id, dateOfDay(op.day), onBudgetIds[op.to]!, 'ana:salary', budgetCents(op.amount)));
    else if (op.op === 'spend') {
      const [to, from] = op.amount > 0 ? [categoryIds[op.category]!, onBudgetIds[op.from]!] : [onBudgetIds[op.from]!, categoryIds[op.category]!];
      await ledger.postEntry(pay(id, dateOfDay(op.day), to, from, budgetCents(Math.abs(op.amount))));
    }
    else if (op.op === 'transfer') {
      if (op.from !== op.to) await ledger.postEntry(pay(id, dateOfDay(op.day), onBudgetIds[op.to]!, onBudgetIds[op.from]!, budgetCents(op.amount)));
    } else if (op.op === 'assign') {
      if (op.amount !== 0) await ledger.budgets.assignMoney({ id, entityId: 'ana', month: months[op.month]!, envelopeId: envelopeIds[op.envelope]!, amount: budgetCents(op.amount) });
    } else if (op.op === 'move') {
      if (op.from !== op.to) await ledger.budgets.moveMoney({ id, entityId: 'ana', month: months[op.month]!, fromEnvelopeId: envelopeIds[op.from]!, toEnvelopeId: envelopeIds[op.to]!, amount: budgetCents(op.amount) });
    } else if (op.op === 'hold') await ledger.budgets.holdForNextMonth({ id, entityId: 'ana', month: months[op.month]!, amount: budgetCents(op.amount) });
    else await ledger.budgets.setEnvelopePolicy({ id, entityId: 'ana', envelopeId: envelopeIds[op.envelope]!, from: months[op.month]!, rollover: op.reset ? 'reset' : 'carry', overspending: op.carry ? 'carry' : 'reduce_next_month' });
  } catch (error) {
    if (error instanceof KronosError && error.code === 'INSUFFICIENT_FUNDS') return;
    throw error;
  }
}

/** The seeded books and budget after playing `ops` on a new store. */
async function playedBudget(createStore: () => LedgerStore | Promise<LedgerStore>, ops: readonly BudgetOp[]): Promise<Ledger> {
  const ledger = createTestLedger(await createStore());
  await seedPersonAndLlc(ledger);
  await seedBudget(ledger);
  for (const [index, op] of ops.entries()) await playBudgetOp(ledger, op, `op-${index}`);
  return ledger;
}

function describeBudgetProperties(createStore: () => LedgerStore | Promise<LedgerStore>, numRuns: number): void {
  describe('properties', () => {
    it('conserves money: in every month, envelopes plus to-be-budgeted plus the hold equal the on-budget balances', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(budgetOpArb, { minLength: 1, maxLength: 25 }), async (ops) => {
          const ledger = await playedBudget(createStore, ops);
          for (const month of [...months, '2026-04']) {
            const view = await ledger.budgets.budgetMonth({ entityId: 'ana', month });
            let balances = Money.zero(view.currency);
            for (const accountId of onBudgetIds) balances = balances.add(await ledger.getBalance({ accountId, asOf: `${month}-28` }));
            expect([month, view.onBudgetBalance.toString()]).toEqual([month, balances.toString()]);
            expect([month, accountedFor(view).toString()]).toEqual([month, balances.toString()]);
          }
        }),
        { numRuns },
      );
    });

    it('conserves money in the money flow: what flows into each envelope and into to-be-budgeted flows out', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(budgetOpArb, { minLength: 1, maxLength: 25 }), async (ops) => {
          const ledger = await playedBudget(createStore, ops);
          for (const month of months) {
            const flow = await ledger.budgets.moneyFlow({ entityId: 'ana', month });
            const nodeIds = new Set(flow.nodes.map((node) => node.id));
            for (const link of flow.links) {
              expect(Money.of(link.value, 'USD').isPositive()).toBe(true);
              expect(nodeIds.has(link.source) && nodeIds.has(link.target) && link.source !== link.target).toBe(true);
            }
            for (const [node, net] of nodeNets(flow)) if (node.startsWith('envelope:') || node === 'to-be-budgeted') expect([month, node, net]).toEqual([month, node, 0n]);
          }
        }),
        { numRuns },
      );
    });
  });
}

/** The budget part of the contract: port duties, the rules by example, and conservation as properties. */
export function describeBudgetContract(createStore: () => LedgerStore | Promise<LedgerStore>, numRuns: number): void {
  describeBudgetPort(createStore);
  describeBudgetExamples(createStore);
  describeBudgetProperties(createStore, numRuns);
}
