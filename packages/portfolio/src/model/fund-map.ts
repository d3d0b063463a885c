/**
 * The default data file: asset classes and, for each, a primary fund and its
 * substitutes (what tax-loss harvesting swaps into: similar exposure, not
 * "substantially identical"). Attributes feed the ESG and exclusion screens.
 * Expense ratios and ESG scores are illustrative defaults a host replaces with
 * its own data (same shape, `FundMapSchema`).
 */
import { z } from 'zod';

export const AssetClassSchema = z.enum(['us_equity', 'intl_developed_equity', 'emerging_equity', 'us_bonds', 'intl_bonds', 'tips', 'cash']);
export type AssetClass = z.infer<typeof AssetClassSchema>;

export const FundSchema = z.object({
  symbol: z.string().min(1),
  name: z.string(),
  expenseRatioBps: z.number().nonnegative(),
  /** 0 (worst) to 10 (best). */
  esgScore: z.number().min(0).max(10),
  /** Business involvements a screen may exclude, e.g. 'fossil_fuels', 'tobacco', 'weapons'. */
  involvements: z.array(z.string()),
});
export type Fund = z.infer<typeof FundSchema>;

export const FundMapSchema = z.record(AssetClassSchema, z.object({ primary: FundSchema, substitutes: z.array(FundSchema) }));
export type FundMap = z.infer<typeof FundMapSchema>;

const broad = ['fossil_fuels', 'tobacco', 'weapons'];

export const defaultFundMap: FundMap = FundMapSchema.parse({
  us_equity: {
    primary: { symbol: 'VTI', name: 'Vanguard Total Stock Market ETF', expenseRatioBps: 3, esgScore: 5.1, involvements: broad },
    substitutes: [
      { symbol: 'ITOT', name: 'iShares Core S&P Total U.S. Stock Market ETF', expenseRatioBps: 3, esgScore: 5.1, involvements: broad },
      { symbol: 'SCHB', name: 'Schwab U.S. Broad Market ETF', expenseRatioBps: 3, esgScore: 5.0, involvements: broad },
      { symbol: 'ESGV', name: 'Vanguard ESG U.S. Stock ETF', expenseRatioBps: 9, esgScore: 6.8, involvements: [] },
    ],
  },
  intl_developed_equity: {
    primary: { symbol: 'VEA', name: 'Vanguard FTSE Developed Markets ETF', expenseRatioBps: 5, esgScore: 6.2, involvements: broad },
    substitutes: [
      { symbol: 'IEFA', name: 'iShares Core MSCI EAFE ETF', expenseRatioBps: 7, esgScore: 6.3, involvements: broad },
      { symbol: 'ESGD', name: 'iShares ESG Aware MSCI EAFE ETF', expenseRatioBps: 20, esgScore: 7.4, involvements: [] },
    ],
  },
  emerging_equity: {
    primary: { symbol: 'VWO', name: 'Vanguard FTSE Emerging Markets ETF', expenseRatioBps: 8, esgScore: 4.3, involvements: broad },
    substitutes: [
      { symbol: 'IEMG', name: 'iShares Core MSCI Emerging Markets ETF', expenseRatioBps: 9, esgScore: 4.4, involvements: broad },
      { symbol: 'ESGE', name: 'iShares ESG Aware MSCI EM ETF', expenseRatioBps: 25, esgScore: 6.1, involvements: [] },
    ],
  },
  us_bonds: {
    primary: { symbol: 'BND', name: 'Vanguard Total Bond Market ETF', expenseRatioBps: 3, esgScore: 5.9, involvements: ['fossil_fuels'] },
    substitutes: [
      { symbol: 'AGG', name: 'iShares Core U.S. Aggregate Bond ETF', expenseRatioBps: 3, esgScore: 5.9, involvements: ['fossil_fuels'] },
      { symbol: 'EAGG', name: 'iShares ESG Aware U.S. Aggregate Bond ETF', expenseRatioBps: 10, esgScore: 7.0, involvements: [] },
    ],
  },
  intl_bonds: {
    primary: { symbol: 'BNDX', name: 'Vanguard Total International Bond ETF', expenseRatioBps: 7, esgScore: 6.5, involvements: [] },
    substitutes: [{ symbol: 'IAGG', name: 'iShares Core International Aggregate Bond ETF', expenseRatioBps: 7, esgScore: 6.5, involvements: [] }],
  },
  tips: {
    primary: { symbol: 'SCHP', name: 'Schwab U.S. TIPS ETF', expenseRatioBps: 3, esgScore: 6.0, involvements: [] },
    substitutes: [{ symbol: 'VTIP', name: 'Vanguard Short-Term Inflation-Protected Securities ETF', expenseRatioBps: 4, esgScore: 6.0, involvements: [] }],
  },
  cash: {
    primary: { symbol: 'SGOV', name: 'iShares 0-3 Month Treasury Bond ETF', expenseRatioBps: 9, esgScore: 6.0, involvements: [] },
    substitutes: [{ symbol: 'BIL', name: 'SPDR Bloomberg 1-3 Month T-Bill ETF', expenseRatioBps: 14, esgScore: 6.0, involvements: [] }],
  },
});
