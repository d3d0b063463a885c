import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../ledger/create-ledger.js';
import { failureCode, snapshotLedger } from '../testing/fixtures.js';
import { exportJournalCsv, journalCsvColumns, streamJournalCsv } from './export-journal-csv.js';
import { createRichLedger } from './test/rich-ledger.js';
import { buildRandomLedger, randomLedgerArb } from './test/random-ledger.js';

type Row = Omit<Record<(typeof journalCsvColumns)[number], string>, 'metadata'> & { metadata: unknown };

/** Every posting of the journal as the ledger lists it, in CSV's shape. */
async function journalPostings(ledger: Ledger, includeVoided: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  do {
    const page = await ledger.listJournal({ pageSize: 50, ...(cursor === undefined ? {} : { cursor }) });
    for (const entry of page.entries) {
      if (entry.status === 'voided' && !includeVoided) continue;
      for (const posting of entry.postings) {
        const account = await ledger.getAccount(posting.accountId);
        rows.push({
          entry_id: entry.id,
          date: entry.date,
          status: entry.status,
          entity_id: entry.entityId,
          account_id: account.id,
          account_name: account.name,
          amount: posting.amount.toString(),
          currency: posting.amount.currency.code,
          description: entry.description,
          flow_id: entry.flowId ?? '',
          reverses_id: entry.reversesId ?? '',
          reversed_by_id: entry.reversedById ?? '',
          metadata: entry.metadata,
        });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return rows;
}

/** The CSV's rows, metadata read back from its JSON (an empty cell is no metadata). */
function readCsv(csv: string): Row[] {
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  return rows.map((row) => ({ ...row, metadata: row['metadata'] === '' ? {} : JSON.parse(row['metadata']!) }) as Row);
}

describe('exportJournalCsv', () => {
  it('writes one row per posting that csv-parse reads back to the same postings, quotes, semicolons and line breaks included', async () => {
    const ledger = await createRichLedger();
    const csv = await exportJournalCsv(ledger);
    expect(csv.split('\r\n')[0]).toBe(journalCsvColumns.join(','));
    expect(readCsv(csv)).toEqual(await journalPostings(ledger, false));
    expect(csv).toContain('lunch,2026-01-05,posted,ana,ana:cafe,Expenses:Café Crème,12.40,USD,"Café — “naïve” ☕\nsecond line\ttab \\ backslash",,,,\r\n');
    expect(csv).toContain(',ana:meals,"Expenses:Meals; ""Client""  dinners",88.10,USD,"Dinner; client ""Acme"", table 4",,,,\r\n');
    expect(csv).toContain('loan-1-rev/to,2026-02-03,posted,llc,llc:checking,Assets:Bank:Checking,-700.00,USD,Reversal of flow loan-1: Sent twice,loan-1,loan-1/to,,\r\n');
    expect(csv).toContain('rent-mar,2026-03-05,pending,');
    expect(csv).not.toContain('rent-void');
  });

  it('adds voided entries, marked so, only when asked', async () => {
    const ledger = await createRichLedger();
    const rows = readCsv(await exportJournalCsv(ledger, { includeVoided: true }));
    expect(rows.filter((row) => row.entry_id === 'rent-void').map((row) => row.status)).toEqual(['voided', 'voided']);
    expect(rows).toEqual(await journalPostings(ledger, true));
  });

  it('streams a header chunk then one chunk per page', async () => {
    const ledger = await createRichLedger();
    const chunks: string[] = [];
    for await (const chunk of streamJournalCsv(ledger, { pageSize: 5 })) chunks.push(chunk);
    expect(chunks.join('')).toBe(await exportJournalCsv(ledger));
    expect(chunks[0]).toBe(`${journalCsvColumns.join(',')}\r\n`);
    const entries = new Set(readCsv(chunks.join('')).map((row) => row.entry_id)).size;
    expect(chunks.length).toBeGreaterThanOrEqual(1 + Math.ceil(entries / 5));
  });

  it('writes nothing to the ledger and refuses bad options', async () => {
    const ledger = await createRichLedger();
    const before = await snapshotLedger(ledger);
    expect(await failureCode(() => exportJournalCsv(ledger, { includeVoided: 'yes' as unknown as boolean }))).toBe('INVALID_INPUT');
    expect(await failureCode(() => exportJournalCsv(ledger, { entityIds: [] }))).toBe('INVALID_INPUT');
    await exportJournalCsv(ledger, { entityIds: ['llc'], to: '2026-01-31' });
    expect(await snapshotLedger(ledger)).toEqual(before);
  });

  describe('properties', () => {
    it('round-trips: parsing the CSV back gives exactly the journal postings', async () => {
      await fc.assert(
        fc.asyncProperty(randomLedgerArb, fc.boolean(), async (plan, includeVoided) => {
          const ledger = await buildRandomLedger(plan);
          expect(readCsv(await exportJournalCsv(ledger, { includeVoided, pageSize: 4 }))).toEqual(await journalPostings(ledger, includeVoided));
        }),
        { numRuns: 40 },
      );
    });
  });
});
