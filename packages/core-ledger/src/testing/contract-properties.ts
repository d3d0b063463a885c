import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronosError } from '../errors/index.js';
import { verifyAuditChain } from '../audit/hash-chain.js';
import type { Ledger } from '../ledger/create-ledger.js';
import type { Entry } from '../journal/entry-view.js';
import type { FlowKind, LedgerStore } from '../ports/ledger-store.js';
import { createTestLedger, seedPersonAndLlc, snapshotLedger } from './fixtures.js';

/** The books the generated operations play on. */
const books = {
  ana: ['ana:checking', 'ana:savings', 'ana:card', 'ana:groceries', 'ana:salary', 'ana:opening-balances'],
  llc: ['llc:checking', 'llc:card', 'llc:revenue', 'llc:software', 'llc:retained-earnings'],
} as const;
const bounded = ['ana:checking', 'ana:savings', 'ana:card', 'llc:checking', 'llc:card'];
const dayCount = 20;
const dateOf = (day: number): string => `2026-01-${String(day).padStart(2, '0')}`;
const cents = (value: number): string => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;

type Op =
  | { readonly op: 'post'; readonly entity: 'ana' | 'llc'; readonly from: number; readonly to: number; readonly amount: number; readonly day: number; readonly pending: boolean }
  | { readonly op: 'settle'; readonly target: number; readonly post: boolean }
  | { readonly op: 'reverse'; readonly target: number; readonly day: number }
  | { readonly op: 'flow'; readonly kind: FlowKind; readonly toLlc: boolean; readonly amount: number; readonly day: number }
  | { readonly op: 'close'; readonly entity: 'ana' | 'llc'; readonly day: number }
  | { readonly op: 'reverseFlow'; readonly target: number; readonly day: number };

const amountArb = fc.oneof(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 100, max: 1_500_000 }));
const dayArb = fc.integer({ min: 1, max: dayCount });
const flowArb = fc.record({
  op: fc.constant('flow' as const),
  kind: fc.constantFrom<FlowKind>('equity_contribution', 'owner_draw', 'distribution', 'loan', 'loan_repayment', 'expense_paid_on_behalf', 'reimbursement'),
  toLlc: fc.boolean(),
  amount: amountArb,
  day: dayArb,
});
const reverseFlowArb = fc.record({ op: fc.constant('reverseFlow' as const), target: fc.nat(20), day: dayArb });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('post' as const), entity: fc.constantFrom('ana' as const, 'llc' as const), from: fc.nat(5), to: fc.nat(5), amount: amountArb, day: dayArb, pending: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('settle' as const), target: fc.nat(20), post: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reverse' as const), target: fc.nat(20), day: dayArb }) },
  { weight: 3, arbitrary: flowArb },
  { weight: 1, arbitrary: reverseFlowArb },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('close' as const), entity: fc.constantFrom('ana' as const, 'llc' as const), day: fc.integer({ min: 1, max: 8 }) }) },
);

/** Plays operations, swallowing the refusals the rules call for; anything else fails the test. */
function createPlayer(ledger: Ledger) {
  const pendingIds: string[] = [];
  const postedIds: string[] = [];
  const flowIds: string[] = [];
  let count = 0;
  async function play(op: Op): Promise<void> {
    const id = `op-${++count}`;
    try {
      if (op.op === 'post') {
        const accounts = books[op.entity];
        const from = accounts[op.from % accounts.length]!;
        const to = accounts[op.to % accounts.length]!;
        if (from === to) return;
        const input = { id, date: dateOf(op.day), description: `generated ${id}`, postings: [{ accountId: to, amount: cents(op.amount) }, { accountId: from, amount: `-${cents(op.amount)}` }] };
        if (op.pending) pendingIds.push((await ledger.createPending(input)).id);
        else postedIds.push((await ledger.postEntry(input)).id);
      } else if (op.op === 'settle') {
        const target = pendingIds[op.target % Math.max(1, pendingIds.length)];
        if (target === undefined) return;
        const settled = op.post ? await ledger.postPending({ entryId: target }) : await ledger.voidPending({ entryId: target });
        if (settled.status === 'posted') postedIds.push(settled.id);
      } else if (op.op === 'reverse') {
        const target = postedIds[op.target % Math.max(1, postedIds.length)];
        if (target === undefined) return;
        postedIds.push((await ledger.reverseEntry({ id, entryId: target, date: dateOf(op.day) })).id);
      } else if (op.op === 'flow') {
        flowIds.push((await ledger.recordFlow(flowInput(id, op))).id);
      } else if (op.op === 'reverseFlow') {
        const target = flowIds[op.target % Math.max(1, flowIds.length)];
        if (target === undefined) return;
        await ledger.reverseFlow({ id, flowId: target, date: dateOf(op.day), reason: 'generated' });
      } else {
        await ledger.closePeriod({ id, entityId: op.entity, through: dateOf(op.day) });
      }
    } catch (error) {
      if (!(error instanceof KronosError)) throw error;
    }
  }
  return { play, postedIds };
}

