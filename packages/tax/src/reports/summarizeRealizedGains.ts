import { Money, currency } from '@kronos/core-ledger';
import { yearOf } from '../_internal/dates.js';
import type { HoldingTerm } from '../holding/classifyHoldingPeriod.js';
import type { Disposal } from '../lots/types.js';

/** Realised results of one tax year and term (USD). */
export interface RealizedGainSummary {
  readonly year: number;
  /** `'1256'` for section 1256 contracts (Form 6781; their 60/40 split is left to the return). */
  readonly term: HoldingTerm | '1256';
  readonly proceeds: Money;
  readonly basis: Money;
  /** Loss disallowed by wash sales (not deductible this year). */
  readonly disallowedLoss: Money;
  /** proceeds - basis + disallowedLoss: what is reported. */
  readonly gain: Money;
}

/**
 * Realised gains by year and term for the taxable disposals (IRA/Roth/401k
 * sales are not taxable events and are left out), sorted by year, then short,
 * long, 1256.
 *
 * @example
 * ```ts
 * summarizeRealizedGains([]); //=> []
 * ```
 */
export function summarizeRealizedGains(disposals: readonly Disposal[]): RealizedGainSummary[] {
  const usd = currency('USD');
  const zero = Money.zero(usd);
  const sums = new Map<string, { year: number; term: RealizedGainSummary['term']; proceeds: Money; basis: Money; disallowedLoss: Money; gain: Money }>();
  for (const disposal of disposals) {
    if (!disposal.taxable) continue;
    const year = yearOf(disposal.soldOn);
    const term = disposal.section1256 ? ('1256' as const) : disposal.term;
    const key = `${year}:${term}`;
    const sum = sums.get(key) ?? { year, term, proceeds: zero, basis: zero, disallowedLoss: zero, gain: zero };
    sum.proceeds = sum.proceeds.add(disposal.proceeds);
    sum.basis = sum.basis.add(disposal.basis);
    sum.disallowedLoss = sum.disallowedLoss.add(disposal.disallowedLoss);
    sum.gain = sum.gain.add(disposal.recognizedGain);
    sums.set(key, sum);
  }
  const termOrder = { short: 0, long: 1, '1256': 2 } as const;
  return [...sums.values()].sort((a, b) => a.year - b.year || termOrder[a.term] - termOrder[b.term]);
}
