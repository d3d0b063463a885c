import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdIndex } from './id-index.js';

describe('createIdIndex', () => {
  it('answers like a Map through adds, repeated adds and deletes, across growth', () => {
    // Few distinct ids (so repeats and deletes of present ids are common) and sometimes many (so the table grows).
    const id = fc.oneof(fc.constantFrom('a', 'b', 'c', 'ab', 'ba', 'é', ''), fc.integer({ min: 0, max: 5000 }).map((n) => `id-${n}`), fc.string());
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), id }),
      fc.record({ kind: fc.constant('delete' as const), id }),
      fc.record({ kind: fc.constant('bulk' as const), count: fc.integer({ min: 0, max: 1500 }) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const positions: string[] = [];
        const index = createIdIndex((position) => positions[position]!);
        const model = new Map<string, number>();
        const add = (key: string): void => {
          const added = index.add(key, positions.length);
          expect(added).toBe(!model.has(key));
          if (added) {
            model.set(key, positions.length);
            positions.push(key);
          }
        };
        for (const operation of operations) {
          if (operation.kind === 'add') add(operation.id);
          else if (operation.kind === 'bulk') for (let n = 0; n < operation.count; n++) add(`bulk-${positions.length}`);
          else expect(index.delete(operation.id)).toBe(model.delete(operation.id));
          expect(index.size).toBe(model.size);
        }
        for (const [key, position] of model) expect(index.get(key)).toBe(position);
        for (const key of ['a', 'b', 'missing', 'id-1', 'bulk-0']) expect(index.get(key)).toBe(model.get(key));
      }),
      { numRuns: 100 },
    );
  });

  it('finds every id after deleting ids whose probe runs wrap around the table', () => {
    const positions = Array.from({ length: 511 }, (_, n) => `wrap-${n}`);
    const index = createIdIndex((position) => positions[position]!);
    positions.forEach((key, position) => expect(index.add(key, position)).toBe(true));
    for (let n = 0; n < positions.length; n += 3) expect(index.delete(positions[n]!)).toBe(true);
    positions.forEach((key, position) => expect(index.get(key)).toBe(position % 3 === 0 ? undefined : position));
    expect(index.size).toBe(340);
  });
});
