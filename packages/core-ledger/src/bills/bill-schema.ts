import { z } from 'zod';
import { IdSchema } from '../_internal/schemas.js';
import { IsoDateSchema } from '../dates/iso-date.js';

/** Most bills one call takes. */
export const billsPerCallMax = 10_000;

/**
 * Monthly on day `day` (1 to 31). In a month shorter than `day` the bill falls
 * due on the month's last day (31 becomes 30 in April, 28 or 29 in February).
 */
export const MonthlyScheduleSchema = z.strictObject({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31) });

/** Every `everyWeeks` weeks; `anchor` is the first due date and fixes the phase. */
export const WeeklyScheduleSchema = z.strictObject({ kind: z.literal('weekly'), everyWeeks: z.number().int().min(1).max(52), anchor: IsoDateSchema });

/**
 * Yearly on `date` (`MM-DD`). A bill set on 02-29 falls due on 02-28 in
 * years that are not leap years.
 */
export const YearlyScheduleSchema = z.strictObject({
  kind: z.literal('yearly'),
  date: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month and day written MM-DD')
    .refine((value) => !['02-30', '02-31', '04-31', '06-31', '09-31', '11-31'].includes(value), 'a day that exists in that month'),
});

/**
 * The last business day of every month: the last day that is neither a
 * Saturday, a Sunday nor one of `holidays`.
 */
export const LastBusinessDayScheduleSchema = z.strictObject({ kind: z.literal('last_business_day'), holidays: z.array(IsoDateSchema).max(1000).default([]) });

/** When a bill falls due. */
export const BillScheduleSchema = z.discriminatedUnion('kind', [MonthlyScheduleSchema, WeeklyScheduleSchema, YearlyScheduleSchema, LastBusinessDayScheduleSchema]);
/** When a bill falls due. */
export type BillSchedule = z.input<typeof BillScheduleSchema>;

/**
 * A recurring bill: who is paid, by which entity and from which account, on
 * what schedule, how much. `amount` is positive, a decimal string in
 * `currency`; `estimated` marks an amount that varies (a utility bill), to be
 * refreshed with `estimateBillAmount`. Occurrences run from `startDate` to
 * `endDate`, both inclusive.
 */
export const BillSchema = z
  .strictObject({
    id: IdSchema,
    payee: z.string().trim().min(1).max(200),
    entityId: IdSchema,
    payFromAccountId: IdSchema,
    /** The expense account the payment goes to, when known. */
    categoryAccountId: IdSchema.optional(),
    schedule: BillScheduleSchema,
    amount: z.string().max(40).regex(/^\d+(\.\d+)?$/, 'a positive plain decimal string such as "120.00"'),
    currency: z.string().min(1).max(32),
    estimated: z.boolean().default(false),
    autopay: z.boolean().default(false),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema.optional(),
  })
  .refine((bill) => bill.endDate === undefined || bill.startDate <= bill.endDate, { message: 'endDate must not be before startDate', path: ['endDate'] });
/** A bill as a host writes it. */
export type BillInput = z.input<typeof BillSchema>;
/** A parsed bill (defaults filled in). */
export type Bill = z.output<typeof BillSchema>;
