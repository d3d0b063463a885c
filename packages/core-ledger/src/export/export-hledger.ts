import { canonicalJson } from '../_internal/canonical.js';
import { parseInput } from '../_internal/schemas.js';
import type { Account } from '../accounts/account-view.js';
import type { Entry } from '../journal/entry-view.js';
import type { Ledger } from '../ledger/create-ledger.js';
import type { Currency } from '../money/currency.js';
import type { AccountType } from '../ports/ledger-store.js';
import { balancesAt, createActivity } from './balance-checkpoints.js';
import { uniqueNames, unitKey, unitsOf } from './names.js';
import { collect, ExportOptionsSchema, postingAccount, readBooks, readEntries, type Books, type ExportOptions } from './read-books.js';

const hledgerTypes: Readonly<Record<AccountType, string>> = { asset: 'A', liability: 'L', equity: 'E', income: 'R', expense: 'X' };

/** The hledger names of the accounts: `<entity id>:<account name>`, whitespace runs as one space, collisions suffixed ` (2)`. */
function hledgerAccountNames(accounts: readonly Account[]): Map<string, string> {
  const names = uniqueNames(accounts, (account) => `${account.entityId}:${account.name.replace(/\s+/g, ' ')}`, (name, suffix) => `${name} (${suffix})`);
  return new Map(accounts.map((account, index) => [account.id, names[index]!]));
}

/** The hledger symbol of each unit: the code, double-quoted unless it is all letters; one code in two scales gets a suffix. */
function hledgerCommodities(units: readonly Currency[]): Map<string, string> {
  const symbols = uniqueNames(units, (unit) => unit.code, (code, suffix) => `${code}-${suffix}`);
  return new Map(units.map((unit, index) => [unitKey(unit), /^[A-Za-z]+$/.test(symbols[index]!) ? symbols[index]! : `"${symbols[index]!}"`]));
}

/** Free text on one hledger line: no line breaks or tabs, and `;` (which would start a comment) as the full-width `；`. */
function hledgerText(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/;/g, '\uFF1B');
}

interface HledgerNames {
  readonly accounts: ReadonlyMap<string, string>;
  readonly commodities: ReadonlyMap<string, string>;
}

function header(books: Books, names: HledgerNames, units: readonly Currency[]): string {
  const lines = ['; Kronos ledger as an hledger journal: one file for every entity, account names prefixed by the entity id.', 'decimal-mark .', ''];
  for (const unit of units) lines.push(`commodity ${unit.scale === 0 ? '1000.' : `1000.${'0'.repeat(unit.scale)}`} ${names.commodities.get(unitKey(unit))!}`);
  lines.push('');
  for (const account of books.accounts) {
    lines.push(`account ${names.accounts.get(account.id)!}  ; type: ${hledgerTypes[account.type]}`, `    ; account-id: ${account.id}`, `    ; subtype: ${account.subtype}`);
    if (account.closedOn !== null) lines.push(`    ; closed-on: ${account.closedOn}`);
  }
  return `${lines.join('\n')}\n\n`;
}

function hledgerEntry(entry: Entry, books: Books, names: HledgerNames): string {
  const lines = [`${entry.date} ${entry.status === 'posted' ? '*' : '!'} (${entry.id}) ${hledgerText(entry.description)}`, `    ; entity: ${entry.entityId}`];
  if (entry.flowId !== null) lines.push(`    ; flow: ${entry.flowId}`);
  if (entry.reversesId !== null) lines.push(`    ; reverses: ${entry.reversesId}`);
  if (entry.reversedById !== null) lines.push(`    ; reversed-by: ${entry.reversedById}`);
  if (Object.keys(entry.metadata).length > 0) lines.push(`    ; metadata: ${canonicalJson(entry.metadata)}`);
  for (const posting of entry.postings) {
    const account = postingAccount(books, entry, posting.accountId);
    lines.push(`    ${names.accounts.get(account.id)!}  ${posting.amount.toString()} ${names.commodities.get(unitKey(posting.amount.currency))!}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/**
 * The ledger as an hledger journal, a chunk at a time (a header, then one
 * chunk per page of the journal, then the balance assertions), for ledgers
 * too large to hold as one string.
 *
 * One file holds every entity: account names are prefixed by the entity id
 * (`ana-llc:Assets:Bank:Checking`) and declared with their type, every
 * commodity is declared with its scale, so `hledger check -s` passes.
 * Posted entries are cleared (`*`), pending ones pending (`!`), voided ones
 * left out. The entry id is the transaction code; entity, flow, reversal
 * links and metadata (canonical JSON) are tags. Balance assertions are
 * zero-amount postings (`0 USD = 3800.00 USD`) in transactions dated at each
 * checkpoint, with the ledger's own balances (pending included, as hledger
 * counts them).
 *
 * @throws KronosError `INVALID_INPUT` (options), `NOT_FOUND` (an entity named in `entityIds`)
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * const chunks: string[] = [];
 * for await (const chunk of streamHledger(ledger, { pageSize: 100 })) chunks.push(chunk);
 * chunks.length; //=> 3
 * chunks[1]?.split('\n')[0]; //=> '2026-01-15 * (pay-1) Salary'
 * ```
 */
export async function* streamHledger(ledger: Ledger, options: ExportOptions = {}): AsyncGenerator<string, void, undefined> {
  const parsed = parseInput(ExportOptionsSchema, options, 'hledger export options');
  const books = await readBooks(ledger, parsed.entityIds);
  const units = unitsOf(books.accounts);
  const names: HledgerNames = { accounts: hledgerAccountNames(books.accounts), commodities: hledgerCommodities(units) };
  yield header(books, names, units);
  const activity = createActivity();
  for await (const entries of readEntries(ledger, parsed)) {
    yield entries.map((entry) => (activity.note(entry), hledgerEntry(entry, books, names))).join('');
  }
  for (const checkpoint of activity.checkpoints(parsed.assertions, parsed.to, books.accountsById)) {
    const balances = await balancesAt(ledger, checkpoint.accountIds, checkpoint.date);
    const lines = [`${checkpoint.date} Balance assertions`];
    for (const [accountId, balance] of balances) {
      const symbol = names.commodities.get(unitKey(balance.currency))!;
      lines.push(`    ${names.accounts.get(accountId)!}  0 ${symbol} = ${balance.toString()} ${symbol}`);
    }
    yield `${lines.join('\n')}\n\n`;
  }
}

/**
 * The ledger as one hledger journal string (see `streamHledger` for the
 * layout). Passes `hledger check -s`, and `hledger bal` shows the ledger's
 * balances (`-C` for posted entries only).
 *
 * @throws KronosError `INVALID_INPUT` (options), `NOT_FOUND` (an entity named in `entityIds`)
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * await ledger.postEntry({ id: 'rent-1', date: '2026-01-20', description: 'Rent; January', postings: [{ accountId: 'ana:housing', amount: '1200.00' }, { accountId: 'ana:checking', amount: '-1200.00' }] });
 * const journal = await exportHledger(ledger, { assertions: 'end' });
 * journal.includes('2026-01-20 * (rent-1) Rent； January'); //=> true
 * journal.includes('    ana:Assets:Bank:Checking  0 USD = 3800.00 USD'); //=> true
 * ```
 */
export async function exportHledger(ledger: Ledger, options: ExportOptions = {}): Promise<string> {
  return collect(streamHledger(ledger, options));
}
