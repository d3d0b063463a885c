import { Money, isKronosError } from '@kronos/core-ledger';
import { describe, expect, it } from 'vitest';
import { accounts, buy, reinvest, sell } from '../_internal/testRecords.js';
import { computeTaxLots } from './computeTaxLots.js';
import { parseTaxRecords } from './parseRecords.js';

const taxable = { accounts: [accounts.brokerage] };
const lotOf = (ledger: ReturnType<typeof computeTaxLots>, id: string) => ledger.openLots.find((lot) => lot.id === id);
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return isKronosError(error) ? error.code : 'NOT_KRONOS';
  }
  return undefined;
};

describe('computeTaxLots', () => {
  describe('wash sales: IRS Publication 550 (2024), chapter 4, "Wash Sales"', () => {
    it('reproduces the first example: the $250 loss is disallowed and the new basis is $1,050', () => {
      // Publication 550 (2024), ch. 4, Wash Sales, first example (also IRS VITA "Income - Capital Gain or Loss",
      // Case Study 1): 100 shares bought for $1,000, sold for $750, 100 bought back within 30 days for $800;
      // the $250 loss is disallowed and the new basis is $1,050. No dates are given; any within the window fit.
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '100', cost: '1000.00' }),
        sell({ id: 's1', date: '2024-06-03', symbol: 'X', quantity: '100', proceeds: '750.00' }),
        buy({ id: 'b2', date: '2024-06-20', symbol: 'X', quantity: '100', cost: '800.00' }),
      ], taxable);
      const [disposal] = ledger.disposals;
      expect(disposal?.gain.toString()).toBe('-250.00');
      expect(disposal?.disallowedLoss.toString()).toBe('250.00');
      expect(disposal?.recognizedGain.toString()).toBe('0.00');
      expect(lotOf(ledger, 'b2/w1')?.basis.toString()).toBe('1050.00');
      expect(lotOf(ledger, 'b2/w1')?.acquiredOn).toBe('2024-06-20');
    });

    it('reproduces "More or less stock bought than sold": the loss goes to the first 100 shares bought, $500 each to the Feb 12 and Feb 13 lots', () => {
      // Publication 550 (2024), ch. 4, Wash Sales, "More or less stock bought than sold": 100 shares of M bought
      // September 24, sold February 3 at a $1,000 loss; 50 substantially identical shares bought on each of the
      // 4 days February 12-15. The loss is disallowed; half ($500) goes to the basis of the 50 shares bought
      // February 12 and half to those bought February 13 ("match the shares bought in the same order that you
      // bought them, beginning with the first shares bought"). Costs are not given; $5,000 and $2,000 a lot are ours.
      const purchases = ['12', '13', '14', '15'].map((day) => buy({ id: `b-02-${day}`, date: `2024-02-${day}`, symbol: 'M', quantity: '50', cost: '2000.00' }));
      const ledger = computeTaxLots([
        buy({ id: 'b0', date: '2023-09-24', symbol: 'M', quantity: '100', cost: '5000.00' }),
        sell({ id: 's1', date: '2024-02-03', symbol: 'M', quantity: '100', proceeds: '4000.00' }),
        ...purchases,
      ], taxable);
      expect(ledger.disposals[0]?.disallowedLoss.toString()).toBe('1000.00');
      expect(ledger.disposals[0]?.washMatches.map((m) => [m.replacementOriginId, m.disallowedLoss.toString()])).toEqual([['b-02-12', '500.00'], ['b-02-13', '500.00']]);
      expect(lotOf(ledger, 'b-02-12/w1')?.basis.toString()).toBe('2500.00');
      expect(lotOf(ledger, 'b-02-13/w1')?.basis.toString()).toBe('2500.00');
      expect(lotOf(ledger, 'b-02-14')?.basis.toString()).toBe('2000.00');
      expect(lotOf(ledger, 'b-02-15')?.basis.toString()).toBe('2000.00');
      // Holding period: the 132 days from 2023-09-24 to 2024-02-03 are tacked on; the acquisition date stays.
      expect(lotOf(ledger, 'b-02-12/w1')?.holdingPeriodStart).toBe('2023-10-03');
      expect(lotOf(ledger, 'b-02-12/w1')?.acquiredOn).toBe('2024-02-12');
    });

    it('disallows only the matched part when fewer shares are bought back (partial wash sale)', () => {
      // 100 shares sold at a $1,000 loss, 40 bought back: 40% of the loss ($400) is disallowed, $600 allowed.
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'M', quantity: '100', cost: '5000.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'M', quantity: '100', proceeds: '4000.00' }),
        buy({ id: 'b2', date: '2024-03-20', symbol: 'M', quantity: '40', cost: '1600.00' }),
      ], taxable);
      const [disposal] = ledger.disposals;
      expect(disposal?.disallowedLoss.toString()).toBe('400.00');
      expect(disposal?.recognizedGain.toString()).toBe('-600.00');
      expect(lotOf(ledger, 'b2/w1')?.basis.toString()).toBe('2000.00');
    });

    it('counts a purchase within 30 days before the sale as a replacement', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '1000.00' }),
        buy({ id: 'b2', date: '2024-02-10', symbol: 'X', quantity: '10', cost: '800.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'X', quantity: '10', proceeds: '700.00' }),
      ], taxable);
      expect(ledger.disposals[0]?.lotId).toBe('b1');
      expect(ledger.disposals[0]?.disallowedLoss.toString()).toBe('300.00');
      expect(lotOf(ledger, 'b2')?.basis.toString()).toBe('1100.00');
    });

    it('ignores purchases 31 days away on either side', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b0', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '1000.00' }),
        buy({ id: 'b1', date: '2024-01-30', symbol: 'X', quantity: '10', cost: '900.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'X', quantity: '10', proceeds: '700.00' }),
        buy({ id: 'b2', date: '2024-04-01', symbol: 'X', quantity: '10', cost: '650.00' }),
      ], taxable);
      expect(ledger.disposals[0]?.disallowedLoss.toString()).toBe('0.00');
    });

    it('never treats the rest of the same lot as its replacement', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '100', cost: '1000.00' }),
        sell({ id: 's1', date: '2024-01-12', symbol: 'X', quantity: '50', proceeds: '400.00' }),
      ], taxable);
      expect(ledger.disposals[0]?.disallowedLoss.toString()).toBe('0.00');
      expect(lotOf(ledger, 'b1')?.basis.toString()).toBe('500.00');
    });

    it('never treats shares sold in the same sale as replacements', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '100', cost: '1000.00' }),
        buy({ id: 'b2', date: '2024-01-20', symbol: 'X', quantity: '100', cost: '800.00' }),
        sell({ id: 's1', date: '2024-01-25', symbol: 'X', quantity: '200', proceeds: '1400.00' }),
      ], taxable);
      expect(ledger.disposals.map((d) => d.disallowedLoss.toString())).toEqual(['0.00', '0.00']);
      expect(ledger.disposals.map((d) => d.gain.toString())).toEqual(['-300.00', '-100.00']);
    });

    it('disallows the loss for good when the replacement is bought in an IRA (Rev. Rul. 2008-5)', () => {
      // Rev. Rul. 2008-5: the loss is disallowed under section 1091 and the IRA's basis is not increased.
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '100', cost: '1000.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'X', quantity: '100', proceeds: '750.00' }),
        buy({ id: 'ira-b', accountId: 'ira', date: '2024-03-05', symbol: 'X', quantity: '100', cost: '760.00' }),
      ], { accounts: [accounts.brokerage, accounts.ira] });
      const [disposal] = ledger.disposals;
      expect(disposal?.disallowedLoss.toString()).toBe('250.00');
      expect(disposal?.permanentlyDisallowedLoss.toString()).toBe('250.00');
      expect(disposal?.washMatches[0]?.permanent).toBe(true);
      expect(lotOf(ledger, 'ira-b/w1')?.basis.toString()).toBe('760.00');
      expect(ledger.totals.disallowedPermanent.toString()).toBe('250.00');
    });

    it('treats a Roth IRA purchase the same way (Rev. Rul. 2008-5)', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '100.00' }),
        buy({ id: 'roth-b', accountId: 'roth', date: '2024-02-20', symbol: 'X', quantity: '10', cost: '80.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'X', quantity: '10', proceeds: '75.00' }),
      ], { accounts: [accounts.brokerage, accounts.roth] });
      expect(ledger.disposals[0]?.permanentlyDisallowedLoss.toString()).toBe('25.00');
      expect(lotOf(ledger, 'roth-b')?.basis.toString()).toBe('80.00');
      expect(lotOf(ledger, 'roth-b')?.usedAsReplacement).toBe(true);
    });

    it('carries a chain of wash sales through to the final sale', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '100', cost: '1000.00' }),
        sell({ id: 's1', date: '2024-02-01', symbol: 'X', quantity: '100', proceeds: '800.00' }),
        buy({ id: 'b2', date: '2024-02-10', symbol: 'X', quantity: '100', cost: '800.00' }),
        sell({ id: 's2', date: '2024-03-01', symbol: 'X', quantity: '100', proceeds: '700.00' }),
        buy({ id: 'b3', date: '2024-03-15', symbol: 'X', quantity: '100', cost: '700.00' }),
        sell({ id: 's3', date: '2024-06-03', symbol: 'X', quantity: '100', proceeds: '1200.00' }),
      ], taxable);
      expect(ledger.disposals.map((d) => [d.gain.toString(), d.disallowedLoss.toString(), d.recognizedGain.toString()])).toEqual([
        ['-200.00', '200.00', '0.00'],
        ['-300.00', '300.00', '0.00'],
        ['200.00', '0.00', '200.00'],
      ]);
      // b2 tacks 30 days (01-02 -> 02-01), so its period starts 01-11; b3 tacks the 50 days from 01-11 to 03-01.
      expect(ledger.disposals[1]?.holdingPeriodStart).toBe('2024-01-11');
      expect(ledger.disposals[2]?.holdingPeriodStart).toBe('2024-01-25');
    });

    it('lets shares replace only once: a second loss sale finds no replacement left', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '100.00' }),
        buy({ id: 'b2', date: '2024-01-03', symbol: 'X', quantity: '10', cost: '100.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'X', quantity: '10', proceeds: '80.00' }),
        sell({ id: 's2', date: '2024-03-02', symbol: 'X', quantity: '10', proceeds: '80.00' }),
        buy({ id: 'b3', date: '2024-03-10', symbol: 'X', quantity: '10', cost: '85.00' }),
      ], taxable);
      expect(ledger.disposals.map((d) => d.disallowedLoss.toString())).toEqual(['20.00', '0.00']);
    });

    it('gives a shared replacement to the same-day loss sale with the smaller record id', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '100.00' }),
        buy({ id: 'b2', accountId: 'second', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '100.00' }),
        sell({ id: 's-b', date: '2024-03-01', symbol: 'X', quantity: '10', proceeds: '80.00' }),
        sell({ id: 's-a', accountId: 'second', date: '2024-03-01', symbol: 'X', quantity: '10', proceeds: '90.00' }),
        buy({ id: 'b3', date: '2024-03-10', symbol: 'X', quantity: '10', cost: '85.00' }),
      ], { accounts: [accounts.brokerage, accounts.second] });
      const byId = new Map(ledger.disposals.map((d) => [d.saleId, d.disallowedLoss.toString()]));
      expect(byId.get('s-a')).toBe('10.00');
      expect(byId.get('s-b')).toBe('0.00');
    });

    it('washes across substantially identical tickers of a user group, and not across others', () => {
      const profile = { accounts: [accounts.brokerage], substantiallyIdentical: [{ id: 'sp500-etf-classes', symbols: ['SPYX', 'SPYY'] }] };
      const records = (replacement: string) => [
        buy({ id: 'b1', date: '2024-01-02', symbol: 'SPYX', quantity: '10', cost: '100.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'SPYX', quantity: '10', proceeds: '80.00' }),
        buy({ id: 'b2', date: '2024-03-05', symbol: replacement, quantity: '10', cost: '81.00' }),
      ];
      expect(computeTaxLots(records('SPYY'), profile).disposals[0]?.disallowedLoss.toString()).toBe('20.00');
      expect(computeTaxLots(records('VXUS'), profile).disposals[0]?.disallowedLoss.toString()).toBe('0.00');
    });

    it('treats two tickers with one CUSIP as the same security', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'OLD', quantity: '10', cost: '100.00', cusip: '123456789' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'OLD', quantity: '10', proceeds: '80.00' }),
        buy({ id: 'b2', date: '2024-03-05', symbol: 'NEW', quantity: '10', cost: '81.00', cusip: '123456789' }),
      ], taxable);
      expect(ledger.disposals[0]?.disallowedLoss.toString()).toBe('20.00');
    });

    it('washes a loss with a reinvested dividend bought within the window', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'F', quantity: '100', cost: '1000.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'F', quantity: '100', proceeds: '900.00' }),
        reinvest({ id: 'd1', date: '2024-03-15', symbol: 'F', quantity: '2', cost: '18.00' }),
      ], taxable);
      expect(ledger.disposals[0]?.disallowedLoss.toString()).toBe('2.00');
      expect(ledger.disposals[0]?.recognizedGain.toString()).toBe('-98.00');
    });

    it('leaves section 1256 contracts out of the wash-sale rule', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'ESZ4', quantity: '1', cost: '1000.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'ESZ4', quantity: '1', proceeds: '800.00' }),
        buy({ id: 'b2', date: '2024-03-05', symbol: 'ESZ4', quantity: '1', cost: '810.00' }),
      ], { accounts: [accounts.brokerage], section1256Symbols: ['ESZ4'] });
      expect(ledger.disposals[0]?.disallowedLoss.toString()).toBe('0.00');
      expect(ledger.disposals[0]?.section1256).toBe(true);
    });

    it("counts an opted-in spouse's purchase as a replacement", () => {
      const records = [
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '100.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'X', quantity: '10', proceeds: '80.00' }),
        buy({ id: 'sp1', accountId: 'spouse', date: '2024-03-05', symbol: 'X', quantity: '10', cost: '81.00' }),
      ];
      const ledger = computeTaxLots(records, { accounts: [accounts.brokerage, accounts.spouse], includeSpouse: true });
      expect(ledger.disposals[0]?.disallowedLoss.toString()).toBe('20.00');
      expect(lotOf(ledger, 'sp1/w1')?.basis.toString()).toBe('101.00');
      expect(codeOf(() => computeTaxLots(records, { accounts: [accounts.brokerage, accounts.spouse] }))).toBe('INVALID_INPUT');
    });

    it('reports nothing taxable and triggers no wash sale for a loss inside an IRA', () => {
      const ledger = computeTaxLots([
        buy({ id: 'b1', accountId: 'ira', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '100.00' }),
        sell({ id: 's1', accountId: 'ira', date: '2024-03-01', symbol: 'X', quantity: '10', proceeds: '80.00' }),
        buy({ id: 'b2', date: '2024-03-05', symbol: 'X', quantity: '10', cost: '81.00' }),
      ], { accounts: [accounts.brokerage, accounts.ira] });
      expect(ledger.disposals[0]?.taxable).toBe(false);
      expect(ledger.disposals[0]?.disallowedLoss.toString()).toBe('0.00');
    });
  });

  describe('results', () => {
    const records = [
      buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '100.00' }),
      sell({ id: 's1', date: '2024-03-01', symbol: 'X', quantity: '4', proceeds: '30.00' }),
      buy({ id: 'b2', date: '2024-03-05', symbol: 'X', quantity: '4', cost: '31.00' }),
    ];

    it('serialises every field of disposals, matches and lots through toJSON', () => {
      const json = JSON.parse(JSON.stringify(computeTaxLots(records, taxable)));
      expect(json.disposals[0]).toMatchObject({ id: 's1:b1', proceeds: { amount: '30.00' }, basis: { amount: '40.00' }, disallowedLoss: { amount: '10.00' }, term: 'short' });
      expect(json.disposals[0].washMatches[0]).toMatchObject({ replacementLotId: 'b2/w1', disallowedLoss: { amount: '10.00' }, permanent: false });
      expect(json.openLots.map((lot: { id: string; basis: { amount: string } }) => [lot.id, lot.basis.amount])).toEqual([['b1', '60.00'], ['b2/w1', '41.00']]);
    });

    it('splits a basis exactly like Money.allocate when the intermediate products pass 2^53', () => {
      // 3 shares at 8 decimals (3e8 units) and a basis of 1e12 cents: basis x shares is 3e20, far beyond exact doubles.
      const ledger = computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '3', scale: 8, cost: '10000000000.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'X', quantity: '1', scale: 8, proceeds: '4000000000.00' }),
      ], taxable);
      const [sold, kept] = Money.of('10000000000.00', 'USD').allocate(['1', '2']);
      expect(ledger.disposals[0]?.basis.toString()).toBe(sold?.toString());
      expect(ledger.openLots[0]?.basis.toString()).toBe(kept?.toString());
    });

    it('gives the same ledger for records validated beforehand by parseTaxRecords', () => {
      expect(JSON.stringify(computeTaxLots(parseTaxRecords(records), taxable))).toBe(JSON.stringify(computeTaxLots(records, taxable)));
    });
  });

  describe('errors', () => {
    it('refuses a sale of more shares than are held with INSUFFICIENT_SHARES', () => {
      expect(codeOf(() => computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '100.00' }),
        sell({ id: 's1', date: '2024-03-01', symbol: 'X', quantity: '11', proceeds: '80.00' }),
      ], taxable))).toBe('INSUFFICIENT_SHARES');
    });

    it('refuses a record in an account the profile does not list with NOT_FOUND', () => {
      expect(codeOf(() => computeTaxLots([buy({ id: 'b1', accountId: 'nowhere', date: '2024-01-02', symbol: 'X', quantity: '1', cost: '1.00' })], taxable))).toBe('NOT_FOUND');
    });

    it('refuses one id used for two different records with IDEMPOTENCY_CONFLICT, and keeps an exact repeat once', () => {
      const first = buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '1', cost: '1.00' });
      expect(computeTaxLots([first, first], taxable).openLots).toHaveLength(1);
      expect(codeOf(() => computeTaxLots([first, buy({ id: 'b1', date: '2024-01-03', symbol: 'X', quantity: '1', cost: '1.00' })], taxable))).toBe('IDEMPOTENCY_CONFLICT');
    });

    it('refuses amounts beyond the exact integer range with AMOUNT_TOO_LARGE rather than rounding them', () => {
      // 2^53 cents is about 90 trillion dollars.
      expect(codeOf(() => computeTaxLots([buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '1', cost: '100000000000000.00' })], taxable))).toBe('AMOUNT_TOO_LARGE');
      expect(codeOf(() => computeTaxLots([
        buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '1', cost: '60000000000000.00' }),
        buy({ id: 'b2', date: '2024-01-03', symbol: 'X', quantity: '1', cost: '60000000000000.00' }),
      ], taxable))).toBe('AMOUNT_TOO_LARGE');
      expect(codeOf(() => computeTaxLots([buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '100000000', scale: 8, cost: '1.00' })], taxable))).toBe('AMOUNT_TOO_LARGE');
    });

    it('refuses a quantity in another asset than the symbol, and malformed records, with INVALID_INPUT', () => {
      const wrong = { ...buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '1', cost: '1.00' }), symbol: 'Y' };
      expect(codeOf(() => computeTaxLots([wrong], taxable))).toBe('INVALID_INPUT');
      expect(codeOf(() => computeTaxLots([{ kind: 'buy', id: 'b1' }], taxable))).toBe('INVALID_INPUT');
      expect(codeOf(() => computeTaxLots([{ ...buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '1', cost: '1.00' }), date: '2024-02-30' }], taxable))).toBe('INVALID_INPUT');
    });
  });
});

