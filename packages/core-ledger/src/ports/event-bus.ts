/** An event: a type, the instant it happened (ISO UTC) and a zod-typed payload. */
export interface KronosEvent<T extends string = string, P = unknown> {
  readonly type: T;
  readonly occurredAt: string;
  readonly payload: P;
}

/**
 * The EventBus port. The ledger publishes after a write has committed;
 * subscribers (workflow triggers, projections) receive every event of a type.
 */
export interface EventBus {
  publish(event: KronosEvent): Promise<void>;
  /** Returns a function that unsubscribes. */
  subscribe(type: string, handler: (event: KronosEvent) => unknown): () => void;
  /** Optional: whether anyone listens to `type`, so a publisher may skip building events nobody reads. */
  hasSubscribers?(type: string): boolean;
}
