/**
 * The exact step of discrete allocation. Starting from every asset at the
 * floor of its target share count with `leftover` grid units of cash, pick
 * the set of assets that get one more share ("upgrades", gain = the target
 * value that share covers, cost = its price) and the shares to give back
 * ("lowerings", gain = -price, cost = -price) that maximise the gain within
 * the cash. Lowering pays for upgrades 1:1, so it only helps through
 * integrality; the optimum is max over upgrade cost c of
 * bestUpgrade[c] - cover(c - leftover), where cover(D) is the smallest
 * lowering sum >= D. Both tables are dynamic programmes over grid units.
 */

export interface UpgradeItem {
  /** Price in grid units (rounded up). */
  readonly cost: number;
  /** Target value the extra share covers (same unit as the gain scale). */
  readonly gain: number;
  /** Shares that may be given back (the floor count). */
  readonly lowerable: number;
}

export interface UpgradeChoice {
  readonly upgrades: boolean[];
  readonly lowerings: number[];
}

/** Grid cells a DP table may hold (per item), the named bound on work and memory. */
export const knapsackCellsMax = 5_000_000;

export function chooseUpgrades(items: readonly UpgradeItem[], leftover: number): UpgradeChoice | undefined {
  const span = items.reduce((sum, item) => sum + (item.gain > 0 ? item.cost : 0), 0);
  if (span > knapsackCellsMax) return undefined;
  const best = new Float64Array(span + 1).fill(-Infinity);
  best[0] = 0;
  const took: Uint8Array[] = [];
  let reach = 0;
  for (const item of items) {
    const taken = new Uint8Array(span + 1);
    if (item.gain > 0) {
      reach += item.cost;
      for (let c = reach; c >= item.cost; c--) {
        const candidate = best[c - item.cost]! + item.gain;
        if (candidate > best[c]!) {
          best[c] = candidate;
          taken[c] = 1;
        }
      }
    }
    took.push(taken);
  }
  const lowering = lowerings(items, span);
  let bestValue = 0;
  let bestCost = 0;
  for (let c = 1; c <= span; c++) {
    if (best[c] === -Infinity) continue;
    const need = Math.max(0, c - leftover);
    const cover = need === 0 ? 0 : lowering.cover[need]!;
    if (cover === Infinity) continue;
    const value = best[c]! - cover;
    if (value > bestValue + 1e-12) {
      bestValue = value;
      bestCost = c;
    }
  }
  const upgrades = items.map(() => false);
  for (let k = items.length - 1, c = bestCost; k >= 0 && c > 0; k--) {
    if (took[k]![c] === 1) {
      upgrades[k] = true;
      c -= items[k]!.cost;
    }
  }
  const need = Math.max(0, bestCost - leftover);
  return { upgrades, lowerings: need === 0 ? items.map(() => 0) : lowering.rebuild(lowering.coverAt[need]!) };
}

/** Reachable lowering sums up to span + max cost, with how to reach them. */
function lowerings(items: readonly UpgradeItem[], span: number) {
  const maxCost = items.reduce((m, item) => Math.max(m, item.cost), 0);
  const limit = span + maxCost;
  // from[s] = index of the item whose share last reached s (-1: unreachable), parent = s - cost.
  const from = new Int32Array(limit + 1).fill(-1);
  const reached = new Uint8Array(limit + 1);
  reached[0] = 1;
  items.forEach((item, k) => {
    if (item.lowerable <= 0 || item.cost === 0) return;
    // Bounded copies: count per residue how many of this item a sum uses (forward pass).
    const used = new Int32Array(limit + 1);
    for (let s = item.cost; s <= limit; s++) {
      if (reached[s] === 1 || reached[s - item.cost] !== 1) continue;
      const count = from[s - item.cost] === k ? used[s - item.cost]! + 1 : 1;
      if (count > item.lowerable) continue;
      reached[s] = 1;
      from[s] = k;
      used[s] = count;
    }
  });
  const cover = new Float64Array(limit + 2).fill(Infinity);
  const coverAt = new Int32Array(limit + 2).fill(-1);
  for (let s = limit; s >= 0; s--) {
    cover[s] = reached[s] === 1 ? s : cover[s + 1]!;
    coverAt[s] = reached[s] === 1 ? s : coverAt[s + 1]!;
  }
  const rebuild = (sum: number): number[] => {
    const counts = items.map(() => 0);
    for (let s = sum, guard = 0; s > 0 && guard <= limit; guard++) {
      const k = from[s]!;
      counts[k]! += 1;
      s -= items[k]!.cost;
    }
    return counts;
  };
  return { cover, coverAt, rebuild };
}
