import type { RiskLimitBreach, RiskLimitPolicy, RiskSnapshot } from './policy.js';
import { evaluateRiskLimits } from './evaluateRiskLimits.js';

/** The structural event publisher risk needs (core-ledger's EventBus satisfies it). */
export interface RiskEventPublisher {
  publish(event: { type: string; occurredAt: string; payload: unknown }): unknown;
}

/** Dependencies of the monitor: where events go and what time it is. */
export interface RiskMonitorDependencies {
  readonly publisher: RiskEventPublisher;
  /** Returns the current instant; injected so tests and replays are deterministic. */
  readonly clock: () => Date;
}

/** Evaluates policies and emits `risk_limit_breached` events. */
export interface RiskMonitor {
  /** Evaluates, publishes one `risk_limit_breached` event per breach (awaiting each), and returns the breaches. */
  check(policy: RiskLimitPolicy, snapshot: RiskSnapshot): Promise<RiskLimitBreach[]>;
}

/** The event type the monitor emits. */
export const riskLimitBreachedEventType = 'risk_limit_breached';

/**
 * Creates a risk monitor that evaluates a policy and emits a
 * `risk_limit_breached` event (payload: `RiskLimitBreachedPayloadSchema`) for
 * every breach or alert. It recommends; it never trades.
 *
 * @example
 * ```ts
 * const events: unknown[] = [];
 * const monitor = createRiskMonitor({ publisher: { publish: (e) => events.push(e) }, clock: () => new Date('2026-01-02T00:00:00Z') });
 * await monitor.check({ version: 1, positionWeightMax: 0.05 }, { positions: [{ id: 'AAPL', weight: 0.08 }] });
 * events.length; //=> 1
 * ```
 */
export function createRiskMonitor(dependencies: RiskMonitorDependencies): RiskMonitor {
  return {
    async check(policy, snapshot) {
      const breaches = evaluateRiskLimits(policy, snapshot);
      const occurredAt = dependencies.clock().toISOString();
      for (const payload of breaches) {
        await dependencies.publisher.publish({ type: riskLimitBreachedEventType, occurredAt, payload });
      }
      return breaches;
    },
  };
}
