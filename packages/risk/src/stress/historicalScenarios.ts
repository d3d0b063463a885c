import type { StressScenario } from './scenarioSchema.js';

/*
 * Historical scenarios as asset-class shocks. Every shock is the change
 * between two published closing levels of a public index, given with the
 * dates and levels so it can be checked (shock = to / from - 1, rounded to
 * four decimals). Asset classes for which no index level was sourced are left
 * out of the scenario and listed in `omitted`, rather than guessed.
 *
 * Asset-class keys: us_equity (S&P 500, price index), us_large_cap_blue_chip
 * (Dow Jones Industrial Average), us_tech_equity (Nasdaq Composite),
 * us_aggregate_bonds (Bloomberg US Aggregate, total return).
 */

const spdji = 'S&P Dow Jones Indices (daily closing levels)';
const nasdaq = 'Nasdaq, Inc. (Nasdaq Composite daily closing levels)';

/** The five built-in historical scenarios. */
export const historicalScenarios: readonly StressScenario[] = [
  {
    id: 'crash_1987',
    name: 'Black Monday, 19 October 1987',
    description: 'The largest one-day percentage fall of the S&P 500 and the Dow.',
    shocks: [
      {
        assetClass: 'us_equity',
        shock: -0.2047,
        source: { index: 'S&P 500', from: { date: '1987-10-16', level: 282.7 }, to: { date: '1987-10-19', level: 224.84 }, publisher: spdji },
      },
      {
        assetClass: 'us_large_cap_blue_chip',
        shock: -0.2261,
        source: {
          index: 'Dow Jones Industrial Average',
          from: { date: '1987-10-16', level: 2246.74 },
          to: { date: '1987-10-19', level: 1738.74 },
          publisher: spdji,
        },
      },
    ],
    omitted: [
      { assetClass: 'us_tech_equity', reason: 'no sourced Nasdaq Composite closing levels for these dates' },
      { assetClass: 'us_aggregate_bonds', reason: 'no sourced daily index levels for these dates' },
    ],
  },
  {
    id: 'dotcom_2000_2002',
    name: 'Dot-com bust, March 2000 to October 2002',
    description: 'Peak to trough of the bear market that followed the technology bubble.',
    shocks: [
      {
        assetClass: 'us_equity',
        shock: -0.4915,
        source: { index: 'S&P 500', from: { date: '2000-03-24', level: 1527.46 }, to: { date: '2002-10-09', level: 776.76 }, publisher: spdji },
      },
      {
        assetClass: 'us_tech_equity',
        shock: -0.7793,
        source: {
          index: 'Nasdaq Composite',
          from: { date: '2000-03-10', level: 5048.62 },
          to: { date: '2002-10-09', level: 1114.11 },
          publisher: nasdaq,
          note: 'the Nasdaq peaked two weeks before the S&P 500',
        },
      },
    ],
    omitted: [{ assetClass: 'us_aggregate_bonds', reason: 'no sourced index levels for the same window' }],
  },
  {
    id: 'gfc_2008',
    name: 'Global financial crisis, October 2007 to March 2009',
    description: 'Peak to trough of the S&P 500 through the 2008 banking crisis.',
    shocks: [
      {
        assetClass: 'us_equity',
        shock: -0.5678,
        source: { index: 'S&P 500', from: { date: '2007-10-09', level: 1565.15 }, to: { date: '2009-03-09', level: 676.53 }, publisher: spdji },
      },
    ],
    omitted: [
      { assetClass: 'us_tech_equity', reason: 'no sourced Nasdaq Composite closing level for the S&P 500 peak date' },
      { assetClass: 'us_aggregate_bonds', reason: 'no sourced index levels for the same window' },
    ],
  },
  {
    id: 'covid_2020',
    name: 'COVID-19 crash, February to March 2020',
    description: 'The fastest 30% fall of the S&P 500 on record, 19 February to 23 March 2020.',
    shocks: [
      {
        assetClass: 'us_equity',
        shock: -0.3392,
        source: { index: 'S&P 500', from: { date: '2020-02-19', level: 3386.15 }, to: { date: '2020-03-23', level: 2237.4 }, publisher: spdji },
      },
      {
        assetClass: 'us_tech_equity',
        shock: -0.3012,
        source: { index: 'Nasdaq Composite', from: { date: '2020-02-19', level: 9817.18 }, to: { date: '2020-03-23', level: 6860.67 }, publisher: nasdaq },
      },
    ],
    omitted: [{ assetClass: 'us_aggregate_bonds', reason: 'no sourced index levels for the same window' }],
  },
  {
    id: 'rates_2022',
    name: '2022 rates shock',
    description: 'Calendar year 2022, when inflation and rate rises hit stocks and bonds together.',
    shocks: [
      {
        assetClass: 'us_equity',
        shock: -0.1944,
        source: { index: 'S&P 500', from: { date: '2021-12-31', level: 4766.18 }, to: { date: '2022-12-30', level: 3839.5 }, publisher: spdji },
      },
      {
        assetClass: 'us_tech_equity',
        shock: -0.331,
        source: { index: 'Nasdaq Composite', from: { date: '2021-12-31', level: 15644.97 }, to: { date: '2022-12-30', level: 10466.48 }, publisher: nasdaq },
      },
    ],
    omitted: [
      {
        assetClass: 'us_aggregate_bonds',
        reason: 'its widely reported 2022 total return (about -13%) is not backed here by published index levels, so it is not used',
      },
    ],
  },
];
