import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditRecord } from '../ports/ledger-store.js';
import { createAuditChainVerifier, genesisHash, hashAuditRecord, hashAuditRecordFast, verifyAuditChain } from './hash-chain.js';

function chain(drafts: readonly { actor: string; action: string; subjectId: string; payload: string }[]): AuditRecord[] {
  const records: AuditRecord[] = [];
  let prevHash = genesisHash;
  drafts.forEach((draft, index) => {
    const fields = { seq: index + 1, at: `2026-01-01T00:00:0${index % 10}.000Z`, ...draft, prevHash };
    const hash = hashAuditRecord(fields);
    records.push({ ...fields, hash });
    prevHash = hash;
  });
  return records;
}

describe('hashAuditRecord', () => {
  // Reference digests from Python's hashlib over the same bytes:
  // sha256(prevHash + json.dumps([seq, at, actor, action, subjectId], separators=(',', ':'), ensure_ascii=False) + '\n' + payload)
  it('hashes the previous hash, the fixed fields as JSON and the payload, as SHA-256', () => {
    const first = { seq: 1, at: '2026-01-01T00:00:00.000Z', actor: 'ana', action: 'entity.created', subjectId: 'ana', payload: '{"kind":"individual"}', prevHash: genesisHash };
    expect(hashAuditRecord(first)).toBe('0ba0f1741d1e849e856f7a5518ade9c076f53e0155df563e933ec3ddff9439cc');
    const second = { seq: 2, at: '2026-01-01T00:00:01.000Z', actor: 'José', action: 'entries.posted', subjectId: 'e1', payload: '[]', prevHash: hashAuditRecord(first) };
    expect(hashAuditRecord(second)).toBe('328076d31ab5a7c9699c483df5f2d58bda4dbe38efc84ee86d64258273f612c2');
  });
});

describe('hashAuditRecordFast', () => {
  // A batch-sized payload (15,891 characters, non-ASCII included), large enough for the native hash.
  // Reference digest from Python's hashlib, as above, with
  // payload = '[' + ','.join('["e%d","José"]' % i for i in range(1000)) + ']'.
  const large = {
    seq: 7, at: '2026-01-01T00:00:07.000Z', actor: 'José', action: 'entries.posted', subjectId: 'e0', prevHash: genesisHash,
    payload: `[${Array.from({ length: 1000 }, (_, index) => `["e${index}","José"]`).join(',')}]`,
  };
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives the same SHA-256 as hashAuditRecord for a large record', async () => {
    await expect(hashAuditRecordFast(large)).resolves.toBe('e6b851509b68cc9c48296ceb06cbfe1fdee355d3f6672e878bb77c8fe845025b');
    expect(hashAuditRecord(large)).toBe('e6b851509b68cc9c48296ceb06cbfe1fdee355d3f6672e878bb77c8fe845025b');
  });
  it('gives the same SHA-256 as hashAuditRecord for a small record', async () => {
    const small = { ...large, payload: '[]', actor: 'José' };
    await expect(hashAuditRecordFast(small)).resolves.toBe(hashAuditRecord(small));
  });
  it('falls back to the pure-JS hash on a platform without Web Crypto', async () => {
    vi.stubGlobal('crypto', undefined);
    await expect(hashAuditRecordFast(large)).resolves.toBe('e6b851509b68cc9c48296ceb06cbfe1fdee355d3f6672e878bb77c8fe845025b');
  });
});

describe('verifyAuditChain', () => {
  it('accepts an empty log and an intact chain', () => {
    expect(verifyAuditChain([])).toEqual({ ok: true, recordsChecked: 0 });
    const records = chain([{ actor: 'a', action: 'x', subjectId: 's', payload: '1' }, { actor: 'b', action: 'y', subjectId: 't', payload: '2' }]);
    expect(verifyAuditChain(records)).toEqual({ ok: true, recordsChecked: 2 });
  });
  it('names the first broken link and why', () => {
    const records = chain([1, 2, 3].map((n) => ({ actor: 'a', action: 'x', subjectId: `s${n}`, payload: String(n) })));
    expect(verifyAuditChain([records[0]!, { ...records[1]!, payload: '9' }, records[2]!])).toEqual({ ok: false, recordsChecked: 2, brokenAtSeq: 2, reason: 'hash_mismatch' });
    expect(verifyAuditChain([records[0]!, records[2]!])).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'seq_gap' });
    const forged = { ...records[1]!, prevHash: genesisHash };
    expect(verifyAuditChain([records[0]!, { ...forged, hash: hashAuditRecord(forged) }])).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'prev_hash_mismatch' });
  });
  it('stops at the first broken link when fed page by page', () => {
    const records = chain([1, 2].map((n) => ({ actor: 'a', action: 'x', subjectId: `s${n}`, payload: String(n) })));
    const verifier = createAuditChainVerifier();
    expect(verifier.push({ ...records[0]!, actor: 'mallory' })).toBe(false);
    expect(verifier.push(records[1]!)).toBe(false);
    expect(verifier.result()).toMatchObject({ ok: false, brokenAtSeq: 1 });
  });

  describe('properties', () => {
    const drafts = fc.array(fc.record({ actor: fc.string({ minLength: 1 }), action: fc.string(), subjectId: fc.string(), payload: fc.string() }), { minLength: 1, maxLength: 20 });
    it('breaks exactly at the record whose field was changed', () => {
      fc.assert(
        fc.property(drafts, fc.nat(), fc.constantFrom('at', 'actor', 'action', 'subjectId', 'payload', 'prevHash', 'hash'), (items, pick, field) => {
          const records = chain(items);
          const index = pick % records.length;
          const tampered = records.map((record, at) => (at === index ? { ...record, [field]: `${record[field]}!` } : record));
          expect(verifyAuditChain(tampered)).toMatchObject({ ok: false, brokenAtSeq: index + 1 });
        }),
        { numRuns: 200 },
      );
    });
  });
});
