import type { EventBus, KronosEvent } from '../ports/event-bus.js';

/** Options of the in-process bus. */
export interface InProcessEventBusOptions {
  /** Called when a subscriber throws; the write that published has already committed. Defaults to `console.error`. */
  readonly onHandlerError?: (error: unknown, event: KronosEvent) => void;
}

/**
 * The default EventBus: delivers each event to this process's subscribers, in
 * subscription order, awaiting each. A failing subscriber does not stop the
 * others and does not fail the write that published.
 *
 * @example
 * ```ts
 * const bus = createInProcessEventBus();
 * const seen: string[] = [];
 * bus.subscribe('period_closed', (event) => { seen.push(event.type); });
 * await bus.publish({ type: 'period_closed', occurredAt: '2026-02-01T00:00:00.000Z', payload: {} });
 * seen; //=> ['period_closed']
 * ```
 */
export function createInProcessEventBus(options: InProcessEventBusOptions = {}): EventBus {
  const handlers = new Map<string, Set<(event: KronosEvent) => unknown>>();
  const onHandlerError = options.onHandlerError ?? ((error: unknown, event: KronosEvent) => console.error(`event handler for ${event.type} failed`, error));
  return {
    async publish(event) {
      const subscribers = handlers.get(event.type);
      if (subscribers === undefined || subscribers.size === 0) return;
      for (const handler of [...subscribers]) {
        try {
          await handler(event);
        } catch (error) {
          onHandlerError(error, event);
        }
      }
    },
    hasSubscribers(type) {
      return (handlers.get(type)?.size ?? 0) > 0;
    },
    subscribe(type, handler) {
      let subscribers = handlers.get(type);
      if (subscribers === undefined) handlers.set(type, (subscribers = new Set()));
      subscribers.add(handler);
      return () => {
        subscribers.delete(handler);
      };
    },
  };
}
