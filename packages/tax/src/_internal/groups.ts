import type { SubstantiallyIdenticalGroup } from '../records/schemas.js';

/**
 * Resolves a symbol to the key of its substantially-identical group. Symbols
 * are joined when a user group lists them together, when they share a CUSIP,
 * or when a symbol change links an old ticker to a new one (a union-find, so
 * the joins are transitive and the key does not depend on input order: it is
 * the smallest member name).
 */
export interface GroupResolver {
  keyOf(symbol: string): string;
  sameGroup(a: string, b: string): boolean;
}

interface GroupLinks {
  readonly groups?: readonly SubstantiallyIdenticalGroup[];
  /** Pairs of names that are the same security (symbol change, symbol + CUSIP). */
  readonly pairs?: readonly (readonly [string, string])[];
}

export function createGroupResolver(links: GroupLinks): GroupResolver {
  const parent = new Map<string, string>();
  const find = (name: string): string => {
    let root = name;
    for (let next = parent.get(root); next !== undefined && next !== root; next = parent.get(root)) root = next;
    // Path compression keeps later look-ups flat.
    for (let node = name; node !== root; ) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA === rootB) return;
    // The smaller name becomes the root, so keys do not depend on join order.
    if (rootA < rootB) parent.set(rootB, rootA);
    else parent.set(rootA, rootB);
  };
  for (const group of links.groups ?? []) {
    const members = [...group.symbols, ...group.cusips.map((cusip) => `cusip:${cusip.toUpperCase()}`)];
    const first = members[0];
    if (first === undefined) continue;
    for (const member of members) union(first, member);
  }
  for (const [a, b] of links.pairs ?? []) union(a, b);
  const keys = new Map<string, string>();
  return {
    keyOf(symbol) {
      let key = keys.get(symbol);
      if (key === undefined) {
        key = find(symbol);
        keys.set(symbol, key);
      }
      return key;
    },
    sameGroup(a, b) {
      return this.keyOf(a) === this.keyOf(b);
    },
  };
}
