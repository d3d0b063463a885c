import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isKronosError } from '@kronos/core-ledger';
import { detectBankFileFormat, parseBankFile, type BankFileOptions } from '@kronos/adapters/import';
import { readFixture } from '../_internal/fixtures.js';

const fixtures = [
  ['bank_medium.ofx', 'ofx', 3], ['anzcc.ofx', 'ofx', 1], ['suncorp.ofx', 'ofx', 1], ['investment_401k.ofx', 'ofx', 0],
  ['ofx-v102-empty-tags.ofx', 'ofx', 1], ['html-vals.qfx', 'qfx', 2], ['qif-category.qif', 'qif', 2],
  ['windows-1252.csv', 'csv', 2], ['camt.latin1.xml', 'camt.052', 2], ['camt053.v2.minimal.xml', 'camt.053', 1],
] as const;

const options: BankFileOptions = {
  qif: { defaultCurrency: 'USD' },
  csv: { accountRef: 'checking', currency: 'EUR', dateFormat: 'yyyy.MM.dd', mapping: { date: 'Date', payee: 'Payee', amount: 'Amount' } },
};

describe('detectBankFileFormat', () => {
  it.each(fixtures)('tells the format of %s from its content', (name, format) => {
    expect(detectBankFileFormat(readFixture(name), name)).toBe(format);
  });

  it('tells OFX without a header (decimal_error.ofx) and knows nothing of plain text', () => {
    expect(detectBankFileFormat(readFixture('decimal_error.ofx'))).toBe('ofx');
    expect(detectBankFileFormat('hello world')).toBeNull();
  });
});

describe('parseBankFile', () => {
  it.each(fixtures)('reads %s as %s with %i bank transactions', (name, format, count) => {
    const result = parseBankFile(readFixture(name), { ...options, fileName: name });
    expect(result.format).toBe(format);
    expect(result.transactions).toHaveLength(count);
  });

  it('refuses decimal_error.ofx with a record error', () => {
    expect(() => parseBankFile(readFixture('decimal_error.ofx'))).toThrow(expect.objectContaining({ code: 'IMPORT_INVALID_RECORD' }));
  });

  it('refuses an unknown file with IMPORT_UNKNOWN_FORMAT', () => {
    expect(() => parseBankFile('hello world')).toThrow(expect.objectContaining({ code: 'IMPORT_UNKNOWN_FORMAT' }));
  });

  it('asks for CSV options for a .csv file given none', () => {
    expect(() => parseBankFile('a,b\n', { fileName: 'x.csv' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

/** Parsed data or a KronosError; anything else thrown is a crash. */
function parsesOrRefuses(bytes: Uint8Array, name: string): boolean {
  try {
    const result = parseBankFile(bytes, { ...options, fileName: name });
    return Array.isArray(result.transactions);
  } catch (error) {
    if (isKronosError(error)) return true;
    throw error;
  }
}

describe('properties', () => {
  const names = [...fixtures.map(([name]) => name), 'decimal_error.ofx'];

  it.each(names)('reads %s with flipped bytes to data or a KronosError, never a crash', (name) => {
    const original = readFixture(name);
    const flips = fc.array(fc.record({ at: fc.nat({ max: original.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(flips, (changes) => {
      const bytes = original.slice();
      for (const { at, byte } of changes) bytes[at] = byte;
      return parsesOrRefuses(bytes, name);
    }), { numRuns: 150 });
  });

  it.each(names)('reads %s cut short to data or a KronosError, never a crash', (name) => {
    const original = readFixture(name);
    fc.assert(fc.property(fc.nat({ max: original.length }), (length) => parsesOrRefuses(original.slice(0, length), name)), { numRuns: 100 });
  });
});
