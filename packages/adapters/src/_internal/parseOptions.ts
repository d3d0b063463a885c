import type { z } from 'zod';
import { KronosError } from '@kronos/core-ledger';

/** Validates caller options with their zod schema; a bad option is an `INVALID_INPUT` naming its path. */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, functionName: string): z.output<S> {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const first = issues[0];
  throw new KronosError('INVALID_INPUT', `${functionName}: option ${first?.path || '(root)'} ${first?.message ?? 'is invalid'}.`, { issues });
}
