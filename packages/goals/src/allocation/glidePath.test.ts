import { describe, expect, it } from 'vitest';
import { glidePathWeights } from './glidePath.js';

describe('glidePathWeights', () => {
  it('normalises fixed weights to sum to one', () => {
    expect(Array.from(glidePathWeights({ kind: 'fixed', weights: [3, 1] }, 2, 1))).toEqual([0.75, 0.25]);
  });
  it('glides linearly and holds the end mix after the end month', () => {
    const w = glidePathWeights({ kind: 'linear', startWeights: [0.9, 0.1], endWeights: [0.3, 0.7], startMonth: 12, endMonth: 24 }, 2, 30);
    expect(w[0]).toBeCloseTo(0.9, 12);
    expect(w[18 * 2]).toBeCloseTo(0.6, 12);
    expect(w[29 * 2]).toBeCloseTo(0.3, 12);
  });
  it('uses a table row from its month until the next one', () => {
    const w = glidePathWeights({ kind: 'table', points: [{ fromMonth: 0, weights: [1, 0] }, { fromMonth: 5, weights: [0, 1] }] }, 2, 6);
    expect([w[8], w[9], w[10], w[11]]).toEqual([1, 0, 0, 1]);
  });
  it('refuses weights of the wrong length with INVALID_INPUT', () => {
    expect(() => glidePathWeights({ kind: 'fixed', weights: [1] }, 2, 3)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
  it('refuses weights that are all zero', () => {
    expect(() => glidePathWeights({ kind: 'fixed', weights: [0, 0] }, 2, 3)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
