import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../_internal/canonical.js';
import { fingerprintEntry, type EntryDraft } from './validate-entry.js';

describe('fingerprintEntry', () => {
  it('is the canonical JSON of what the caller chose (stored fingerprints compare against it)', () => {
    const postings = [{ accountId: 'a:cash', amount: 125n }, { accountId: 'b/x', amount: -100n }, { accountId: 'c', amount: -25n }];
    const plain: EntryDraft = { id: 'e1', date: '2026-02-01', description: 'Rent "May"\\ \u2028 ü', metadata: {}, postings: [], flowId: null, reversesId: null };
    const linked: EntryDraft = { ...plain, metadata: { b: [1, 'x'], a: { z: null, y: true } }, flowId: 'flow-1', reversesId: 'e0' };
    for (const [draft, status] of [[plain, 'posted'], [linked, 'pending']] as const) {
      const expected = canonicalJson([status, draft.date, draft.description, draft.metadata, draft.flowId, draft.reversesId, postings.map((posting) => [posting.accountId, String(posting.amount)])]);
      expect(fingerprintEntry(draft, status, postings)).toBe(expected);
    }
    expect(fingerprintEntry(plain, 'posted', postings.slice(0, 1))).toBe('["posted","2026-02-01","Rent \\"May\\"\\\\ \u2028 ü",{},null,null,[["a:cash","125"]]]');
  });
});