function flowInput(id: string, op: Extract<Op, { op: 'flow' }>) {
  const ana = { entityId: 'ana', accountId: 'ana:checking' };
  const llc = { entityId: 'llc', accountId: 'llc:checking' };
  // Owner kinds have one direction; the others go either way.
  const toLlc = op.kind === 'equity_contribution' ? true : op.kind === 'owner_draw' || op.kind === 'distribution' ? false : op.toLlc;
  const [from, to] = toLlc ? [ana, llc] : [llc, ana];
  const target = op.kind === 'expense_paid_on_behalf' ? { ...to, accountId: toLlc ? 'llc:software' : 'ana:groceries' } : to;
  return { id, kind: op.kind, date: dateOf(op.day), amount: cents(op.amount), from, to: target, purpose: 'generated', legalBasis: 'operating agreement', authorizedBy: 'Ana Diaz' };
}

async function allEntries(ledger: Ledger): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const result: Awaited<ReturnType<Ledger['listJournal']>> = await ledger.listJournal({ pageSize: 500, ...(cursor === null ? {} : { cursor }) });
    entries.push(...result.entries);
    if ((cursor = result.nextCursor) === null) break;
  }
  return entries;
}

/** Sum of postings per account (minor units), posted only, dated on or before `asOf` when given. */
function sumPostings(entries: readonly Entry[], asOf?: string): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const entry of entries) {
    if (entry.status !== 'posted' || (asOf !== undefined && entry.date > asOf)) continue;
    for (const posting of entry.postings) sums.set(posting.accountId, (sums.get(posting.accountId) ?? 0n) + posting.amount.toMinorUnits());
  }
  return sums;
}

/** What each property needs: a fresh seeded ledger with its store and a player, and the run count. */
interface PropertyContext {
  readonly numRuns: number;
  readonly createStore: () => LedgerStore | Promise<LedgerStore>;
  readonly fresh: () => Promise<{ store: LedgerStore; ledger: Ledger; player: ReturnType<typeof createPlayer> }>;
}

const ops = fc.array(opArb, { minLength: 1, maxLength: 14 });

function trialBalanceStaysZero({ numRuns, fresh }: PropertyContext): void {
  it('keeps the trial balance at zero per currency and each entity balanced after any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(ops, async (sequence) => {
        const { ledger, player } = await fresh();
        for (const op of sequence) await player.play(op);
        expect((await ledger.trialBalance()).balanced).toBe(true);
        for (const entityId of ['ana', 'llc']) {
          expect((await ledger.trialBalance({ entityId })).balanced).toBe(true);
          expect((await ledger.balanceSheet({ entityId, asOf: dateOf(dayCount) })).balanced).toBe(true);
        }
      }),
      { numRuns },
    );
  });
}

