import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDecimalText } from './parseDecimalText.js';

describe('parseDecimalText', () => {
  it('reads both notations, grouping, parentheses and a trailing minus', () => {
    expect(parseDecimalText('1,234.56', { decimalSeparator: '.' })).toBe('1234.56');
    expect(parseDecimalText('1.234,56', { decimalSeparator: ',' })).toBe('1234.56');
    expect(parseDecimalText('1 234,56', { decimalSeparator: ',' })).toBe('1234.56');
    expect(parseDecimalText("1'234.56", { decimalSeparator: '.', thousandsSeparator: "'" })).toBe('1234.56');
    expect(parseDecimalText('(12.50)', { decimalSeparator: '.' })).toBe('-12.50');
    expect(parseDecimalText('12.50-', { decimalSeparator: '.' })).toBe('-12.50');
    expect(parseDecimalText('+7', { decimalSeparator: '.' })).toBe('7');
  });

  it('takes the last separator as the decimal one in auto mode', () => {
    expect(parseDecimalText('-1.006,60', { decimalSeparator: 'auto' })).toBe('-1006.60');
    expect(parseDecimalText('-1,006.60', { decimalSeparator: 'auto' })).toBe('-1006.60');
    expect(parseDecimalText('-1006,60', { decimalSeparator: 'auto' })).toBe('-1006.60');
    expect(parseDecimalText('1,234,567', { decimalSeparator: 'auto' })).toBe('1234567');
  });

  it('refuses currency symbols, words, exponents and emptiness', () => {
    for (const text of ['$120', 'abc', '1e5', '', '  ', '1.2.3', 'NaN', 'Infinity', '--1']) {
      expect(parseDecimalText(text, { decimalSeparator: '.' })).toBeNull();
    }
  });

  describe('properties', () => {
    const arbAmount = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 99 }));
    const group = (digits: string, separator: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

    it('round-trips: a number written with grouping in either notation reads back as written plainly', () => {
      fc.assert(fc.property(arbAmount, fc.constantFrom(['.', ','], [',', '.'], ['.', ' '], [',', ' ']), ([negative, whole, cents], [decimal, thousands]) => {
        const fraction = String(cents).padStart(2, '0');
        const plain = `${negative ? '-' : ''}${whole}.${fraction}`;
        const written = `${negative ? '-' : ''}${group(String(whole), thousands)}${decimal}${fraction}`;
        expect(parseDecimalText(written, { decimalSeparator: decimal as '.' | ',', thousandsSeparator: thousands })).toBe(plain);
      }), { numRuns: 300 });
    });
  });
});
