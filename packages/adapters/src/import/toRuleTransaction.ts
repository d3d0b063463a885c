import type { RuleTransaction } from '@kronos/core-ledger';
import type { ImportedTransaction } from './types.js';

/**
 * The shape `applyRules` (from `@kronos/core-ledger`) runs on, from an
 * imported transaction and the ledger account its `accountRef` maps to.
 * A missing payee becomes `''` (match it on `memo`); payees longer than 500
 * characters are cut to 500. Amounts keep the bank's sign (money out negative).
 *
 * @example
 * ```ts
 * import { parseCsv, toRuleTransaction } from '@kronos/adapters/import';
 * const [t] = parseCsv('Date,Payee,Amount\n2024-03-01,WHOLE FOODS MKT,-84.20\n', { accountRef: 'llc-chk', currency: 'USD', preset: 'generic' }).transactions;
 * const rules = [{ id: 'groceries', conditions: { payee: { match: 'contains', value: 'whole foods' } }, actions: { category: 'ana:groceries', expenseOf: 'personal' } }];
 * const result = applyRules(rules, toRuleTransaction(t!, 'llc:checking'), { accountOwner: () => ({ entityId: 'llc', entityKind: 'single_member_llc' }) });
 * result.category; //=> 'ana:groceries'
 * result.commingling?.kind; //=> 'personal_expense_paid_by_llc'
 * ```
 */
export function toRuleTransaction(transaction: ImportedTransaction, accountId: string): RuleTransaction {
  return {
    ...(transaction.bankTransactionId === null ? {} : { id: transaction.bankTransactionId }),
    date: transaction.postedDate,
    payee: (transaction.payee ?? '').slice(0, 500),
    amount: transaction.amount,
    accountId,
    memo: transaction.memo,
  };
}
