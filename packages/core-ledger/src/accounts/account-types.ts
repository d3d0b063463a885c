import type { AccountType } from '../ports/ledger-store.js';

/** The top segment of an account's name for each type (`Assets:Bank:Checking`). */
export const rootNames: Readonly<Record<AccountType, string>> = {
  asset: 'Assets',
  liability: 'Liabilities',
  equity: 'Equity',
  income: 'Income',
  expense: 'Expenses',
};

/** Subtypes allowed under each type. */
export const accountSubtypes = {
  asset: ['cash', 'checking', 'savings', 'money_market', 'brokerage', 'retirement_ira', 'retirement_401k', 'receivable', 'due_from', 'investment_in_entity', 'property', 'envelope', 'other'],
  liability: ['credit_card', 'loan', 'mortgage', 'bill_payable', 'due_to', 'tax_payable', 'other'],
  equity: ['owner_contribution', 'owner_draw', 'distribution', 'retained_earnings', 'opening_balance', 'other'],
  income: ['salary', 'revenue', 'interest', 'dividend', 'distribution_income', 'capital_gain', 'other'],
  expense: ['general', 'rent', 'payroll', 'fees', 'interest', 'tax', 'software', 'professional_services', 'travel', 'other'],
} as const satisfies Readonly<Record<AccountType, readonly string[]>>;

/** A subtype of any type. */
export type AccountSubtype = (typeof accountSubtypes)[AccountType][number];

/**
 * +1 when the account's normal balance is a debit (assets, expenses), -1 when
 * it is a credit (liabilities, equity, income). normal balance = sign x sum of postings.
 *
 * @example
 * ```ts
 * normalSign('asset'); //=> 1n
 * normalSign('income'); //=> -1n
 * ```
 */
export function normalSign(type: AccountType): 1n | -1n {
  return type === 'asset' || type === 'expense' ? 1n : -1n;
}

/** The type an account name's top segment declares, or undefined. */
export function typeOfName(name: string): AccountType | undefined {
  const root = name.slice(0, name.indexOf(':') < 0 ? name.length : name.indexOf(':'));
  for (const [type, rootName] of Object.entries(rootNames)) if (rootName === root) return type as AccountType;
  return undefined;
}
