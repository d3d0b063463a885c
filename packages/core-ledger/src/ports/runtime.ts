/** Tells the time. Injected so tests and replays are reproducible. */
export interface Clock {
  now(): Date;
}

/** Makes ids for records the ledger creates on its own (accounts a flow opens). */
export interface IdGenerator {
  next(prefix: string): string;
}
