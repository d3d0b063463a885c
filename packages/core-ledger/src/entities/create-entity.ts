import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { canonicalJson } from '../_internal/canonical.js';
import { IdSchema, parseInput } from '../_internal/schemas.js';
import { idempotencyConflict, notFound, runWrite, unchanged, type LedgerContext, type WriteOptions } from '../ledger/context.js';
import { Decimal } from '../money/decimal.js';
import { currency } from '../money/currency.js';
import type { EntityRecord } from '../ports/ledger-store.js';

/** The kinds of entity: an individual, LLCs, a corporation, a trust. */
export const EntityKindSchema = z.enum(['individual', 'single_member_llc', 'multi_member_llc', 'corporation', 'trust']);

/** Input of `createEntity`. Owner shares are decimal fractions that sum to 1. */
export const EntityInputSchema = z.object({
  id: IdSchema,
  kind: EntityKindSchema,
  name: z.string().trim().min(1).max(200),
  baseCurrency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
  owners: z
    .array(z.object({ entityId: IdSchema, share: z.string().regex(/^(0(\.\d{1,18})?|1(\.0{1,18})?)$/, 'a fraction from 0 to 1 such as "0.5"') }))
    .max(100)
    .default([]),
});
/** Input of `createEntity`. */
export type EntityInput = z.input<typeof EntityInputSchema>;

/** An entity as the ledger shows it. */
export type Entity = Omit<EntityRecord, 'fingerprint'>;

/** The public view of an entity record. */
export function toEntity(record: EntityRecord): Entity {
  const { fingerprint: _fingerprint, ...entity } = record;
  return entity;
}

function checkOwners(input: z.infer<typeof EntityInputSchema>): void {
  const { kind, owners, id } = input;
  const fail = (message: string): never => {
    throw new KronosError('INVALID_INPUT', `Entity '${id}' (${kind}): ${message}`, { entityId: id, kind, owners });
  };
  if (new Set(owners.map((owner) => owner.entityId)).size !== owners.length) fail('an owner is listed twice; list each owner once with their total share.');
  if (owners.some((owner) => owner.entityId === id)) fail('an entity cannot own itself.');
  if (owners.some((owner) => new Decimal(owner.share).isZero())) fail('every owner needs a share above 0.');
  if (kind === 'individual' && owners.length > 0) fail('an individual has no owners; remove them.');
  if (kind === 'single_member_llc' && owners.length !== 1) fail('a single-member LLC has exactly one owner with share "1".');
  if (kind === 'multi_member_llc' && owners.length < 2) fail('a multi-member LLC needs two or more owners; use single_member_llc for one.');
  if (owners.length > 0) {
    const total = owners.reduce((sum, owner) => sum.plus(owner.share), new Decimal(0));
    if (!total.equals(1)) fail(`owner shares sum to ${total.toString()}, not 1: adjust them so they sum to exactly 1.`);
  }
}

/**
 * Creates an entity (a legal person with its own books). Idempotent on `id`.
 *
 * @throws KronosError `INVALID_INPUT` (owners, shares), `NOT_FOUND` (an owner
 *   entity), `IDEMPOTENCY_CONFLICT` (the id exists with other content)
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * const llc = await ledger.createEntity({ id: 'studio', kind: 'single_member_llc', name: 'Ana Studio LLC', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '1' }] });
 * llc.owners; //=> [{ entityId: 'ana', share: '1' }]
 * await ledger.createEntity({ id: 'duo', kind: 'multi_member_llc', name: 'Duo LLC', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '0.5' }] }); // throws KronosError INVALID_INPUT
 * ```
 */
export async function createEntity(context: LedgerContext, input: EntityInput, options?: WriteOptions): Promise<Entity> {
  const parsed = parseInput(EntityInputSchema, input, 'entity');
  checkOwners(parsed);
  currency(parsed.baseCurrency);
  const owners = parsed.owners.map((owner) => ({ entityId: owner.entityId, share: new Decimal(owner.share).toString() }));
  const fingerprint = canonicalJson({ kind: parsed.kind, name: parsed.name, baseCurrency: parsed.baseCurrency, owners });
  return runWrite(context, options, async (tx, at) => {
    const [existing, ...ownerRecords] = await tx.getEntities([parsed.id, ...owners.map((owner) => owner.entityId)]);
    if (existing !== undefined) {
      if (existing.fingerprint !== fingerprint) throw idempotencyConflict('entity', parsed.id);
      return unchanged(toEntity(existing));
    }
    ownerRecords.forEach((owner, index) => {
      if (owner === undefined) throw notFound('owner entity', owners[index]!.entityId, 'create the owner before the entity it owns.');
    });
    const record: EntityRecord = { id: parsed.id, kind: parsed.kind, name: parsed.name, baseCurrency: parsed.baseCurrency, owners, closedThrough: null, fingerprint, createdAt: at };
    await tx.putEntities([record]);
    return { result: toEntity(record), audit: [{ action: 'entity.created', subjectId: record.id, payload: fingerprint }], events: [] };
  });
}
