import { hashAuditRecordFast, genesisHash } from '../audit/hash-chain.js';
import { KronosError } from '../errors/index.js';
import type { EventBus, KronosEvent } from '../ports/event-bus.js';
import type { AuditRecord, LedgerStore, LedgerTx } from '../ports/ledger-store.js';
import type { Clock, IdGenerator } from '../ports/runtime.js';

/** What every ledger operation runs with. */
export interface LedgerContext {
  readonly store: LedgerStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events: EventBus;
  /** Who writes, unless a call names someone else. */
  readonly actor: string;
}

/** Options every write accepts, last. */
export interface WriteOptions {
  /** Who performs this write (recorded in the audit log); defaults to the ledger's actor. */
  readonly actor?: string;
}

/** An audit record before it is chained. */
export interface AuditDraft {
  readonly action: string;
  readonly subjectId: string;
  readonly payload: string;
}

/** Events built only when someone listens to one of `types` (batches of thousands of entries). */
export interface LazyEvents {
  readonly types: readonly string[];
  readonly build: () => readonly KronosEvent[];
}

/** What a write's work returns: its result, what to audit and what to publish after commit. */
export interface WriteOutcome<T> {
  readonly result: T;
  readonly audit: readonly AuditDraft[];
  readonly events: readonly KronosEvent[] | LazyEvents;
}

/** A write that changed nothing (an idempotent repeat): no audit, no events. */
export function unchanged<T>(result: T): WriteOutcome<T> {
  return { result, audit: [], events: [] };
}

/**
 * Runs a write as one unit of work: the work's records and their audit
 * records commit together or not at all; events go out only after commit.
 */
export async function runWrite<T>(
  context: LedgerContext,
  options: WriteOptions | undefined,
  work: (tx: LedgerTx, at: string) => Promise<WriteOutcome<T>>,
): Promise<T> {
  const actor = options?.actor ?? context.actor;
  if (typeof actor !== 'string' || actor.length === 0 || actor.length > 200) {
    throw new KronosError('INVALID_INPUT', 'actor must name who writes (1 to 200 characters): pass { actor } to createLedger or to the call.', { actor });
  }
  let events: readonly KronosEvent[] | LazyEvents = [];
  const result = await context.store.transact(async (tx) => {
    const at = context.clock.now().toISOString();
    const outcome = await work(tx, at);
    if (outcome.audit.length > 0) await appendAudit(tx, at, actor, outcome.audit);
    events = outcome.events;
    return outcome.result;
  });
  await publishAll(context.events, events);
  return result;
}

async function publishAll(bus: EventBus, events: readonly KronosEvent[] | LazyEvents): Promise<void> {
  if (!isLazy(events)) {
    for (const event of events) await bus.publish(event);
    return;
  }
  if (bus.hasSubscribers !== undefined && !events.types.some((type) => bus.hasSubscribers!(type))) return;
  for (const event of events.build()) await bus.publish(event);
}

function isLazy(events: readonly KronosEvent[] | LazyEvents): events is LazyEvents {
  return !Array.isArray(events);
}

async function appendAudit(tx: LedgerTx, at: string, actor: string, drafts: readonly AuditDraft[]): Promise<void> {
  const head = await tx.getAuditHead();
  let prevHash = head?.hash ?? genesisHash;
  let seq = head?.seq ?? 0;
  const records: AuditRecord[] = [];
  for (const draft of drafts) {
    seq += 1;
    const fields = { seq, at, actor, action: draft.action, subjectId: draft.subjectId, payload: draft.payload, prevHash };
    const hash = await hashAuditRecordFast(fields);
    records.push({ ...fields, hash });
    prevHash = hash;
  }
  await tx.appendAudit(records);
}

/** Throws the shared "repeated id, other content" error. */
export function idempotencyConflict(kind: string, id: string): KronosError {
  return new KronosError(
    'IDEMPOTENCY_CONFLICT',
    `A ${kind} with id '${id}' already exists with different content: use a new id for a new ${kind}, or resend exactly the first request.`,
    { kind, id },
  );
}

/** Throws the shared "no such record" error. */
export function notFound(kind: string, id: string, hint: string): KronosError {
  return new KronosError('NOT_FOUND', `No ${kind} '${id}': ${hint}`, { kind, id });
}
