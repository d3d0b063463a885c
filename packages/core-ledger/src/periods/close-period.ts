import { format, parseISO, subDays } from 'date-fns';
import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { canonicalJson } from '../_internal/canonical.js';
import { IdSchema, TextSchema, parseInput } from '../_internal/schemas.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { idempotencyConflict, notFound, runWrite, unchanged, type LedgerContext, type WriteOptions } from '../ledger/context.js';
import { periodClosedEvent } from '../events/ledger-events.js';
import type { EntityRecord, LedgerTx, PeriodEventRecord } from '../ports/ledger-store.js';

/** Input of `closePeriod`: books of `entityId` close through `through` (inclusive). */
export const ClosePeriodInputSchema = z.object({ id: IdSchema, entityId: IdSchema, through: IsoDateSchema, reason: TextSchema.default('period close') });
/** Input of `closePeriod`. */
export type ClosePeriodInput = z.input<typeof ClosePeriodInputSchema>;
/** Input of `reopenPeriod`: books open again from `from` on; a reason is required. */
export const ReopenPeriodInputSchema = z.object({ id: IdSchema, entityId: IdSchema, from: IsoDateSchema, reason: TextSchema });
/** Input of `reopenPeriod`. */
export type ReopenPeriodInput = z.input<typeof ReopenPeriodInputSchema>;

/** A period close or reopen as the ledger shows it. */
export type PeriodEvent = Omit<PeriodEventRecord, 'fingerprint'>;

function toPeriodEvent(record: PeriodEventRecord): PeriodEvent {
  const { fingerprint: _fingerprint, ...event } = record;
  return event;
}

async function loadForPeriod(tx: LedgerTx, id: string, entityId: string, fingerprint: string): Promise<{ entity: EntityRecord; repeat: PeriodEventRecord | undefined }> {
  const [[existing], [entity]] = [await tx.getPeriodEvents([id]), await tx.getEntities([entityId])];
  if (existing !== undefined && existing.fingerprint !== fingerprint) throw idempotencyConflict('period event', id);
  if (entity === undefined) throw notFound('entity', entityId, 'check the entity id.');
  return { entity, repeat: existing };
}

/**
 * Closes an entity's books through a date: entries dated on or before it are
 * refused with `PERIOD_LOCKED` until a reopen. Recorded as a period event.
 *
 * @throws KronosError `INVALID_STATE` (already closed through a later date, or
 *   pending entries inside the period), `NOT_FOUND`, `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * const close = await ledger.closePeriod({ id: 'close-2026-01', entityId: 'ana', through: '2026-01-31' });
 * close.closedThrough; //=> '2026-01-31'
 * await ledger.postEntry({ id: 'late', date: '2026-01-15', description: 'Late', postings: [{ accountId: 'ana:checking', amount: '1.00' }, { accountId: 'ana:salary', amount: '-1.00' }] }); // throws KronosError PERIOD_LOCKED
 * ```
 */
export async function closePeriod(context: LedgerContext, input: ClosePeriodInput, options?: WriteOptions): Promise<PeriodEvent> {
  const parsed = parseInput(ClosePeriodInputSchema, input, 'period close');
  const fingerprint = canonicalJson({ action: 'close', entityId: parsed.entityId, through: parsed.through, reason: parsed.reason });
  return runWrite(context, options, async (tx, at) => {
    const { entity, repeat } = await loadForPeriod(tx, parsed.id, parsed.entityId, fingerprint);
    if (repeat !== undefined) return unchanged(toPeriodEvent(repeat));
    if (entity.closedThrough !== null && parsed.through <= entity.closedThrough) {
      throw new KronosError('INVALID_STATE', `The books of '${entity.id}' are already closed through ${entity.closedThrough}: close a later date, or reopen first.`, { entityId: entity.id, closedThrough: entity.closedThrough });
    }
    const pending = await tx.listEntries({ entityId: entity.id, status: 'pending', dateTo: parsed.through, limit: 10 });
    if (pending.length > 0) {
      throw new KronosError('INVALID_STATE', `Pending entries are dated inside the period (${pending.map((entry) => entry.id).join(', ')}): post or void them before closing through ${parsed.through}.`, {
        entityId: entity.id,
        pendingEntryIds: pending.map((entry) => entry.id),
      });
    }
    const event: PeriodEventRecord = { id: parsed.id, entityId: entity.id, action: 'close', closedThrough: parsed.through, reason: parsed.reason, actor: options?.actor ?? context.actor, fingerprint, recordedAt: at };
    await tx.putEntities([{ ...entity, closedThrough: parsed.through }]);
    await tx.insertPeriodEvents([event]);
    return { result: toPeriodEvent(event), audit: [{ action: 'period.closed', subjectId: entity.id, payload: fingerprint }], events: [periodClosedEvent(event, at)] };
  });
}

/**
 * Reopens an entity's books from a date on (the close moves back to the day
 * before). Recorded as a period event with its reason.
 *
 * @throws KronosError `INVALID_STATE` (nothing closed on or after `from`), `NOT_FOUND`, `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.closePeriod({ id: 'close-2026-01', entityId: 'ana', through: '2026-01-31' });
 * const reopen = await ledger.reopenPeriod({ id: 'reopen-2026-01', entityId: 'ana', from: '2026-01-15', reason: 'Late invoice' });
 * reopen.closedThrough; //=> '2026-01-14'
 * ```
 */
export async function reopenPeriod(context: LedgerContext, input: ReopenPeriodInput, options?: WriteOptions): Promise<PeriodEvent> {
  const parsed = parseInput(ReopenPeriodInputSchema, input, 'period reopen');
  const fingerprint = canonicalJson({ action: 'reopen', entityId: parsed.entityId, from: parsed.from, reason: parsed.reason });
  return runWrite(context, options, async (tx, at) => {
    const { entity, repeat } = await loadForPeriod(tx, parsed.id, parsed.entityId, fingerprint);
    if (repeat !== undefined) return unchanged(toPeriodEvent(repeat));
    if (entity.closedThrough === null || parsed.from > entity.closedThrough) {
      throw new KronosError('INVALID_STATE', `The books of '${entity.id}' are not closed on ${parsed.from} (closed through ${entity.closedThrough ?? 'nothing'}): nothing to reopen.`, { entityId: entity.id, closedThrough: entity.closedThrough });
    }
    const closedThrough = format(subDays(parseISO(parsed.from), 1), 'yyyy-MM-dd');
    const event: PeriodEventRecord = { id: parsed.id, entityId: entity.id, action: 'reopen', closedThrough, reason: parsed.reason, actor: options?.actor ?? context.actor, fingerprint, recordedAt: at };
    await tx.putEntities([{ ...entity, closedThrough }]);
    await tx.insertPeriodEvents([event]);
    return { result: toPeriodEvent(event), audit: [{ action: 'period.reopened', subjectId: entity.id, payload: fingerprint }], events: [] };
  });
}
