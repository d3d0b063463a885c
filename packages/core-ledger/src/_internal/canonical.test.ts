import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
  });
  it('encodes equal values to equal text whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: [{ q: 2, p: 1 }] })).toBe(canonicalJson({ y: [{ p: 1, q: 2 }], x: 1 }));
  });
});
