/**
 * Test support (not part of the package's API): a multi-entity ledger with
 * everything an export must carry, and the ledger's own balances to compare
 * an exported file against.
 */
import type { Ledger } from '../../ledger/create-ledger.js';
import { createMemoryStore } from '../../store/memory-store.js';
import { createTestLedger, seedPersonAndLlc } from '../../testing/fixtures.js';

/**
 * Ana and her LLC (`seedPersonAndLlc`) over three months: salary, an equity
 * contribution, an owner draw, a loan and its reversal, an expense paid on
 * the LLC's behalf and its reimbursement, a reversed plain entry, a pending
 * entry, a voided one, a pending one later posted, EUR savings, a share
 * position (`BRK.B`, 6 decimals), a parent account posted to as well as its
 * child, a closed account, and descriptions, names and metadata with quotes,
 * semicolons, line breaks and non-ASCII text.
 */
export async function createRichLedger(): Promise<Ledger> {
  const ledger = createTestLedger(createMemoryStore());
  await seedPersonAndLlc(ledger);
  await ledger.openAccounts([
    { id: 'ana:eur', entityId: 'ana', name: 'Assets:Bank:Savings EUR', subtype: 'savings', currency: 'EUR', openedOn: '2026-01-01' },
    { id: 'ana:opening-eur', entityId: 'ana', name: 'Equity:Opening Balances:EUR', subtype: 'opening_balance', currency: 'EUR', openedOn: '2026-01-01' },
    { id: 'ana:brk', entityId: 'ana', name: 'Assets:Investments:Brokerage:BRK.B', subtype: 'brokerage', currency: { code: 'BRK.B', scale: 6 }, openedOn: '2026-01-01' },
    { id: 'ana:opening-brk', entityId: 'ana', name: 'Equity:Opening Balances:Shares', subtype: 'opening_balance', currency: { code: 'BRK.B', scale: 6 }, openedOn: '2026-01-01' },
    { id: 'ana:bank', entityId: 'ana', name: 'Assets:Bank', subtype: 'other', currency: 'USD', openedOn: '2026-01-01' },
    { id: 'ana:meals', entityId: 'ana', name: 'Expenses:Meals; "Client"  dinners', subtype: 'general', currency: 'USD', openedOn: '2026-01-01' },
    { id: 'ana:cafe', entityId: 'ana', name: 'Expenses:Café Crème', subtype: 'general', currency: 'USD', openedOn: '2026-01-01' },
    { id: 'ana:wallet', entityId: 'ana', name: 'Assets:Old Wallet', subtype: 'cash', currency: 'USD', openedOn: '2026-01-01' },
  ]);
  const post = (id: string, date: string, description: string, postings: [string, string][], metadata: Record<string, string | number | string[]> = {}) =>
    ledger.postEntry({ id, date, description, metadata, postings: postings.map(([accountId, amount]) => ({ accountId, amount })) });
  await post('salary-jan', '2026-01-02', 'Salary; January "base"', [['ana:checking', '8000.00'], ['ana:salary', '-8000.00']], { source: 'payroll; import', lines: ['a, b', 'c'] });
  await post('eur-open', '2026-01-02', 'EUR savings opened', [['ana:eur', '2500.50'], ['ana:opening-eur', '-2500.50']]);
  await post('brk-open', '2026-01-03', 'Shares transferred in', [['ana:brk', '10.125000'], ['ana:opening-brk', '-10.125000']]);
  await post('bank-misc', '2026-01-04', 'Bank parent account', [['ana:bank', '50.00'], ['ana:checking', '-50.00']]);
  await post('lunch', '2026-01-05', 'Café — “naïve” ☕\nsecond line\ttab \\ backslash', [['ana:cafe', '12.40'], ['ana:checking', '-12.40']]);
  await post('dinner', '2026-01-06', 'Dinner; client "Acme", table 4', [['ana:meals', '88.10'], ['ana:checking', '-88.10']]);
  await post('wallet-in', '2026-01-07', 'Cash to the old wallet', [['ana:wallet', '100.00'], ['ana:checking', '-100.00']]);
  await post('wallet-out', '2026-01-20', 'Cash back', [['ana:checking', '100.00'], ['ana:wallet', '-100.00']]);
  await ledger.closeAccount({ accountId: 'ana:wallet', closedOn: '2026-01-20' });
  const document = { legalBasis: 'Operating agreement s. 4.1', authorizedBy: 'Ana Diaz, sole member' };
  await ledger.recordFlow({ id: 'capital-1', kind: 'equity_contribution', date: '2026-01-10', amount: '5000.00', from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'llc', accountId: 'llc:checking' }, purpose: 'Initial capital', ...document });
  await post('sale-1', '2026-01-15', 'Logo design', [['llc:checking', '1800.00'], ['llc:revenue', '-1800.00']]);
  await post('soft-1', '2026-01-16', 'Design "Pro"; annual', [['llc:software', '240.00'], ['llc:checking', '-240.00']]);
  await ledger.recordFlow({ id: 'loan-1', kind: 'loan', date: '2026-02-01', amount: '700.00', from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'llc', accountId: 'llc:checking' }, purpose: 'Working capital', ...document });
  await ledger.reverseFlow({ id: 'loan-1-rev', flowId: 'loan-1', reason: 'Sent twice', date: '2026-02-03' });
  await ledger.recordFlow({ id: 'behalf-1', kind: 'expense_paid_on_behalf', date: '2026-02-05', amount: '120.00', from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'llc', accountId: 'llc:software' }, purpose: 'Font licence', ...document });
  await ledger.recordFlow({ id: 'reimb-1', kind: 'reimbursement', date: '2026-02-20', amount: '120.00', from: { entityId: 'llc', accountId: 'llc:checking' }, to: { entityId: 'ana', accountId: 'ana:checking' }, purpose: 'Font licence', ...document });
  await ledger.recordFlow({ id: 'draw-1', kind: 'owner_draw', date: '2026-02-28', amount: '1000.00', from: { entityId: 'llc', accountId: 'llc:checking' }, to: { entityId: 'ana', accountId: 'ana:checking' }, purpose: 'February draw', ...document });
  await post('dup-1', '2026-03-02', 'Groceries', [['ana:groceries', '64.00'], ['ana:checking', '-64.00']]);
  await ledger.reverseEntry({ id: 'dup-1-rev', entryId: 'dup-1', description: 'Posted twice' });
  await post('salary-mar', '2026-03-02', 'Salary; March', [['ana:checking', '8000.00'], ['ana:salary', '-8000.00']]);
  const pending = (id: string, date: string, description: string, amount: string) =>
    ledger.createPending({ id, date, description, postings: [{ accountId: 'ana:housing', amount }, { accountId: 'ana:checking', amount: `-${amount}` }] });
  await pending('rent-mar', '2026-03-05', 'Rent; March (ACH on its way)', '1500.00');
  await pending('rent-void', '2026-03-06', 'Rent sent twice', '1500.00');
  await ledger.voidPending({ entryId: 'rent-void' });
  await pending('rent-feb', '2026-02-25', 'Rent; February', '1450.00');
  await ledger.postPending({ entryId: 'rent-feb' });
  return ledger;
}

/** `account id -> balance` over every account of every entity: posted only, or with pending holds. */
export async function ledgerBalances(ledger: Ledger, includePending: boolean): Promise<Map<string, { amount: string; code: string }>> {
  const balances = new Map<string, { amount: string; code: string }>();
  for (const entity of await ledger.listEntities()) {
    for (const account of await ledger.listAccounts(entity.id)) {
      const balance = await ledger.getBalance({ accountId: account.id, includePending });
      balances.set(account.id, { amount: balance.toString(), code: balance.currency.code });
    }
  }
  return balances;
}

/** Our balances keyed as a tool shows them: name in the file -> commodity -> amount, zero balances left out. */
export async function expectedToolBalances(ledger: Ledger, names: ReadonlyMap<string, string>, includePending: boolean, symbol: (code: string) => string): Promise<Record<string, Record<string, string>>> {
  const expected: Record<string, Record<string, string>> = {};
  for (const [accountId, { amount, code }] of await ledgerBalances(ledger, includePending)) {
    if (/^-?0(\.0*)?$/.test(amount)) continue;
    (expected[names.get(accountId)!] ??= {})[symbol(code)] = amount;
  }
  return expected;
}
