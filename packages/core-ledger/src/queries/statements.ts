import { format, parseISO, subDays } from 'date-fns';
import { z } from 'zod';
import { IdSchema, parseInput } from '../_internal/schemas.js';
import { normalSign } from '../accounts/account-types.js';
import { unitOf } from '../accounts/account-view.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { KronosError } from '../errors/index.js';
import { notFound, type LedgerContext } from '../ledger/context.js';
import { Money } from '../money/money.js';
import type { AccountRecord, AccountType, LedgerTx } from '../ports/ledger-store.js';
import { totalsByCurrency } from './balances.js';

/** One account's line in a statement. `amount` is the normal balance (positive for a usual balance). */
export interface StatementLine {
  readonly accountId: string;
  readonly name: string;
  readonly subtype: string;
  readonly amount: Money;
}

/** A block of a statement and its totals, one Money per currency. */
export interface StatementSection {
  readonly lines: readonly StatementLine[];
  readonly totals: readonly Money[];
}

async function loadBalances(tx: LedgerTx, entityId: string, asOf: string | null): Promise<{ account: AccountRecord; amount: bigint }[]> {
  const [entity] = await tx.getEntities([entityId]);
  if (entity === undefined) throw notFound('entity', entityId, 'check the entity id.');
  const accounts = await tx.listAccounts(entityId);
  const balances = await tx.getBalancesAsOf(accounts.map((account) => account.id), asOf, false);
  return accounts.map((account, index) => ({ account, amount: balances[index]! }));
}

function section(items: readonly { account: AccountRecord; amount: bigint }[], type: AccountType): StatementSection {
  const chosen = items.filter(({ account }) => account.type === type).map(({ account, amount }) => ({ account, amount: normalSign(type) * amount }));
  return {
    lines: chosen.map(({ account, amount }) => ({ accountId: account.id, name: account.name, subtype: account.subtype, amount: Money.fromMinorUnits(amount, unitOf(account)) })),
    totals: totalsByCurrency(chosen),
  };
}

/** Income minus expenses per currency, from raw balances. */
function earnings(items: readonly { account: AccountRecord; amount: bigint }[]): Money[] {
  // Raw sums are debit-positive, so income - expenses = -(sum of both).
  return totalsByCurrency(items.filter(({ account }) => account.type === 'income' || account.type === 'expense').map(({ account, amount }) => ({ account, amount: -amount })));
}

/** A balance sheet: assets = liabilities + equity + earnings not yet closed into equity. */
export interface BalanceSheet {
  readonly entityId: string;
  readonly asOf: string;
  readonly assets: StatementSection;
  readonly liabilities: StatementSection;
  readonly equity: StatementSection;
  /** Income minus expenses to date (not yet closed into retained earnings). */
  readonly currentEarnings: readonly Money[];
  /** True when, in every currency, assets equal liabilities + equity + current earnings. */
  readonly balanced: boolean;
}

/** Input of `balanceSheet`. */
export const BalanceSheetQuerySchema = z.object({ entityId: IdSchema, asOf: IsoDateSchema });
/** Input of `balanceSheet`. */
export type BalanceSheetQuery = z.input<typeof BalanceSheetQuerySchema>;

/**
 * An entity's balance sheet at the end of a day.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.createEntity({ id: 'studio', kind: 'single_member_llc', name: 'Ana Studio LLC', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '1' }] });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.applyChartTemplate({ entityId: 'studio', template: 'single_member_llc', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay', date: '2026-01-01', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '20000.00' }, { accountId: 'ana:salary', amount: '-20000.00' }] });
 * await ledger.recordFlow({
 *   id: 'capital-1', kind: 'equity_contribution', date: '2026-01-02', amount: '5000.00',
 *   from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'studio', accountId: 'studio:checking' },
 *   purpose: 'Initial capital', legalBasis: 'Operating agreement s. 4.1', authorizedBy: 'Ana Diaz, sole member',
 * });
 * await ledger.postEntry({ id: 'bill-1', date: '2026-01-05', description: 'Design software', postings: [{ accountId: 'studio:software', amount: '250.00' }, { accountId: 'studio:checking', amount: '-250.00' }] });
 * const sheet = await ledger.balanceSheet({ entityId: 'studio', asOf: '2026-01-31' });
 * sheet.balanced; //=> true
 * sheet.assets.totals.map(String); //=> ['4750.00']
 * sheet.currentEarnings.map(String); //=> ['-250.00']
 * ```
 */
export async function balanceSheet(context: LedgerContext, query: BalanceSheetQuery): Promise<BalanceSheet> {
  const { entityId, asOf } = parseInput(BalanceSheetQuerySchema, query, 'balance sheet query');
  return context.store.transact(
    async (tx) => {
      const items = await loadBalances(tx, entityId, asOf);
      // Every raw balance summed is zero in each currency exactly when the books balance.
      const residue = totalsByCurrency(items);
      return {
        entityId,
        asOf,
        assets: section(items, 'asset'),
        liabilities: section(items, 'liability'),
        equity: section(items, 'equity'),
        currentEarnings: earnings(items),
        balanced: residue.every((total) => total.isZero()),
      };
    },
    { readOnly: true },
  );
}

