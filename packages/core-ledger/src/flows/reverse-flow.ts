import { z } from 'zod';
import { IdSchema, TextSchema, parseInput } from '../_internal/schemas.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import type { Entry } from '../journal/entry-view.js';
import { writeReversals } from '../journal/reverse-entry.js';
import { notFound, runWrite, type LedgerContext, type WriteOptions } from '../ledger/context.js';

/** Input of `reverseFlow`: an id for the reversal, the flow, optionally a date; a reason is required. */
export const ReverseFlowInputSchema = z.object({ id: IdSchema.max(120), flowId: IdSchema, date: IsoDateSchema.optional(), reason: TextSchema });
/** Input of `reverseFlow`. */
export type ReverseFlowInput = z.input<typeof ReverseFlowInputSchema>;

/**
 * Reverses both entries of an inter-entity flow in one unit of work (ids
 * `<id>/from` and `<id>/to`), so the two sets of books keep mirroring each
 * other. The flow's document stays; the reversal is audited with its reason.
 *
 * @throws KronosError `NOT_FOUND`, `INVALID_STATE` (already reversed), `PERIOD_LOCKED`, `INSUFFICIENT_FUNDS`, `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.createEntity({ id: 'studio', kind: 'single_member_llc', name: 'Ana Studio LLC', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '1' }] });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.applyChartTemplate({ entityId: 'studio', template: 'single_member_llc', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay', date: '2026-01-01', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '20000.00' }, { accountId: 'ana:salary', amount: '-20000.00' }] });
 * await ledger.recordFlow({ id: 'loan-1', kind: 'loan', date: '2026-01-02', amount: '700.00', from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'studio', accountId: 'studio:checking' }, purpose: 'Working capital', legalBasis: 'Loan agreement 2026-01', authorizedBy: 'Ana Diaz' });
 * const [payerSide, receiverSide] = await ledger.reverseFlow({ id: 'loan-1-rev', flowId: 'loan-1', reason: 'Sent to the wrong account' });
 * payerSide?.reversesId; //=> 'loan-1/from'
 * receiverSide?.reversesId; //=> 'loan-1/to'
 * ```
 */
export async function reverseFlow(context: LedgerContext, input: ReverseFlowInput, options?: WriteOptions): Promise<Entry[]> {
  const parsed = parseInput(ReverseFlowInputSchema, input, 'flow reversal');
  return runWrite(context, options, async (tx, at) => {
    const [flow] = await tx.getFlows([parsed.flowId]);
    if (flow === undefined) throw notFound('flow', parsed.flowId, 'check the flow id.');
    const originals = await tx.getEntries(flow.entryIds);
    const description = `Reversal of flow ${flow.id}: ${parsed.reason}`.slice(0, 500);
    const plans = originals.map((original, index) => {
      if (original === undefined) throw notFound('entry', flow.entryIds[index]!, 'the flow\'s entry is missing from the store.');
      return { id: `${parsed.id}/${index === 0 ? 'from' : 'to'}`, original, date: parsed.date, description };
    });
    return writeReversals(tx, plans, at, 'flow.reversed', flow.id);
  });
}
