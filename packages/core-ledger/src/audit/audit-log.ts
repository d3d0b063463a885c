import { z } from 'zod';
import { parseInput } from '../_internal/schemas.js';
import type { LedgerContext } from '../ledger/context.js';
import type { AuditRecord } from '../ports/ledger-store.js';
import { createAuditChainVerifier, type AuditVerification } from './hash-chain.js';

/** The largest page of audit records one read returns. */
export const auditPageSizeMax = 1000;
/** Most pages `verifyAudit` reads (a bound on the loop: 10^9 records). */
export const auditPagesMax = 1_000_000;

/** Input of `listAudit`. */
export const AuditQuerySchema = z.object({ afterSeq: z.number().int().min(0).default(0), pageSize: z.number().int().min(1).max(auditPageSizeMax).default(100) });
/** Input of `listAudit`. */
export type AuditQuery = z.input<typeof AuditQuerySchema>;

/**
 * A page of the audit log, oldest first.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * const records = await ledger.listAudit({ afterSeq: 0, pageSize: 2 });
 * records.map((record) => record.action); //=> ['entity.created', 'account.opened']
 * ```
 */
export async function listAudit(context: LedgerContext, query: AuditQuery = {}): Promise<readonly AuditRecord[]> {
  const { afterSeq, pageSize } = parseInput(AuditQuerySchema, query, 'audit query');
  return context.store.transact((tx) => tx.listAudit(afterSeq, pageSize), { readOnly: true });
}

/**
 * Re-hashes the whole audit log, page by page, and returns the first broken link.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.verifyAudit(); //=> { ok: true, recordsChecked: 1 }
 * ```
 */
export async function verifyAudit(context: LedgerContext): Promise<AuditVerification> {
  const verifier = createAuditChainVerifier();
  let afterSeq = 0;
  for (let page = 0; page < auditPagesMax; page++) {
    const records = await context.store.transact((tx) => tx.listAudit(afterSeq, auditPageSizeMax), { readOnly: true });
    for (const record of records) if (!verifier.push(record)) return verifier.result();
    if (records.length < auditPageSizeMax) break;
    afterSeq = records[records.length - 1]!.seq;
  }
  return verifier.result();
}
