import { KronosError, type Money } from '@kronos/core-ledger';
import { type TaxProfile, type TaxProfileInput, TaxProfileSchema, type TaxRecord, TaxRecordSchema } from '../records/schemas.js';

/** How many records one call takes at most. */
export const recordsMax = 2_000_000;

const validatedMark = Symbol('@kronos/tax validated records');

/** Records that passed `parseTaxRecords`: `computeTaxLots` does not validate them again. */
export type ValidatedTaxRecords = readonly TaxRecord[] & { readonly [validatedMark]: true };

/** Whether `records` came from `parseTaxRecords` (and so need no second validation). */
export function isValidatedTaxRecords(records: readonly unknown[]): records is ValidatedTaxRecords {
  return (records as { [validatedMark]?: boolean })[validatedMark] === true;
}

/**
 * Validates a profile (accounts, methods, groups, rates).
 *
 * @throws KronosError `INVALID_INPUT` with the zod issues in `details.issues`
 *
 * @example
 * ```ts
 * parseTaxProfile({ accounts: [{ id: 'brokerage', type: 'taxable' }] }).defaultMethod; //=> 'fifo'
 * ```
 */
export function parseTaxProfile(input: TaxProfileInput): TaxProfile {
  const result = TaxProfileSchema.safeParse(input);
  if (!result.success) {
    throw new KronosError('INVALID_INPUT', 'The tax profile is not valid: fix the fields listed in details.issues.', { issues: result.error.issues });
  }
  const ids = new Set<string>();
  for (const account of result.data.accounts) {
    if (ids.has(account.id)) throw new KronosError('INVALID_INPUT', `Account '${account.id}' is listed twice in the profile: list each account once.`, { accountId: account.id });
    ids.add(account.id);
  }
  return result.data;
}

/**
 * Validates records and removes repeats: the same id with the same content is
 * kept once; the same id with different content is refused. The result is
 * marked as validated: `computeTaxLots` takes it without checking it again
 * (do not change it in between).
 *
 * @throws KronosError `INVALID_INPUT` (details.index, details.issues), `IDEMPOTENCY_CONFLICT`
 *
 * @example
 * ```ts
 * const buy = { kind: 'buy', id: 'b1', accountId: 'brokerage', date: '2024-01-02', symbol: 'VTI',
 *   quantity: { amount: '10', currency: 'VTI', scale: 6 }, cost: { amount: '2300.00', currency: 'USD', scale: 2 } };
 * parseTaxRecords([buy, buy]).length; //=> 1
 * ```
 */
export function parseTaxRecords(inputs: readonly unknown[]): ValidatedTaxRecords {
  if (inputs.length > recordsMax) {
    throw new KronosError('INVALID_INPUT', `Too many records (${inputs.length}): pass at most ${recordsMax} per call, a tax year or a few at a time.`, { count: inputs.length, recordsMax });
  }
  const byId = new Map<string, TaxRecord>();
  const records: TaxRecord[] = [];
  inputs.forEach((input, index) => {
    const result = TaxRecordSchema.safeParse(input);
    if (!result.success) {
      throw new KronosError('INVALID_INPUT', `Record ${index} is not valid: fix the fields listed in details.issues.`, { index, issues: result.error.issues });
    }
    const record = result.data;
    checkUnits(record, index);
    const seen = byId.get(record.id);
    if (seen !== undefined) {
      // Contents are compared only for a repeated id: serialising every record was a third of the validation's time.
      if (JSON.stringify(seen) !== JSON.stringify(record)) {
        throw new KronosError('IDEMPOTENCY_CONFLICT', `Record id '${record.id}' was already used for a different record: give each record its own id.`, { id: record.id, index });
      }
      return;
    }
    byId.set(record.id, record);
    records.push(record);
  });
  Object.defineProperty(records, validatedMark, { value: true });
  return records as unknown as ValidatedTaxRecords;
}

function checkUnits(record: TaxRecord, index: number): void {
  if (record.kind === 'split' || record.kind === 'symbolChange') return;
  if (record.quantity.currency.code !== record.symbol) {
    throw new KronosError('INVALID_INPUT', `Record ${index}: the quantity is in '${record.quantity.currency.code}' but the symbol is '${record.symbol}'. Give the quantity in the asset's own code, e.g. asset('${record.symbol}', 6).`, { index, id: record.id });
  }
  if (!record.quantity.isPositive()) {
    throw new KronosError('INVALID_INPUT', `Record ${index}: the quantity must be positive (a sale is a 'sell' record with a positive quantity).`, { index, id: record.id });
  }
  const usd = usdAmountOf(record);
  if (usd.currency.code !== 'USD' || usd.currency.scale !== 2 || usd.isNegative()) {
    throw new KronosError('INVALID_INPUT', `Record ${index}: amounts must be non-negative USD with scale 2, e.g. Money.of('100.00', 'USD').`, { index, id: record.id, currency: usd.currency.code });
  }
}

/** A trade record's USD amount: a sale's proceeds, a transfer's basis, a purchase's cost. */
export function usdAmountOf(record: Exclude<TaxRecord, { kind: 'split' | 'symbolChange' }>): Money {
  return record.kind === 'sell' ? record.proceeds : record.kind === 'transferIn' ? record.basis : record.cost;
}
