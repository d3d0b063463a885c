import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { StressScenarioSchema, type StressScenario } from './scenarioSchema.js';

/** A holding to stress: its market value (in the reporting currency) and asset class. */
export const StressPositionSchema = z.object({
  id: z.string().min(1),
  assetClass: z.string().min(1),
  /** Market value as a number: stress P&L is a statistical estimate, converted to Money at the edge. */
  marketValue: z.number().finite(),
});
export type StressPosition = z.infer<typeof StressPositionSchema>;

/** Options of `runStressTest`. */
export interface StressTestOptions {
  /**
   * What to do with a position whose asset class the scenario does not shock:
   * 'zero' (default) applies no change and lists the class in
   * `unshockedAssetClasses`; 'error' throws UNSHOCKED_ASSET_CLASS.
   */
  readonly unshocked?: 'zero' | 'error';
  /**
   * Stand-ins for asset classes a scenario does not shock, e.g.
   * `{ us_tech_equity: 'us_equity' }` applies the S&P 500 move to a Nasdaq
   * holding in 2008. A proxied position reports `proxy`.
   */
  readonly proxies?: Readonly<Record<string, string>>;
}

/** Profit and loss of a portfolio under one scenario. */
export interface StressTestResult {
  readonly scenarioId: string;
  readonly byPosition: readonly { id: string; assetClass: string; marketValue: number; shock: number; pnl: number; proxy?: string }[];
  readonly byAssetClass: readonly { assetClass: string; marketValue: number; shock: number; pnl: number }[];
  readonly total: { marketValue: number; pnl: number; returnFraction: number };
  readonly unshockedAssetClasses: readonly string[];
}

/** Positions a stress test accepts at most. */
export const stressPositionsMax = 100_000;

/**
 * Applies a scenario's asset-class shocks to positions: P&L = market value x
 * shock, reported by position, by asset class and in total. Short positions
 * (negative market value) gain when their class falls.
 *
 * @throws KronosError INVALID_INPUT for a malformed scenario or position;
 *   UNSHOCKED_ASSET_CLASS with `{ unshocked: 'error' }`.
 * @example
 * ```ts
 * const covid = historicalScenarios.find((s) => s.id === 'covid_2020')!;
 * const result = runStressTest([{ id: 'spy', assetClass: 'us_equity', marketValue: 10_000 }], covid);
 * result.total.pnl; //=> -3392
 * ```
 */
export function runStressTest(positions: readonly StressPosition[], scenario: StressScenario, options: StressTestOptions = {}): StressTestResult {
  const parsedScenario = StressScenarioSchema.safeParse(scenario);
  if (!parsedScenario.success) {
    throw new KronosError('INVALID_INPUT', 'The stress scenario is malformed: fix the listed issues.', { issues: parsedScenario.error.issues });
  }
  const parsedPositions = z.array(StressPositionSchema).max(stressPositionsMax).safeParse(positions);
  if (!parsedPositions.success) {
    throw new KronosError('INVALID_INPUT', 'A position is malformed: each needs an id, an asset class and a finite market value.', {
      issues: parsedPositions.error.issues,
    });
  }
  const shocks = new Map(parsedScenario.data.shocks.map((s) => [s.assetClass, s.shock]));
  const unshocked = new Set<string>();
  const byClass = new Map<string, { marketValue: number; pnl: number; shock: number }>();
  const byPosition = parsedPositions.data.map((p) => {
    const direct = shocks.get(p.assetClass);
    const proxy = direct === undefined ? options.proxies?.[p.assetClass] : undefined;
    const shock = direct ?? (proxy === undefined ? undefined : shocks.get(proxy));
    if (shock === undefined) {
      if (options.unshocked === 'error') {
        throw new KronosError('UNSHOCKED_ASSET_CLASS', `Scenario ${scenario.id} has no shock for asset class ${p.assetClass}; add one or map the position to a shocked class.`, {
          scenarioId: scenario.id,
          assetClass: p.assetClass,
          positionId: p.id,
        });
      }
      unshocked.add(p.assetClass);
    }
    const pnl = p.marketValue * (shock ?? 0);
    const group = byClass.get(p.assetClass) ?? { marketValue: 0, pnl: 0, shock: shock ?? 0 };
    group.marketValue += p.marketValue;
    group.pnl += pnl;
    byClass.set(p.assetClass, group);
    const row = { id: p.id, assetClass: p.assetClass, marketValue: p.marketValue, shock: shock ?? 0, pnl };
    return proxy !== undefined && shock !== undefined ? { ...row, proxy } : row;
  });
  const byAssetClass = [...byClass.entries()].map(([assetClass, g]) => ({ assetClass, ...g }));
  const marketValue = byAssetClass.reduce((sum, g) => sum + g.marketValue, 0);
  const pnl = byAssetClass.reduce((sum, g) => sum + g.pnl, 0);
  return {
    scenarioId: scenario.id,
    byPosition,
    byAssetClass,
    total: { marketValue, pnl, returnFraction: marketValue === 0 ? 0 : pnl / marketValue },
    unshockedAssetClasses: [...unshocked],
  };
}

/**
 * Validates a custom scenario (a hypothetical "equities -30%, bonds -5%", say).
 *
 * @throws KronosError INVALID_INPUT listing the zod issues.
 * @example
 * ```ts
 * const s = createStressScenario({ id: 'custom', name: 'Equities -30%', shocks: [{ assetClass: 'us_equity', shock: -0.3 }] });
 * s.shocks.length; //=> 1
 * ```
 */
export function createStressScenario(input: unknown): StressScenario {
  const parsed = StressScenarioSchema.safeParse(input);
  if (!parsed.success) {
    throw new KronosError('INVALID_INPUT', 'The stress scenario is malformed: fix the listed issues.', { issues: parsed.error.issues });
  }
  return parsed.data;
}