function balancesReplay({ numRuns, createStore, fresh }: PropertyContext): void {
  it('keeps every balance equal to the sum of its postings, and a replay of the journal reproduces them', async () => {
    await fc.assert(
      fc.asyncProperty(ops, fc.integer({ min: 1, max: dayCount }), async (sequence, asOfDay) => {
        const { store, ledger, player } = await fresh();
        for (const op of sequence) await player.play(op);
        const entries = await allEntries(ledger);
        const accountIds = (await ledger.listAccounts('ana')).concat(await ledger.listAccounts('llc')).map((account) => account.id);
        for (const asOf of [undefined, dateOf(asOfDay)]) {
          const sums = sumPostings(entries, asOf);
          for (const accountId of accountIds) {
            const balance = await ledger.getBalance({ accountId, ...(asOf === undefined ? {} : { asOf }) });
            expect([accountId, asOf, balance.toMinorUnits()]).toEqual([accountId, asOf, sums.get(accountId) ?? 0n]);
          }
        }
        const replayed = await createStore();
        await store.transact(async (source) => {
          const entities = await source.listEntities();
          const accounts = (await Promise.all(entities.map((entity) => source.listAccounts(entity.id)))).flat();
          const records = await source.listEntries({ limit: 1_000_000 });
          await replayed.transact(async (target) => {
            await target.putEntities(entities);
            await target.putAccounts(accounts);
            await target.insertEntries(records.map(({ seq: _seq, ...record }) => record));
          });
        }, { readOnly: true });
        for (const asOf of [null, dateOf(asOfDay)]) {
          for (const includePending of [false, true]) {
            const original = await store.transact((tx) => tx.getBalancesAsOf(accountIds, asOf, includePending), { readOnly: true });
            const copy = await replayed.transact((tx) => tx.getBalancesAsOf(accountIds, asOf, includePending), { readOnly: true });
            expect(copy).toEqual(original);
          }
        }
      }),
      { numRuns },
    );
  });
}

function boundsHold({ numRuns, fresh }: PropertyContext): void {
  it('never lets a bounded account cross its bound on any day, pending holds included', async () => {
    await fc.assert(
      fc.asyncProperty(ops, async (sequence) => {
        const { ledger, player } = await fresh();
        const accounts = await Promise.all(bounded.map((id) => ledger.getAccount(id)));
        for (const op of sequence) await player.play(op);
        const entries = await allEntries(ledger);
        const pending = entries.filter((item) => item.status === 'pending');
        for (let day = 1; day <= dayCount; day++) {
          const sums = sumPostings(entries, dateOf(day));
          // A pending entry holds funds from its own date on, like the posting it will become.
          const holds = new Map<string, bigint>();
          for (const entry of pending.filter((item) => item.date <= dateOf(day))) {
            for (const posting of entry.postings) holds.set(posting.accountId, (holds.get(posting.accountId) ?? 0n) + posting.amount.toMinorUnits());
          }
          for (const account of accounts) {
            const sign = account.type === 'asset' ? 1n : -1n;
            const normal = sign * (sums.get(account.id) ?? 0n);
            const held = sign * (holds.get(account.id) ?? 0n);
            if (account.balanceMin !== null) expect(normal + (held < 0n ? held : 0n)).toBeGreaterThanOrEqual(account.balanceMin.toMinorUnits());
            if (account.balanceMax !== null) expect(normal + (held > 0n ? held : 0n)).toBeLessThanOrEqual(account.balanceMax.toMinorUnits());
          }
        }
      }),
      { numRuns },
    );
  });
}

