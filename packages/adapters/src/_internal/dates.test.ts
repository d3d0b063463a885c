import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format } from 'date-fns';
import { parseDateByFormat, parseOfxDate } from './dates.js';

describe('parseDateByFormat', () => {
  it('reads the usual bank layouts', () => {
    expect(parseDateByFormat('06/24/2024', 'MM/dd/yyyy')).toBe('2024-06-24');
    expect(parseDateByFormat('6/4/2024', 'M/d/yyyy')).toBe('2024-06-04');
    expect(parseDateByFormat('24.06.24', 'dd.MM.yy')).toBe('2024-06-24');
    expect(parseDateByFormat('2025.12.04', 'yyyy.MM.dd')).toBe('2025-12-04');
    expect(parseDateByFormat("1/5'24", "M/d'yy")).toBe('2024-01-05');
  });

  it('pivots two-digit years at 70', () => {
    expect(parseDateByFormat('01.01.69', 'dd.MM.yy')).toBe('2069-01-01');
    expect(parseDateByFormat('01.01.70', 'dd.MM.yy')).toBe('1970-01-01');
  });

  it('refuses impossible dates and other layouts', () => {
    expect(parseDateByFormat('02/30/2024', 'MM/dd/yyyy')).toBeNull();
    expect(parseDateByFormat('02/29/2023', 'MM/dd/yyyy')).toBeNull();
    expect(parseDateByFormat('2024-06-24', 'MM/dd/yyyy')).toBeNull();
  });

  describe('properties', () => {
    it('agrees with date-fns format: a real date written in a layout reads back as itself', () => {
      const layouts = ['MM/dd/yyyy', 'dd.MM.yyyy', 'yyyy-MM-dd', 'd/M/yyyy', 'yyyy.MM.dd'];
      fc.assert(fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), fc.constantFrom(...layouts), (date, layout) => {
        const local = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
        expect(parseDateByFormat(format(local, layout), layout)).toBe(format(local, 'yyyy-MM-dd'));
      }), { numRuns: 300 });
    });
  });
});

describe('parseOfxDate', () => {
  it('keeps the calendar date the bank wrote, whatever the offset', () => {
    // ofxparse converts to UTC (19881201230100 [-5:EST] -> 1988-12-02 04:01);
    // a business date stays the bank's 1 December.
    expect(parseOfxDate('19881201230100 [-5:EST]')).toEqual({ kind: 'date', date: '1988-12-01' });
    expect(parseOfxDate('20090401122017.000[-5:EST]')).toEqual({ kind: 'date', date: '2009-04-01' });
    expect(parseOfxDate('20120412120000 [-5.5:XXX]')).toEqual({ kind: 'date', date: '2012-04-12' });
    expect(parseOfxDate('20180804093914:014')).toEqual({ kind: 'date', date: '2018-08-04' });
  });

  it('says absent for empty and 00000000, invalid for the ofxparse bad formats', () => {
    expect(parseOfxDate('')).toEqual({ kind: 'absent' });
    expect(parseOfxDate('00000000')).toEqual({ kind: 'absent' });
    for (const bad of ['abcdLOL!', '881103', '19881301', '201120000000']) expect(parseOfxDate(bad)).toEqual({ kind: 'invalid' });
  });
});
