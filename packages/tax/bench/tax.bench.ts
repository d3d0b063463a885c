/**
 * Benchmarks of @kronos/tax. Prints `bench tax <case> <value> <unit>` lines.
 *
 *   lots_wash_8949_100k_trades  computeTaxLots on validated records (lot relief and
 *                               the taxpayer-wide wash-sale pass) + Form 8949 rows,
 *                               100,000 trades over 1,000 symbols in three accounts
 *   parse_100k_records          parseTaxRecords: the zod validation of the same records
 *   full_100k_trades            both: computeTaxLots on raw records + Form 8949 rows
 *   harvest_scan_10k_lots       scanHarvestOpportunities over 10,000 open lots
 *
 * Trades come from a seeded generator (mulberry32), so every run sees the same data.
 */
import { Money, asset } from '@kronos/core-ledger';
import { buildForm8949Rows, computeTaxLots, parseTaxRecords, reconcileLedger, scanHarvestOpportunities, type TaxRecordInput } from '../src/index.js';

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const accounts = [
  { id: 'brokerage', type: 'taxable' as const },
  { id: 'joint', type: 'taxable' as const },
  { id: 'ira', type: 'ira' as const },
];

function isoDay(dayIndex: number): string {
  return new Date(Date.UTC(2023, 0, 2 + dayIndex)).toISOString().slice(0, 10);
}

/** `tradesTotal` trades, `symbolsTotal` symbols, about 40% sales, over two years. */
function generateTrades(tradesTotal: number, symbolsTotal: number, seed: number): TaxRecordInput[] {
  const random = mulberry32(seed);
  const perSymbol = Math.floor(tradesTotal / symbolsTotal);
  const records: TaxRecordInput[] = [];
  const usd = (cents: number) => Money.fromMinorUnits(BigInt(cents), 'USD');
  for (let s = 0; s < symbolsTotal; s++) {
    const symbol = `S${String(s).padStart(4, '0')}`;
    const unit = asset(symbol, 4);
    let priceCents = 2_000 + Math.floor(random() * 20_000);
    const held = new Map<string, number>();
    const days = Array.from({ length: perSymbol }, () => Math.floor(random() * 730)).sort((a, b) => a - b);
    days.forEach((day, t) => {
      priceCents = Math.max(100, Math.round(priceCents * (1 + (random() - 0.5) * 0.08)));
      const account = accounts[random() < 0.45 ? 0 : random() < 0.8 ? 1 : 2]!.id;
      const have = held.get(account) ?? 0;
      const id = `${symbol}-${String(t).padStart(3, '0')}`;
      const common = { id, accountId: account, date: isoDay(day), symbol };
      if (have > 0 && random() < 0.4) {
        const quantity = Math.max(1, Math.floor(have * (0.3 + random() * 0.7)));
        held.set(account, have - quantity);
        records.push({ kind: 'sell', ...common, quantity: Money.of(String(quantity), unit), proceeds: usd(priceCents * quantity) });
      } else {
        const quantity = 1 + Math.floor(random() * 50);
        held.set(account, have + quantity);
        records.push({ kind: 'buy', ...common, quantity: Money.of(String(quantity), unit), cost: usd(priceCents * quantity) });
      }
    });
  }
  return records;
}

/** CPU milliseconds of this process (all threads) for one run: steadier than wall time on a shared machine. */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function timeMs(run: () => void, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const profile = { accounts, substantiallyIdentical: [{ id: 'pair', symbols: ['S0000', 'S0001'] }] };
const trades = generateTrades(100_000, 1_000, 20_261_122);

// Warm-up on a slice, then the median of three full runs.
computeTaxLots(trades.slice(0, 5_000), profile);
const validated = parseTaxRecords(trades);
let ledger = computeTaxLots(validated, profile);
const engineMs = timeMs(() => {
  ledger = computeTaxLots(validated, profile);
  buildForm8949Rows(ledger.disposals);
}, 3);
const engineCpuMs = cpuMs(() => buildForm8949Rows(computeTaxLots(validated, profile).disposals));
const parseMs = timeMs(() => parseTaxRecords(trades), 3);
const fullMs = timeMs(() => buildForm8949Rows(computeTaxLots(trades, profile).disposals), 1);
const rows = buildForm8949Rows(ledger.disposals);
const washed = ledger.disposals.filter((d) => d.disallowedLoss.isPositive()).length;
const reconciled = reconcileLedger(ledger, rows);
if (!reconciled.balanced || !reconciled.form8949Matches) throw new Error('the benchmark ledger does not reconcile');
console.log(`# ${trades.length} trades, ${ledger.disposals.length} disposals, ${washed} washed, ${rows.length} Form 8949 rows, ${ledger.openLots.length} open lots`);
console.log(`bench tax lots_wash_8949_100k_trades ${engineMs.toFixed(1)} ms`);
console.log(`bench tax lots_wash_8949_100k_trades_cpu ${engineCpuMs.toFixed(1)} ms`);
console.log(`bench tax parse_100k_records ${parseMs.toFixed(1)} ms`);
console.log(`bench tax full_100k_trades ${fullMs.toFixed(1)} ms`);

// Harvest: 10,000 open lots with prices at a 10% discount to their average basis for half the symbols.
const open = ledger.openLots.filter((lot) => lot.accountId !== 'ira').slice(0, 10_000);
const prices: Record<string, Money> = {};
for (const lot of open) {
  if (prices[lot.symbol] !== undefined) continue;
  const perShare = lot.basis.amount.div(lot.quantity.amount);
  prices[lot.symbol] = Money.of(perShare.times(lot.symbol.endsWith('0') ? '1.1' : '0.9'), 'USD', { rounding: 'halfEven' });
}
const settings = { asOf: '2025-01-15', accounts, rates: { shortTerm: '0.35', longTerm: '0.15', state: '0.05' }, prices, commissionUsd: Money.of('1.00', 'USD'), spreadBps: '5', lossThresholdFraction: '0.02' };
let found = scanHarvestOpportunities(open, settings);
const harvestMs = timeMs(() => {
  found = scanHarvestOpportunities(open, settings);
}, 5);
console.log(`# harvest: ${open.length} lots scanned, ${found.length} over the thresholds, ${found.filter((o) => o.blocked === undefined).length} proposed`);
console.log(`bench tax harvest_scan_10k_lots ${harvestMs.toFixed(1)} ms`);
