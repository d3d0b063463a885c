import { z } from 'zod';
import { IdSchema } from '../_internal/schemas.js';
import type { Account } from '../accounts/account-view.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import type { Entity } from '../entities/create-entity.js';
import { KronosError } from '../errors/index.js';
import type { Entry } from '../journal/entry-view.js';
import type { Ledger } from '../ledger/create-ledger.js';
import { pageSizeMax } from '../queries/list-journal.js';
import { AssertionModeSchema } from './balance-checkpoints.js';
import { compare } from './names.js';

/** How many entities one export may name. */
export const exportEntitiesMax = 1000;

/** What every journal export reads: which entities, through which day, how many entries a page. */
export const JournalExportBaseSchema = z.object({
  /** Only these entities' books (default: every entity, in one file). */
  entityIds: z.array(IdSchema).min(1).max(exportEntitiesMax).optional(),
  /** Entries dated on or before this day (default: all). */
  to: IsoDateSchema.optional(),
  /** Entries read per page of the journal, and so per chunk of output. */
  pageSize: z.number().int().min(1).max(pageSizeMax).default(pageSizeMax),
});
/** Parsed options every journal export shares. */
export type JournalExportBase = z.output<typeof JournalExportBaseSchema>;

/** Options of the hledger and Beancount exports. */
export const ExportOptionsSchema = JournalExportBaseSchema.extend({
  /** Balance assertions from the ledger's own balances: `'monthly'` (default), `'end'` or `'none'`. */
  assertions: AssertionModeSchema.default('monthly'),
});
/** Options of `exportHledger` / `exportBeancount` (and their `stream` forms). */
export type ExportOptions = z.input<typeof ExportOptionsSchema>;

/** Joins the chunks of an export. */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts.join('');
}

/** The entities and accounts an export covers, sorted by entity id then account name. */
export interface Books {
  readonly entities: readonly Entity[];
  readonly accounts: readonly Account[];
  readonly accountsById: ReadonlyMap<string, Account>;
}

/** Reads the entities (all, or those named; unknown ids are NOT_FOUND) and their accounts. */
export async function readBooks(ledger: Ledger, entityIds: readonly string[] | undefined): Promise<Books> {
  const entities = entityIds === undefined ? await ledger.listEntities() : await Promise.all([...new Set(entityIds)].map((id) => ledger.getEntity(id)));
  const sorted = [...entities].sort((a, b) => compare(a.id, b.id));
  const accounts: Account[] = [];
  for (const entity of sorted) accounts.push(...[...(await ledger.listAccounts(entity.id))].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id)));
  return { entities: sorted, accounts, accountsById: new Map(accounts.map((account) => [account.id, account])) };
}

/**
 * The journal a page at a time, in the order entries were written (entity by
 * entity when entities are named), voided entries left out unless asked for.
 */
export async function* readEntries(ledger: Ledger, options: JournalExportBase, includeVoided = false): AsyncGenerator<readonly Entry[]> {
  const scopes: readonly (string | undefined)[] = options.entityIds === undefined ? [undefined] : [...new Set(options.entityIds)].sort(compare);
  for (const entityId of scopes) {
    let cursor: string | undefined;
    do {
      const page = await ledger.listJournal({
        ...(entityId === undefined ? {} : { entityId }),
        ...(options.to === undefined ? {} : { to: options.to }),
        ...(cursor === undefined ? {} : { cursor }),
        pageSize: options.pageSize,
      });
      const entries = includeVoided ? page.entries : page.entries.filter((entry) => entry.status !== 'voided');
      if (entries.length > 0) yield entries;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }
}

/** The account a posting names, or INVALID_STATE when it was opened after the export read the accounts. */
export function postingAccount(books: Books, entry: Entry, accountId: string): Account {
  const account = books.accountsById.get(accountId);
  if (account === undefined) {
    throw new KronosError('INVALID_STATE', `Entry '${entry.id}' posts to account '${accountId}', which the export did not see when it started: the ledger changed during the export; export again.`, {
      entryId: entry.id,
      accountId,
    });
  }
  return account;
}
