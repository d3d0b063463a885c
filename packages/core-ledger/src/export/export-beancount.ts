import { addDays, format, parseISO } from 'date-fns';
import { canonicalJson } from '../_internal/canonical.js';
import { formatMinorUnits } from '../_internal/amount.js';
import { parseInput } from '../_internal/schemas.js';
import type { Account } from '../accounts/account-view.js';
import type { Entry } from '../journal/entry-view.js';
import type { Ledger } from '../ledger/create-ledger.js';
import type { Currency } from '../money/currency.js';
import type { Money } from '../money/money.js';
import { balancesAt, createActivity, type Checkpoint } from './balance-checkpoints.js';
import { compare, splitName, uniqueNames, unitKey, unitsOf } from './names.js';
import { collect, ExportOptionsSchema, postingAccount, readBooks, readEntries, type Books, type ExportOptions } from './read-books.js';

/**
 * One Beancount account component from free text: words (letters and digits
 * of any script) each starting with a capital, joined (`Due From` ->
 * `DueFrom`, `ana-llc` -> `AnaLlc`); apostrophes dropped; `X` when nothing is left.
 */
export function beancountComponent(text: string): string {
  const words = text.replace(/['\u2019]/g, '').split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  const joined = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return joined === '' ? 'X' : joined;
}

/**
 * A Beancount commodity from a code: upper case, characters outside
 * `A-Z 0-9 ' . _ -` as `-`, starting with a letter and ending with a letter
 * or digit (an `X` is added where needed), 2 to 24 characters.
 *
 * @example
 * ```ts
 * beancountCommodity('brk.b'); //=> 'BRK.B'
 * beancountCommodity('V'); //=> 'VX'
 * beancountCommodity('2024/bond'); //=> 'X2024-BOND'
 * ```
 */
export function beancountCommodity(code: string): string {
  let symbol = code.toUpperCase().replace(/[^A-Z0-9'._-]/g, '-');
  if (!/^[A-Z]/.test(symbol)) symbol = `X${symbol}`;
  symbol = symbol.slice(0, 24);
  if (!/[A-Z0-9]$/.test(symbol)) symbol = `${symbol.slice(0, 23)}X`;
  return symbol.length < 2 ? `${symbol}X` : symbol;
}

/** A Beancount string literal: backslash, quote and line breaks escaped; everything else (unicode, `;`) as is. */
function beancountString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

interface BeancountNames {
  readonly accounts: ReadonlyMap<string, string>;
  readonly commodities: ReadonlyMap<string, string>;
}

function beancountNames(accounts: readonly Account[], units: readonly Currency[]): BeancountNames {
  const accountNames = uniqueNames(
    accounts,
    (account) => {
      const { root, rest } = splitName(account.name);
      return [root, beancountComponent(account.entityId), ...rest.map(beancountComponent)].join(':');
    },
    (name, suffix) => `${name}-${suffix}`,
  );
  const symbols = uniqueNames(units, (unit) => beancountCommodity(unit.code), (symbol, suffix) => `${symbol.slice(0, 23 - String(suffix).length)}-${suffix}`);
  return {
    accounts: new Map(accounts.map((account, index) => [account.id, accountNames[index]!])),
    commodities: new Map(units.map((unit, index) => [unitKey(unit), symbols[index]!])),
  };
}

function nextDay(date: string): string {
  return format(addDays(parseISO(date), 1), 'yyyy-MM-dd');
}

function header(books: Books, names: BeancountNames, units: readonly Currency[]): string {
  const lines = ['; Kronos ledger as a Beancount file: one file for every entity, the entity as the second account component.', ''];
  for (const unit of units) {
    const since = books.accounts.filter((account) => unitKey(account.currency) === unitKey(unit)).reduce((first, account) => (account.openedOn < first ? account.openedOn : first), '9999-12-31');
    lines.push(`${since} commodity ${names.commodities.get(unitKey(unit))!}`, `  code: ${beancountString(unit.code)}`, `  scale: ${unit.scale}`);
  }
  lines.push('');
  for (const account of books.accounts) {
    const name = names.accounts.get(account.id)!;
    lines.push(
      `${account.openedOn} open ${name} ${names.commodities.get(unitKey(account.currency))!} "STRICT"`,
      `  account-id: ${beancountString(account.id)}`,
      `  account-name: ${beancountString(account.name)}`,
      `  entity-id: ${beancountString(account.entityId)}`,
      `  subtype: ${beancountString(account.subtype)}`,
    );
    // Postings may fall on the closing day itself; Beancount refuses postings on or after a close.
    if (account.closedOn !== null) lines.push(`${nextDay(account.closedOn)} close ${name}`);
  }
  return `${lines.join('\n')}\n\n`;
}

function beancountEntry(entry: Entry, books: Books, names: BeancountNames): string {
  const lines = [`${entry.date} ${entry.status === 'posted' ? '*' : '!'} ${beancountString(entry.description)}`, `  entry-id: ${beancountString(entry.id)}`, `  entity-id: ${beancountString(entry.entityId)}`];
  if (entry.flowId !== null) lines.push(`  flow-id: ${beancountString(entry.flowId)}`);
  if (entry.reversesId !== null) lines.push(`  reverses-id: ${beancountString(entry.reversesId)}`);
  if (entry.reversedById !== null) lines.push(`  reversed-by-id: ${beancountString(entry.reversedById)}`);
  if (Object.keys(entry.metadata).length > 0) lines.push(`  metadata: ${beancountString(canonicalJson(entry.metadata))}`);
  for (const posting of entry.postings) {
    const account = postingAccount(books, entry, posting.accountId);
    lines.push(`  ${names.accounts.get(account.id)!}  ${posting.amount.toString()} ${names.commodities.get(unitKey(posting.amount.currency))!}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/**
 * Beancount's `balance` covers the account and every account below it: the
 * accounts whose balances in the same unit add up to what it checks.
 */
function subtrees(books: Books, names: BeancountNames): (account: Account) => readonly Account[] {
  const cache = new Map<string, readonly Account[]>();
  return (account) => {
    let members = cache.get(account.id);
    if (members === undefined) {
      const name = names.accounts.get(account.id)!;
      members = books.accounts.filter((other) => unitKey(other.currency) === unitKey(account.currency) && (names.accounts.get(other.id) === name || names.accounts.get(other.id)!.startsWith(`${name}:`)));
      cache.set(account.id, members);
    }
    return members;
  };
}

async function assertionLines(ledger: Ledger, books: Books, names: BeancountNames, checkpoint: Checkpoint, subtreeOf: (account: Account) => readonly Account[]): Promise<string> {
  const asserted = checkpoint.accountIds.map((id) => books.accountsById.get(id)!);
  const needed = [...new Set(asserted.flatMap((account) => subtreeOf(account).map((member) => member.id)))].sort(compare);
  const balances: ReadonlyMap<string, Money> = await balancesAt(ledger, needed, checkpoint.date);
  const day = nextDay(checkpoint.date);
  const lines = asserted.map((account) => {
    const total = subtreeOf(account).reduce((sum, member) => sum + balances.get(member.id)!.toMinorUnits(), 0n);
    return `${day} balance ${names.accounts.get(account.id)!}  ${formatMinorUnits(total, account.currency.scale)} ~ 0 ${names.commodities.get(unitKey(account.currency))!}`;
  });
  return `${lines.join('\n')}\n\n`;
}

/**
 * The ledger as a Beancount file, a chunk at a time (a header, one chunk
 * per page of the journal, then the balance directives).
 *
 * One file holds every entity: the entity becomes the second component of
 * each account (`Assets:AnaLlc:Bank:Checking`); components are words of
 * letters and digits each starting with a capital (`beancountComponent`),
 * and two accounts that would share a name are told apart by a `-2` suffix
 * on the later one (by entity id, then name), so the mapping is one-to-one;
 * each `open` records the account's id and original name as metadata.
 * Commodities are mapped by `beancountCommodity` and record their code and
 * scale. Posted entries are `*`, pending `!`, voided ones left out; entry
 * id, entity, flow, reversal links and metadata (canonical JSON) are entry
 * metadata. `balance` directives (dated the day after each checkpoint, as
 * Beancount checks at the start of a day) carry the ledger's own balances,
 * summed over the account's subtree as Beancount does, with an explicit
 * `~ 0` tolerance.
 *
 * @throws KronosError `INVALID_INPUT` (options), `NOT_FOUND` (an entity named in `entityIds`)
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * const chunks: string[] = [];
 * for await (const chunk of streamBeancount(ledger)) chunks.push(chunk);
 * chunks[2]?.split('\n')[0]; //=> '2026-01-16 balance Assets:Ana:Bank:Checking  5000.00 ~ 0 USD'
 * ```
 */
export async function* streamBeancount(ledger: Ledger, options: ExportOptions = {}): AsyncGenerator<string, void, undefined> {
  const parsed = parseInput(ExportOptionsSchema, options, 'Beancount export options');
  const books = await readBooks(ledger, parsed.entityIds);
  const units = unitsOf(books.accounts);
  const names = beancountNames(books.accounts, units);
  yield header(books, names, units);
  const activity = createActivity();
  for await (const entries of readEntries(ledger, parsed)) {
    yield entries.map((entry) => (activity.note(entry), beancountEntry(entry, books, names))).join('');
  }
  const subtreeOf = subtrees(books, names);
  for (const checkpoint of activity.checkpoints(parsed.assertions, parsed.to, books.accountsById)) {
    yield await assertionLines(ledger, books, names, checkpoint, subtreeOf);
  }
}

/**
 * The ledger as one Beancount file string (see `streamBeancount` for the
 * layout); `bean-check` accepts it.
 *
 * @throws KronosError `INVALID_INPUT` (options), `NOT_FOUND` (an entity named in `entityIds`)
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary "January"', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * const file = await exportBeancount(ledger, { assertions: 'none' });
 * file.includes('2026-01-15 * "Salary \\"January\\""'); //=> true
 * file.includes('2026-01-01 open Assets:Ana:Bank:Checking USD "STRICT"'); //=> true
 * ```
 */
export async function exportBeancount(ledger: Ledger, options: ExportOptions = {}): Promise<string> {
  return collect(streamBeancount(ledger, options));
}