describe('errors, whatever the order records are given in', () => {
  const detailsOf = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return isKronosError(error) ? [error.code, error.details] : error;
    }
    return undefined;
  };

  it('reports the first record in processing order that cannot be taken', () => {
    const records = [
      buy({ id: 'b3', accountId: 'nowhere', date: '2024-01-04', symbol: 'X', quantity: '1', cost: '1.00' }),
      buy({ id: 'b2', date: '2024-01-03', symbol: 'X', quantity: '1', cost: '100000000000000.00' }),
      buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '1', scale: 8, cost: '1.00' }),
      buy({ id: 'b0', accountId: 'elsewhere', date: '2024-01-05', symbol: 'X', quantity: '1', cost: '1.00' }),
    ];
    expect(detailsOf(() => computeTaxLots(records, taxable))).toEqual(['AMOUNT_TOO_LARGE', expect.objectContaining({ what: expect.stringContaining('100000000000000') })]);
    expect(detailsOf(() => computeTaxLots([...records].reverse(), taxable))).toEqual(detailsOf(() => computeTaxLots(records, taxable)));
    expect(detailsOf(() => computeTaxLots(records.filter((r) => r.id !== 'b2'), taxable))).toEqual(['NOT_FOUND', { id: 'b3', accountId: 'nowhere' }]);
  });

  it('refuses a quantity that leaves the exact range only at the largest scale in the records', () => {
    // 1e12 shares at scale 0 are exact; at scale 4 (another record's) they are 1e16 units, beyond 2^53.
    const records = [
      buy({ id: 'b1', date: '2024-01-02', symbol: 'X', quantity: '1000000000000', cost: '1.00' }),
      buy({ id: 'b2', date: '2024-01-03', symbol: 'Y', quantity: '1', scale: 4, cost: '1.00' }),
    ];
    expect(codeOf(() => computeTaxLots(records, taxable))).toBe('AMOUNT_TOO_LARGE');
  });
});