function invalidChangesNothing({ numRuns, fresh }: PropertyContext): void {
  it('changes nothing on an invalid operation or a repeated id', async () => {
    const invalid = fc.constantFrom('unbalanced', 'mixed', 'overdraft', 'scale', 'unknown', 'conflict', 'flow-overdraft');
    await fc.assert(
      fc.asyncProperty(ops, invalid, async (sequence, kind) => {
        const { ledger, player } = await fresh();
        for (const op of sequence) await player.play(op);
        const before = await snapshotLedger(ledger);
        const post = (postings: { accountId: string; amount: string }[], id = 'invalid') => ledger.postEntry({ id, date: dateOf(dayCount), description: 'invalid', postings });
        const attempts: Record<string, () => Promise<unknown>> = {
          unbalanced: () => post([{ accountId: 'ana:groceries', amount: '1.00' }, { accountId: 'ana:checking', amount: '-0.99' }]),
          mixed: () => post([{ accountId: 'llc:checking', amount: '1.00' }, { accountId: 'ana:checking', amount: '-1.00' }]),
          overdraft: () => post([{ accountId: 'ana:groceries', amount: '99999999.00' }, { accountId: 'ana:checking', amount: '-99999999.00' }]),
          scale: () => post([{ accountId: 'ana:groceries', amount: '1.001' }, { accountId: 'ana:checking', amount: '-1.001' }]),
          unknown: () => post([{ accountId: 'ana:nowhere', amount: '1.00' }, { accountId: 'ana:checking', amount: '-1.00' }]),
          conflict: () => post([{ accountId: 'ana:groceries', amount: '1.00' }, { accountId: 'ana:checking', amount: '-1.00' }], 'opening'),
          'flow-overdraft': () => ledger.recordFlow(flowInput('invalid-flow', { op: 'flow', kind: 'loan', toLlc: false, amount: 9_999_999_999, day: dayCount })),
        };
        await expect(attempts[kind]!()).rejects.toBeInstanceOf(KronosError);
        expect(await snapshotLedger(ledger)).toEqual(before);
        await ledger.postEntry({ id: 'opening', date: '2026-01-01', description: 'Opening balance', postings: [{ accountId: 'ana:checking', amount: '10000.00' }, { accountId: 'ana:opening-balances', amount: '-10000.00' }] });
        expect(await snapshotLedger(ledger)).toEqual(before);
      }),
      { numRuns },
    );
  });
}

function intercompanyMirrors({ numRuns, fresh }: PropertyContext): void {
  it('keeps intercompany balances mirrored after any sequence of flows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 4, arbitrary: flowArb }, { weight: 1, arbitrary: reverseFlowArb }), { minLength: 1, maxLength: 12 }), async (flows) => {
        const { ledger, player } = await fresh();
        for (const flow of flows) await player.play(flow);
        const report = await ledger.veilReport({ from: dateOf(1), to: dateOf(dayCount) });
        expect(report.intercompany.every((balance) => balance.mirrors)).toBe(true);
        expect(report.mixedEntries).toEqual([]);
        expect(report.ok).toBe(true);
      }),
      { numRuns },
    );
  });
}

function auditChainHolds({ numRuns, fresh }: PropertyContext): void {
  it('verifies the audit chain after any sequence, and breaks it exactly at a tampered record', async () => {
    const fields = ['seq', 'at', 'actor', 'action', 'subjectId', 'payload', 'prevHash', 'hash'] as const;
    await fc.assert(
      fc.asyncProperty(ops, fc.nat(), fc.constantFrom(...fields), async (sequence, pick, field) => {
        const { ledger, player } = await fresh();
        for (const op of sequence) await player.play(op);
        expect((await ledger.verifyAudit()).ok).toBe(true);
        const records = await ledger.listAudit({ pageSize: 1000 });
        expect(verifyAuditChain(records).ok).toBe(true);
        const index = pick % records.length;
        const original = records[index]!;
        const tampered = { ...original, [field]: field === 'seq' ? original.seq + 1 : `${String(original[field])}x` };
        const copy = records.map((record, at) => (at === index ? tampered : record));
        expect(verifyAuditChain(copy)).toMatchObject({ ok: false, brokenAtSeq: original.seq });
      }),
      { numRuns },
    );
  });
}

/** The property half of the contract. */
export function describeLedgerProperties(options: { createStore: () => LedgerStore | Promise<LedgerStore>; numRuns: number }): void {
  const fresh = async () => {
    const store = await options.createStore();
    const ledger = createTestLedger(store);
    await seedPersonAndLlc(ledger);
    return { store, ledger, player: createPlayer(ledger) };
  };
  const context: PropertyContext = { numRuns: options.numRuns, createStore: options.createStore, fresh };
  describe('properties', () => {
    trialBalanceStaysZero(context);
    balancesReplay(context);
    boundsHold(context);
    invalidChangesNothing(context);
    intercompanyMirrors(context);
    auditChainHolds(context);
  });
}
