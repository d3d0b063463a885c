import { describe, expect, it } from 'vitest';
import { applyRules, Money } from '@kronos/core-ledger';
import { toRuleTransaction, type ImportedTransaction } from '@kronos/adapters/import';

const imported: ImportedTransaction = {
  accountRef: 'chk', bankTransactionId: 'FIT-7', postedDate: '2024-03-01', amount: Money.of('-59.99', 'USD'), payee: null,
  memo: 'ADOBE *CREATIVE CLOUD', pending: false, category: null, checkNumber: null, type: 'pos', raw: {},
};

describe('toRuleTransaction', () => {
  it('maps an imported transaction onto the rule input, so memo rules match when the bank gives no payee', () => {
    const mapped = toRuleTransaction(imported, 'ana:checking');
    expect(mapped).toEqual({ id: 'FIT-7', date: '2024-03-01', payee: '', amount: imported.amount, accountId: 'ana:checking', memo: 'ADOBE *CREATIVE CLOUD' });
    const rules = [{ id: 'adobe', conditions: { memo: { match: 'contains' as const, value: 'adobe' } }, actions: { category: 'llc:software' } }];
    expect(applyRules(rules, mapped).category).toBe('llc:software');
    expect(toRuleTransaction({ ...imported, bankTransactionId: null, payee: 'x'.repeat(600) }, 'a').payee).toHaveLength(500);
  });
});
