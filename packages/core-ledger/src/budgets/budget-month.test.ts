import { describe, expect, it } from 'vitest';
import { createTestLedger, failureCode, seedPersonAndLlc } from '../testing/fixtures.js';
import { accountedFor, seedBudget } from '../testing/contract-budgets.js';
import type { Ledger } from '../ledger/create-ledger.js';
import type { BudgetMonth } from './budget-month.js';
import { createMemoryStore } from '../store/memory-store.js';

const pay = (id: string, date: string, to: string, from: string, amount: string) => ({ id, date, description: id, postings: [{ accountId: to, amount }, { accountId: from, amount: `-${amount}` }] });

async function budgeted(): Promise<Ledger> {
  const ledger = createTestLedger(createMemoryStore());
  await seedPersonAndLlc(ledger);
  await seedBudget(ledger);
  return ledger;
}

const january = (ledger: Ledger): Promise<BudgetMonth> => ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-01' });
const available = (month: BudgetMonth, envelopeId: string): string => String(month.envelopes.find((item) => item.envelopeId === envelopeId)?.available);

describe('budgetMonth', () => {
  it('treats a transfer between on-budget accounts as neutral, and a card payment too', async () => {
    const ledger = await budgeted();
    const before = await january(ledger);
    await ledger.postEntries([pay('save', '2026-01-05', 'ana:savings', 'ana:checking', '700.00'), pay('prepay-card', '2026-01-06', 'ana:credit-card', 'ana:checking', '50.00')]);
    const after = await january(ledger);
    expect([after.toBeBudgeted, after.income, after.uncategorized].map(String)).toEqual([before.toBeBudgeted, before.income, before.uncategorized].map(String));
    expect(after.envelopes.map((item) => String(item.available))).toEqual(before.envelopes.map((item) => String(item.available)));
  });

  it('takes an outflow to an account no envelope covers from to-be-budgeted in the same month', async () => {
    const ledger = await budgeted();
    await ledger.postEntry(pay('misc', '2026-01-05', 'ana:other-expenses', 'ana:checking', '80.00'));
    const month = await january(ledger);
    expect([month.uncategorized, month.toBeBudgeted, accountedFor(month), month.onBudgetBalance].map(String)).toEqual(['80.00', '9920.00', '9920.00', '9920.00']);
  });

  it('credits a refund on the card back to the envelope, and lets a later hold replace an earlier one', async () => {
    const ledger = await budgeted();
    await ledger.budgets.assignMoney({ id: 'assign-food', entityId: 'ana', month: '2026-01', envelopeId: 'food', amount: '100.00' });
    await ledger.postEntries([pay('shop', '2026-01-05', 'ana:groceries', 'ana:credit-card', '60.00'), pay('refund', '2026-01-07', 'ana:credit-card', 'ana:groceries', '15.00')]);
    await ledger.budgets.holdForNextMonth({ id: 'hold-1', entityId: 'ana', month: '2026-01', amount: '500.00' });
    await ledger.budgets.holdForNextMonth({ id: 'hold-2', entityId: 'ana', month: '2026-01', amount: '200.00' });
    const month = await january(ledger);
    expect([available(month, 'food'), month.heldForNextMonth, month.toBeBudgeted].map(String)).toEqual(['55.00', '200.00', '9700.00']);
    const card = month.envelopes.find((item) => item.kind === 'card_payment')!;
    expect([card.cardBalance, card.paymentAvailable].map(String)).toEqual(['45.00', '45.00']);
  });

  it('returns the leftover of a reset envelope to the next month\'s to-be-budgeted', async () => {
    const ledger = await budgeted();
    await ledger.budgets.assignMoney({ id: 'assign-fun', entityId: 'ana', month: '2026-01', envelopeId: 'fun', amount: '90.00' });
    await ledger.postEntry(pay('game', '2026-01-05', 'ana:health', 'ana:checking', '30.00'));
    const february = await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-02' });
    expect([available(february, 'fun'), february.returnedFromLastMonth, february.toBeBudgeted].map(String)).toEqual(['0.00', '60.00', '9970.00']);
  });

  it('counts only posted entries: a pending charge moves no budgeted money until it posts', async () => {
    const ledger = await budgeted();
    await ledger.createPending(pay('ach', '2026-01-05', 'ana:groceries', 'ana:checking', '40.00'));
    expect(available(await january(ledger), 'food')).toBe('0.00');
    await ledger.postPending({ entryId: 'ach' });
    expect(available(await january(ledger), 'food')).toBe('-40.00');
  });

  it('splits card overspending over several cards and leaves cash overspending to to-be-budgeted', async () => {
    const ledger = await budgeted();
    await ledger.openAccount({ id: 'ana:amex', entityId: 'ana', name: 'Liabilities:Amex', subtype: 'credit_card', currency: 'USD', openedOn: '2026-01-01' });
    await ledger.budgets.configureBudget({ id: 'budget-2', entityId: 'ana', onBudgetAccountIds: ['ana:checking', 'ana:savings', 'ana:credit-card', 'ana:amex'] });
    await ledger.budgets.assignMoney({ id: 'assign-food', entityId: 'ana', month: '2026-01', envelopeId: 'food', amount: '50.00' });
    await ledger.postEntries([
      pay('cash', '2026-01-03', 'ana:groceries', 'ana:checking', '70.00'),
      pay('visa', '2026-01-04', 'ana:groceries', 'ana:credit-card', '30.00'),
      pay('amex', '2026-01-05', 'ana:groceries', 'ana:amex', '10.00'),
    ]);
    const month = await january(ledger);
    const food = month.envelopes.find((item) => item.envelopeId === 'food')!;
    // 50 - 70 cash leaves -20 before the cards: both card charges are uncovered, and 20 is cash overspending.
    expect([food.available, food.overspentCash, food.overspentCredit].map(String)).toEqual(['-60.00', '20.00', '40.00']);
    const february = await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-02' });
    expect(february.envelopes.filter((item) => item.kind === 'card_payment').map((item) => [item.envelopeId, String(item.rolloverIn)])).toEqual([
      ['card-payment:ana:credit-card', '-30.00'],
      ['card-payment:ana:amex', '-10.00'],
    ]);
    expect([february.overspentCashFromLastMonth, accountedFor(february), february.onBudgetBalance].map(String)).toEqual(['20.00', '9890.00', '9890.00']);
  });

  it('gives money assigned to a card\'s payment envelope back to to-be-budgeted when the card is taken off budget', async () => {
    const ledger = await budgeted();
    await ledger.budgets.assignMoney({ id: 'to-card', entityId: 'ana', month: '2026-01', envelopeId: 'card-payment:ana:credit-card', amount: '70.00' });
    await ledger.budgets.moveMoney({ id: 'card-to-food', entityId: 'ana', month: '2026-01', fromEnvelopeId: 'card-payment:ana:credit-card', toEnvelopeId: 'food', amount: '20.00' });
    expect(String((await january(ledger)).toBeBudgeted)).toBe('9930.00');
    await ledger.budgets.configureBudget({ id: 'no-card', entityId: 'ana', onBudgetAccountIds: ['ana:checking', 'ana:savings'] });
    const month = await january(ledger);
    expect([month.toBeBudgeted, available(month, 'food'), month.envelopes.some((item) => item.kind === 'card_payment')].map(String)).toEqual(['10000.00', '0.00', 'false']);
    expect(String(accountedFor(month))).toBe(String(month.onBudgetBalance));
  });

  it('refuses accounts in another currency, envelopes named like card payment envelopes, and a budget spanning more than 1200 months', async () => {
    const ledger = await budgeted();
    await ledger.openAccount({ id: 'ana:eur', entityId: 'ana', name: 'Assets:Bank:Euro', subtype: 'checking', currency: 'EUR', openedOn: '2026-01-01' });
    expect(await failureCode(() => ledger.budgets.configureBudget({ id: 'eur', entityId: 'ana', onBudgetAccountIds: ['ana:eur'] }))).toBe('CURRENCY_MISMATCH');
    expect(await failureCode(() => ledger.budgets.defineEnvelope({ id: 'card-payment:x', entityId: 'ana', name: 'X' }))).toBe('INVALID_INPUT');
    expect(await failureCode(() => ledger.budgets.setEnvelopePolicy({ id: 'p', entityId: 'ana', envelopeId: 'card-payment:ana:credit-card', from: '2026-01', rollover: 'reset' }))).toBe('INVALID_INPUT');
    expect((await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2125-12' })).month).toBe('2125-12');
    expect(await failureCode(() => ledger.budgets.budgetMonth({ entityId: 'ana', month: '2126-01' }))).toBe('INVALID_INPUT');
  });
});
