import { z } from 'zod';
import { IdSchema, parseInput } from '../_internal/schemas.js';
import { unitOf } from '../accounts/account-view.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { KronosError } from '../errors/index.js';
import { toEntry, type Entry } from '../journal/entry-view.js';
import { loadAccounts } from '../journal/write-entries.js';
import type { LedgerContext } from '../ledger/context.js';
import { Money } from '../money/money.js';
import type { AccountRecord, EntityRecord, LedgerTx } from '../ports/ledger-store.js';
import { toFlow, type Flow } from './record-flow.js';

/** Most journal pages the veil report reads per entity (each `veilPageSize` entries). */
export const veilPagesMax = 10_000;
const veilPageSize = 1000;

/** Input of `veilReport`: a period (inclusive) and optionally which entities. */
export const VeilReportQuerySchema = z.object({ from: IsoDateSchema, to: IsoDateSchema, entityIds: z.array(IdSchema).max(1000).optional() });
/** Input of `veilReport`. */
export type VeilReportQuery = z.input<typeof VeilReportQuerySchema>;

/** One direction of an intercompany relationship and whether the other side's books mirror it. */
export interface IntercompanyBalance {
  readonly entityId: string;
  readonly counterpartyId: string;
  /** What `entityId` is owed by the counterparty, net (due-from minus due-to), as of the period end. */
  readonly receivable: Money;
  /** What the counterparty's books say it owes `entityId`, net (its due-to minus due-from). */
  readonly counterpartyPayable: Money;
  readonly mirrors: boolean;
}

/** An entry whose postings reach into another entity's books. */
export interface MixedEntry {
  readonly entryId: string;
  readonly entityId: string;
  readonly foreignEntityIds: readonly string[];
}

/** Evidence that each entity's books stand apart: flows with documents, mirrored intercompany balances, no mixed entries. */
export interface VeilReport {
  readonly from: string;
  readonly to: string;
  readonly entityIds: readonly string[];
  readonly flows: readonly { readonly flow: Flow; readonly entries: readonly Entry[]; readonly documented: boolean }[];
  readonly intercompany: readonly IntercompanyBalance[];
  readonly mixedEntries: readonly MixedEntry[];
  readonly entriesChecked: number;
  /** True when every flow has its two entries and document, every balance mirrors and no entry mixes entities. */
  readonly ok: boolean;
}

async function intercompanyBalances(tx: LedgerTx, entities: readonly EntityRecord[], asOf: string): Promise<IntercompanyBalance[]> {
  const linked: AccountRecord[] = [];
  for (const entity of entities) {
    for (const account of await tx.listAccounts(entity.id)) if ((account.subtype === 'due_from' || account.subtype === 'due_to') && account.counterpartyId !== null) linked.push(account);
  }
  const balances = await tx.getBalancesAsOf(linked.map((account) => account.id), asOf, false);
  // Net claim of entity on counterparty per currency: due-from (asset) minus due-to (liability) = raw sum of both.
  const net = new Map<string, { amount: bigint; account: AccountRecord }>();
  linked.forEach((account, index) => {
    const key = JSON.stringify([account.entityId, account.counterpartyId, account.currency, account.scale]);
    const seen = net.get(key);
    net.set(key, { account, amount: (seen?.amount ?? 0n) + balances[index]! });
  });
  const inScope = new Set(entities.map((entity) => entity.id));
  const result: IntercompanyBalance[] = [];
  for (const [key, { amount, account }] of net) {
    const [entityId, counterpartyId, code, scale] = JSON.parse(key) as [string, string, string, number];
    if (!inScope.has(counterpartyId)) continue;
    const mirror = net.get(JSON.stringify([counterpartyId, entityId, code, scale]))?.amount ?? 0n;
    result.push({ entityId, counterpartyId, receivable: Money.fromMinorUnits(amount, unitOf(account)), counterpartyPayable: Money.fromMinorUnits(-mirror, unitOf(account)), mirrors: amount === -mirror });
  }
  return result;
}

async function findMixedEntries(tx: LedgerTx, entityIds: readonly string[], from: string, to: string): Promise<{ mixed: MixedEntry[]; checked: number }> {
  const mixed: MixedEntry[] = [];
  let checked = 0;
  for (const entityId of entityIds) {
    let afterSeq = 0;
    for (let page = 0; page < veilPagesMax; page++) {
      const entries = await tx.listEntries({ entityId, dateFrom: from, dateTo: to, afterSeq, limit: veilPageSize });
      const accounts = await loadAccounts(tx, entries.flatMap((entry) => entry.postings.map((posting) => posting.accountId)));
      for (const entry of entries) {
        const foreign = [...new Set(entry.postings.map((posting) => accounts.get(posting.accountId)?.entityId ?? '?'))].filter((id) => id !== entry.entityId);
        if (foreign.length > 0) mixed.push({ entryId: entry.id, entityId, foreignEntityIds: foreign });
      }
      checked += entries.length;
      if (entries.length < veilPageSize) break;
      afterSeq = entries[entries.length - 1]!.seq;
    }
  }
  return { mixed, checked };
}

/**
 * The veil report for a period: every inter-entity flow with its document
 * and both entries, the intercompany balances of each pair with whether the
 * two sets of books mirror each other, and any entry that mixes entities.
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
 * const report = await ledger.veilReport({ from: '2026-01-01', to: '2026-01-31' });
 * report.ok; //=> true
 * report.flows.map((item) => item.flow.kind); //=> ['equity_contribution']
 * ```
 */
export async function veilReport(context: LedgerContext, query: VeilReportQuery): Promise<VeilReport> {
  const { from, to, entityIds } = parseInput(VeilReportQuerySchema, query, 'veil report query');
  if (from > to) throw new KronosError('INVALID_INPUT', `The period starts (${from}) after it ends (${to}): swap the dates.`, { from, to });
  return context.store.transact(
    async (tx) => {
      const all = await tx.listEntities();
      const entities = entityIds === undefined ? all : all.filter((entity) => entityIds.includes(entity.id));
      const scope = new Set(entities.map((entity) => entity.id));
      const flowRecords = (await tx.listFlows({ dateFrom: from, dateTo: to })).filter((flow) => scope.has(flow.fromEntityId) || scope.has(flow.toEntityId));
      const flows = [];
      for (const record of flowRecords) {
        const entries = (await tx.getEntries(record.entryIds)).filter((entry) => entry !== undefined);
        const accounts = await loadAccounts(tx, entries.flatMap((entry) => entry.postings.map((posting) => posting.accountId)));
        const documented = entries.length === 2 && entries.every((entry) => entry.flowId === record.id && entry.status === 'posted') && [record.purpose, record.legalBasis, record.authorizedBy].every((text) => text.length > 0);
        flows.push({ flow: toFlow(record), entries: entries.map((entry) => toEntry(entry, accounts)), documented });
      }
      const intercompany = await intercompanyBalances(tx, entities, to);
      const { mixed, checked } = await findMixedEntries(tx, [...scope], from, to);
      const ok = flows.every((flow) => flow.documented) && intercompany.every((balance) => balance.mirrors) && mixed.length === 0;
      return { from, to, entityIds: [...scope], flows, intercompany, mixedEntries: mixed, entriesChecked: checked, ok };
    },
    { readOnly: true },
  );
}
