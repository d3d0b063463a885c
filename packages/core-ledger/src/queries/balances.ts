import { z } from 'zod';
import { IdSchema, parseInput } from '../_internal/schemas.js';
import { unitOf } from '../accounts/account-view.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { notFound, type LedgerContext } from '../ledger/context.js';
import { Money } from '../money/money.js';
import type { AccountRecord } from '../ports/ledger-store.js';

/** Input of `getBalance`. */
export const BalanceQuerySchema = z.object({
  accountId: IdSchema,
  /** End of this day; omit for everything posted. */
  asOf: IsoDateSchema.optional(),
  /** Count pending entries dated on or before `asOf` too. */
  includePending: z.boolean().default(false),
});
/** Input of `getBalance`. */
export type BalanceQuery = z.input<typeof BalanceQuerySchema>;

/** Input of `getRollup`: every account named `name` or under `name:` in one entity's tree. */
export const RollupQuerySchema = z.object({ entityId: IdSchema, name: z.string().min(1).max(300), asOf: IsoDateSchema.optional(), includePending: z.boolean().default(false) });
/** Input of `getRollup`. */
export type RollupQuery = z.input<typeof RollupQuerySchema>;

/**
 * An account's balance as of the end of a day: the sum of its postings
 * (debits positive), O(log n) in the store.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * await ledger.postEntry({ id: 'rent-1', date: '2026-01-20', description: 'Rent', postings: [{ accountId: 'ana:housing', amount: '1200.00' }, { accountId: 'ana:checking', amount: '-1200.00' }] });
 * (await ledger.getBalance({ accountId: 'ana:checking', asOf: '2026-01-16' })).toString(); //=> '5000.00'
 * (await ledger.getBalance({ accountId: 'ana:checking' })).toString(); //=> '3800.00'
 * ```
 */
export async function getBalance(context: LedgerContext, query: BalanceQuery): Promise<Money> {
  const parsed = parseInput(BalanceQuerySchema, query, 'balance query');
  return context.store.transact(
    async (tx) => {
      const [account] = await tx.getAccounts([parsed.accountId]);
      if (account === undefined) throw notFound('account', parsed.accountId, 'check the account id.');
      const [balance] = await tx.getBalancesAsOf([account.id], parsed.asOf ?? null, parsed.includePending);
      return Money.fromMinorUnits(balance!, unitOf(account));
    },
    { readOnly: true },
  );
}

/** Whether `name` is `root` or lies under it in the account tree. */
export function isUnder(name: string, root: string): boolean {
  return name === root || (name.startsWith(root) && name.charCodeAt(root.length) === 58 /* ':' */);
}

/** Sums minor-unit balances per currency into Money, sorted by currency code. */
export function totalsByCurrency(items: Iterable<{ account: AccountRecord; amount: bigint }>): Money[] {
  const totals = new Map<string, { account: AccountRecord; amount: bigint }>();
  for (const { account, amount } of items) {
    const key = `${account.currency}/${account.scale}`;
    const seen = totals.get(key);
    totals.set(key, { account, amount: (seen?.amount ?? 0n) + amount });
  }
  return [...totals.keys()].sort().map((key) => {
    const { account, amount } = totals.get(key)!;
    return Money.fromMinorUnits(amount, unitOf(account));
  });
}

/**
 * The balance of a branch of an entity's account tree (the account named
 * `name` and all below it), one Money per currency.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * await ledger.postEntry({ id: 'save-1', date: '2026-01-16', description: 'Save', postings: [{ accountId: 'ana:savings', amount: '1000.00' }, { accountId: 'ana:checking', amount: '-1000.00' }] });
 * (await ledger.getRollup({ entityId: 'ana', name: 'Assets:Bank' })).map(String); //=> ['5000.00']
 * (await ledger.getRollup({ entityId: 'ana', name: 'Assets:Bank:Savings' })).map(String); //=> ['1000.00']
 * ```
 */
export async function getRollup(context: LedgerContext, query: RollupQuery): Promise<Money[]> {
  const parsed = parseInput(RollupQuerySchema, query, 'rollup query');
  return context.store.transact(
    async (tx) => {
      const accounts = (await tx.listAccounts(parsed.entityId)).filter((account) => isUnder(account.name, parsed.name));
      const balances = await tx.getBalancesAsOf(accounts.map((account) => account.id), parsed.asOf ?? null, parsed.includePending);
      return totalsByCurrency(accounts.map((account, index) => ({ account, amount: balances[index]! })));
    },
    { readOnly: true },
  );
}