/** An income statement over a period (dates inclusive). */
export interface IncomeStatement {
  readonly entityId: string;
  readonly from: string;
  readonly to: string;
  readonly income: StatementSection;
  readonly expenses: StatementSection;
  readonly netIncome: readonly Money[];
}

/** Input of `incomeStatement`. */
export const IncomeStatementQuerySchema = z.object({ entityId: IdSchema, from: IsoDateSchema, to: IsoDateSchema });
/** Input of `incomeStatement`. */
export type IncomeStatementQuery = z.input<typeof IncomeStatementQuerySchema>;

/**
 * An entity's income and expenses between two dates (inclusive).
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.createEntity({ id: 'studio', kind: 'single_member_llc', name: 'Ana Studio LLC', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '1' }] });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.applyChartTemplate({ entityId: 'studio', template: 'single_member_llc', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay', date: '2026-01-01', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '20000.00' }, { accountId: 'ana:salary', amount: '-20000.00' }] });
 * await ledger.recordFlow({
 *   id: 'capital-1', kind: 'equity_contribution', date: '2026-01-02', amount: '5000.00',
 *   from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'studio', accountId: 'studio:checking' },
 *   purpose: 'Initial capital', legalBasis: 'Operating agreement s. 4.1', authorizedBy: 'Ana Diaz, sole member',
 * });
 * await ledger.postEntry({ id: 'bill-1', date: '2026-01-05', description: 'Design software', postings: [{ accountId: 'studio:software', amount: '250.00' }, { accountId: 'studio:checking', amount: '-250.00' }] });
 * const statement = await ledger.incomeStatement({ entityId: 'studio', from: '2026-01-01', to: '2026-01-31' });
 * statement.netIncome.map(String); //=> ['-250.00']
 * ```
 */
export async function incomeStatement(context: LedgerContext, query: IncomeStatementQuery): Promise<IncomeStatement> {
  const { entityId, from, to } = parseInput(IncomeStatementQuerySchema, query, 'income statement query');
  if (from > to) throw new KronosError('INVALID_INPUT', `The period starts (${from}) after it ends (${to}): swap the dates.`, { from, to });
  const dayBefore = format(subDays(parseISO(from), 1), 'yyyy-MM-dd');
  return context.store.transact(
    async (tx) => {
      const atEnd = await loadBalances(tx, entityId, to);
      const atStart = await tx.getBalancesAsOf(atEnd.map(({ account }) => account.id), dayBefore, false);
      const items = atEnd.map(({ account, amount }, index) => ({ account, amount: amount - atStart[index]! }));
      return { entityId, from, to, income: section(items, 'income'), expenses: section(items, 'expense'), netIncome: earnings(items) };
    },
    { readOnly: true },
  );
}

/** One account's line in a trial balance; `balance` is debit-positive. */
export interface TrialBalanceLine {
  readonly accountId: string;
  readonly entityId: string;
  readonly name: string;
  readonly type: AccountType;
  readonly debit: Money;
  readonly credit: Money;
}

/** A trial balance: debits and credits per currency, equal when the books balance. */
export interface TrialBalance {
  readonly asOf: string | null;
  readonly lines: readonly TrialBalanceLine[];
  readonly debits: readonly Money[];
  readonly credits: readonly Money[];
  readonly balanced: boolean;
}

/** Input of `trialBalance`: one entity, or every entity when omitted. */
export const TrialBalanceQuerySchema = z.object({ entityId: IdSchema.optional(), asOf: IsoDateSchema.optional() });
/** Input of `trialBalance`. */
export type TrialBalanceQuery = z.input<typeof TrialBalanceQuerySchema>;

/**
 * The trial balance of one entity (or all), as of a day or of everything posted.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * const trial = await ledger.trialBalance({ entityId: 'ana' });
 * trial.balanced; //=> true
 * trial.debits.map(String); //=> ['5000.00']
 * ```
 */
export async function trialBalance(context: LedgerContext, query: TrialBalanceQuery = {}): Promise<TrialBalance> {
  const { entityId, asOf } = parseInput(TrialBalanceQuerySchema, query, 'trial balance query');
  return context.store.transact(
    async (tx) => {
      const entityIds = entityId !== undefined ? [entityId] : (await tx.listEntities()).map((entity) => entity.id);
      const items: { account: AccountRecord; amount: bigint }[] = [];
      for (const id of entityIds) items.push(...(await loadBalances(tx, id, asOf ?? null)));
      const lines = items.map(({ account, amount }) => ({
        accountId: account.id,
        entityId: account.entityId,
        name: account.name,
        type: account.type,
        debit: Money.fromMinorUnits(amount > 0n ? amount : 0n, unitOf(account)),
        credit: Money.fromMinorUnits(amount < 0n ? -amount : 0n, unitOf(account)),
      }));
      const debits = totalsByCurrency(items.map(({ account, amount }) => ({ account, amount: amount > 0n ? amount : 0n })));
      const credits = totalsByCurrency(items.map(({ account, amount }) => ({ account, amount: amount < 0n ? -amount : 0n })));
      return { asOf: asOf ?? null, lines, debits, credits, balanced: debits.every((debit, index) => debit.equals(credits[index]!)) };
    },
    { readOnly: true },
  );
}
