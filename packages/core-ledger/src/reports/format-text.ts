import type { VeilReport } from '../flows/veil-report.js';
import type { Money } from '../money/money.js';
import type { BalanceSheet, IncomeStatement, StatementSection } from '../queries/statements.js';

const nameWidth = 44;
const amountWidth = 16;

function line(label: string, amounts: readonly Money[]): string {
  const shown = amounts.length === 0 ? ['0'] : amounts.map((amount) => `${amount.toString()} ${amount.currency.code}`);
  return shown.map((text, index) => `  ${(index === 0 ? label : '').padEnd(nameWidth)} ${text.padStart(amountWidth)}`).join('\n');
}

/** Options of the statement formatters. */
export interface StatementFormatOptions {
  /** Heading name (defaults to the entity id). */
  readonly title?: string;
  /** Also list accounts whose amount is zero (default false). */
  readonly showZeroLines?: boolean;
}

function block(title: string, section: StatementSection, options: StatementFormatOptions, extra: { label: string; amounts: readonly Money[] } | undefined = undefined): string[] {
  const lines = section.lines.filter((item) => options.showZeroLines === true || !item.amount.isZero());
  const totals = extra === undefined ? section.totals : sumByCurrency([...section.totals, ...extra.amounts]);
  return [title, ...lines.map((item) => line(item.name, [item.amount])), ...(extra === undefined ? [] : [line(extra.label, extra.amounts)]), line(`Total ${title.toLowerCase()}`, totals)];
}

function sumByCurrency(amounts: readonly Money[]): Money[] {
  const totals = new Map<string, Money>();
  for (const amount of amounts) {
    const key = `${amount.currency.code}/${amount.currency.scale}`;
    const seen = totals.get(key);
    totals.set(key, seen === undefined ? amount : seen.add(amount));
  }
  return [...totals.keys()].sort().map((key) => totals.get(key)!);
}

/**
 * A balance sheet as aligned plain text (for consoles, logs, demos).
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * const text = formatBalanceSheet(await ledger.balanceSheet({ entityId: 'ana', asOf: '2026-01-31' }), { title: 'Ana Diaz' });
 * text.split('\n')[0]; //=> 'Balance sheet: Ana Diaz, as of 2026-01-31'
 * ```
 */
export function formatBalanceSheet(sheet: BalanceSheet, options: StatementFormatOptions = {}): string {
  return [
    `Balance sheet: ${options.title ?? sheet.entityId}, as of ${sheet.asOf}`,
    ...block('Assets', sheet.assets, options),
    ...block('Liabilities', sheet.liabilities, options),
    ...block('Equity', sheet.equity, options, { label: 'Current earnings (not yet closed)', amounts: sheet.currentEarnings }),
    `Assets = liabilities + equity: ${sheet.balanced ? 'yes' : 'NO'}`,
  ].join('\n');
}

/**
 * An income statement as aligned plain text.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * const text = formatIncomeStatement(await ledger.incomeStatement({ entityId: 'ana', from: '2026-01-01', to: '2026-01-31' }));
 * text.split('\n')[0]; //=> 'Income statement: ana, 2026-01-01 to 2026-01-31'
 * ```
 */
export function formatIncomeStatement(statement: IncomeStatement, options: StatementFormatOptions = {}): string {
  return [
    `Income statement: ${options.title ?? statement.entityId}, ${statement.from} to ${statement.to}`,
    ...block('Income', statement.income, options),
    ...block('Expenses', statement.expenses, options),
    line('Net income', statement.netIncome),
  ].join('\n');
}

/**
 * A veil report as plain text: each flow with its document and entries, the
 * intercompany balances and whether they mirror, and any mixed entry.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * const text = formatVeilReport(await ledger.veilReport({ from: '2026-01-01', to: '2026-01-31' }));
 * text.split('\n')[0]; //=> 'Veil report 2026-01-01 to 2026-01-31 (ana): OK'
 * ```
 */
export function formatVeilReport(report: VeilReport): string {
  const flows = report.flows.flatMap(({ flow, entries, documented }) => [
    `  ${flow.date} ${flow.id} ${flow.kind}: ${flow.fromEntityId} -> ${flow.toEntityId} ${flow.amount.toString()} ${flow.amount.currency.code}`,
    `    purpose: ${flow.purpose}; legal basis: ${flow.legalBasis}; authorised by: ${flow.authorizedBy}`,
    `    entries: ${entries.map((entry) => `${entry.id} (${entry.entityId}${entry.reversedById === null ? '' : `, reversed by ${entry.reversedById}`})`).join(', ')}; documented: ${documented ? 'yes' : 'NO'}`,
  ]);
  const balances = report.intercompany.map(
    (balance) =>
      `  ${balance.entityId} is owed by ${balance.counterpartyId}: ${balance.receivable.toString()} ${balance.receivable.currency.code}; ${balance.counterpartyId}'s books owe ${balance.counterpartyPayable.toString()}: ${balance.mirrors ? 'mirrors' : 'DOES NOT MIRROR'}`,
  );
  const mixed = report.mixedEntries.map((entry) => `  ${entry.entryId} (${entry.entityId}) reaches into ${entry.foreignEntityIds.join(', ')}`);
  return [
    `Veil report ${report.from} to ${report.to} (${report.entityIds.join(', ')}): ${report.ok ? 'OK' : 'PROBLEMS FOUND'}`,
    `Flows (${report.flows.length})`,
    ...(flows.length > 0 ? flows : ['  none']),
    'Intercompany balances',
    ...(balances.length > 0 ? balances : ['  none']),
    `Entries mixing entities: ${mixed.length === 0 ? 'none' : mixed.length} (${report.entriesChecked} entries checked)`,
    ...mixed,
  ].join('\n');
}
