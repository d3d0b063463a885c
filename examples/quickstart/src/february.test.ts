import { createLedger, createMemoryStore, Money } from '@kronos/core-ledger';
import { describe, expect, it } from 'vitest';
import { runBooks } from './books.js';
import { runFebruary } from './february.js';

describe("the demo's February", () => {
  it('categorises by rules, fixes the commingled dinner with a documented draw, and keeps the budget whole', async () => {
    const store = createMemoryStore();
    const january = await runBooks(store);
    const report = await runFebruary(store);
    expect(report).toMatch(/TRATTORIA ROMA .* -> studio:other-expenses {2}FLAGGED personal_expense_paid_by_llc/);
    expect(report).toContain('Veil report for February: OK (1 documented flow)');
    const ledger = createLedger({ store });
    // The dinner left the LLC's expenses and became Ana's, through an owner draw.
    expect((await ledger.getBalance({ accountId: 'studio:other-expenses' })).toString()).toBe('0.00');
    expect((await ledger.getBalance({ accountId: 'ana:other-expenses' })).toString()).toBe('86.40');
    expect((await ledger.getFlow('fix-feb-llc-1')).kind).toBe('owner_draw');
    // Envelopes + to be budgeted + held = on-budget balances (checking and card), read from the ledger itself.
    const month = await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-02' });
    const usd = (money: { toString(): string }) => Money.of(money.toString(), 'USD');
    const onBudget = usd(await ledger.getBalance({ accountId: 'ana:checking' })).add(usd(await ledger.getBalance({ accountId: 'ana:credit-card' })));
    const envelopes = month.envelopes.reduce((sum, envelope) => sum.add(usd(envelope.available)), Money.zero('USD'));
    expect(envelopes.add(usd(month.toBeBudgeted)).add(usd(month.heldForNextMonth)).toString()).toBe(onBudget.toString());
    // Idempotent, and January's statements are untouched by February's writes.
    expect(await runFebruary(store)).toBe(report);
    expect(await runBooks(store)).toBe(january);
  });
});
