import type { Clock, IdGenerator } from '../ports/runtime.js';

/**
 * The machine's clock.
 *
 * @example
 * ```ts
 * createSystemClock().now() instanceof Date; //=> true
 * ```
 */
export function createSystemClock(): Clock {
  return { now: () => new Date() };
}

/**
 * A clock that starts at `start` and moves `stepMs` forward on every read:
 * reproducible instants for tests and demos.
 *
 * @example
 * ```ts
 * const clock = createSteppingClock('2026-01-01T00:00:00.000Z', 1000);
 * clock.now().toISOString(); //=> '2026-01-01T00:00:00.000Z'
 * clock.now().toISOString(); //=> '2026-01-01T00:00:01.000Z'
 * ```
 */
export function createSteppingClock(start: string, stepMs = 0): Clock {
  let next = Date.parse(start);
  if (Number.isNaN(next)) throw new RangeError(`createSteppingClock: '${start}' is not an ISO instant`);
  return {
    now() {
      const instant = new Date(next);
      next += stepMs;
      return instant;
    },
  };
}

/**
 * Ids `<prefix>_1`, `<prefix>_2`, ... counted per prefix: reproducible.
 *
 * @example
 * ```ts
 * const ids = createSequentialIds();
 * ids.next('acc'); //=> 'acc_1'
 * ids.next('acc'); //=> 'acc_2'
 * ```
 */
export function createSequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const count = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, count);
      return `${prefix}_${count}`;
    },
  };
}
