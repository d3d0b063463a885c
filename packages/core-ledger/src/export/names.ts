import type { Account } from '../accounts/account-view.js';
import type { Currency } from '../money/currency.js';

/** How many suffixes are tried before a name is declared impossible to make unique (a bound, never reached in practice). */
const suffixesMax = 100_000;

/**
 * Gives each item its candidate name, and the later of two items whose
 * candidates collide (in the order given) a suffixed one, so that the mapping
 * is one-to-one. A suffixed name never takes a name another item wants.
 */
export function uniqueNames<T>(items: readonly T[], candidate: (item: T) => string, withSuffix: (name: string, suffix: number) => string): string[] {
  const wanted = items.map(candidate);
  const taken = new Set<string>();
  const wantedSet = new Set(wanted);
  return wanted.map((name) => {
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
    for (let suffix = 2; suffix <= suffixesMax; suffix++) {
      const next = withSuffix(name, suffix);
      if (!taken.has(next) && !wantedSet.has(next)) {
        taken.add(next);
        return next;
      }
    }
    throw new Error(`no unique name for '${name}' within ${suffixesMax} suffixes`);
  });
}

/** Code-unit order, the same in every locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The key a commodity is told apart by: code and scale (`USD/2`). */
export function unitKey(unit: Currency): string {
  return `${unit.code}/${unit.scale}`;
}

/** Distinct units of the accounts, in order of first appearance. */
export function unitsOf(accounts: readonly Account[]): Currency[] {
  const units = new Map<string, Currency>();
  for (const account of accounts) if (!units.has(unitKey(account.currency))) units.set(unitKey(account.currency), account.currency);
  return [...units.values()];
}

/** The first segment of an account name (its type root) and the rest. */
export function splitName(name: string): { root: string; rest: string[] } {
  const [root, ...rest] = name.split(':');
  return { root: root!, rest };
}
