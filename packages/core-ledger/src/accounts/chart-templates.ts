import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { IdSchema, parseInput } from '../_internal/schemas.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { linkedAccountDraft, type LinkedSubtype } from '../flows/flow-accounts.js';
import { notFound, runWrite, unchanged, type LedgerContext, type WriteOptions } from '../ledger/context.js';
import { currency } from '../money/currency.js';
import type { AccountRecord, EntityRecord, LedgerTx } from '../ports/ledger-store.js';
import { toAccount, type Account } from './account-view.js';
import { draftAccount, insertAccounts } from './open-accounts.js';

/** One account of a template: its id suffix, name, subtype and whether it may go below zero. */
export interface TemplateAccount {
  readonly key: string;
  readonly name: string;
  readonly subtype: string;
  readonly noOverdraft?: boolean;
}

/** The chart of accounts of an individual. */
export const individualChart: readonly TemplateAccount[] = [
  { key: 'checking', name: 'Assets:Bank:Checking', subtype: 'checking', noOverdraft: true },
  { key: 'savings', name: 'Assets:Bank:Savings', subtype: 'savings', noOverdraft: true },
  { key: 'cash', name: 'Assets:Cash', subtype: 'cash', noOverdraft: true },
  { key: 'brokerage', name: 'Assets:Investments:Brokerage', subtype: 'brokerage' },
  { key: 'credit-card', name: 'Liabilities:Credit Card', subtype: 'credit_card' },
  { key: 'opening-balances', name: 'Equity:Opening Balances', subtype: 'opening_balance' },
  { key: 'salary', name: 'Income:Salary', subtype: 'salary' },
  { key: 'interest', name: 'Income:Interest', subtype: 'interest' },
  { key: 'dividends', name: 'Income:Dividends', subtype: 'dividend' },
  { key: 'housing', name: 'Expenses:Housing', subtype: 'rent' },
  { key: 'groceries', name: 'Expenses:Groceries', subtype: 'general' },
  { key: 'transport', name: 'Expenses:Transport', subtype: 'travel' },
  { key: 'health', name: 'Expenses:Health', subtype: 'general' },
  { key: 'taxes', name: 'Expenses:Taxes', subtype: 'tax' },
  { key: 'other-expenses', name: 'Expenses:Other', subtype: 'other' },
];

/** The chart of accounts of a single-member LLC (owner accounts are added per owner). */
export const singleMemberLlcChart: readonly TemplateAccount[] = [
  { key: 'checking', name: 'Assets:Bank:Checking', subtype: 'checking', noOverdraft: true },
  { key: 'receivable', name: 'Assets:Accounts Receivable', subtype: 'receivable' },
  { key: 'payable', name: 'Liabilities:Accounts Payable', subtype: 'bill_payable' },
  { key: 'credit-card', name: 'Liabilities:Credit Card', subtype: 'credit_card' },
  { key: 'tax-payable', name: 'Liabilities:Taxes Payable', subtype: 'tax_payable' },
  { key: 'retained-earnings', name: 'Equity:Retained Earnings', subtype: 'retained_earnings' },
  { key: 'revenue', name: 'Income:Revenue', subtype: 'revenue' },
  { key: 'software', name: 'Expenses:Software', subtype: 'software' },
  { key: 'professional-fees', name: 'Expenses:Professional Fees', subtype: 'professional_services' },
  { key: 'bank-fees', name: 'Expenses:Bank Fees', subtype: 'fees' },
  { key: 'rent', name: 'Expenses:Rent', subtype: 'rent' },
  { key: 'travel', name: 'Expenses:Travel', subtype: 'travel' },
  { key: 'other-expenses', name: 'Expenses:Other', subtype: 'other' },
];

/** Input of `applyChartTemplate`. */
export const ChartTemplateInputSchema = z.object({
  entityId: IdSchema,
  template: z.enum(['individual', 'single_member_llc']),
  openedOn: IsoDateSchema,
});
/** Input of `applyChartTemplate`. */
export type ChartTemplateInput = z.input<typeof ChartTemplateInputSchema>;

// Accounts kept per related entity: an owner's in the LLC, an LLC's in its owner's books.
const ownerLinks: readonly LinkedSubtype[] = ['owner_contribution', 'owner_draw', 'due_to', 'due_from'];
const companyLinks: readonly LinkedSubtype[] = ['investment_in_entity', 'due_from', 'due_to'];

async function templateDrafts(tx: LedgerTx, context: LedgerContext, entity: EntityRecord, template: 'individual' | 'single_member_llc', openedOn: string, at: string): Promise<AccountRecord[]> {
  const unit = currency(entity.baseCurrency);
  const chart = template === 'individual' ? individualChart : singleMemberLlcChart;
  const drafts = chart.map((line) =>
    draftAccount({ id: `${entity.id}:${line.key}`, entityId: entity.id, name: line.name, subtype: line.subtype, currency: unit.code, openedOn, ...(line.noOverdraft === true ? { balanceMin: '0' } : {}) }, at),
  );
  const related: { other: EntityRecord; links: readonly LinkedSubtype[] }[] = [];
  if (template === 'single_member_llc') {
    const owners = await tx.getEntities(entity.owners.map((owner) => owner.entityId));
    for (const owner of owners) if (owner !== undefined) related.push({ other: owner, links: ownerLinks });
  } else {
    for (const company of await tx.listEntities()) if (company.owners.some((owner) => owner.entityId === entity.id)) related.push({ other: company, links: companyLinks });
  }
  const names = new Set(drafts.map((draft) => draft.name));
  for (const { other, links } of related) {
    for (const subtype of links) {
      const draft = linkedAccountDraft(entity, other, subtype, unit, openedOn, names, context.ids, at);
      names.add(draft.name);
      drafts.push(draft);
    }
  }
  return drafts;
}

/**
 * Opens a standard chart of accounts for an entity: for an individual (bank,
 * cash, card, salary, household expenses, and an investment and due-to/
 * due-from account per company they own), or for a single-member LLC (bank,
 * receivables, payables, revenue, expenses, and owner contribution, draw and
 * due-to/due-from accounts for its owner). Account ids are
 * `<entityId>:<key>` (`ana:checking`). Accounts that already exist are kept.
 *
 * @throws KronosError `NOT_FOUND` (entity), `INVALID_INPUT` (template does not fit the entity's kind)
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.createEntity({ id: 'studio', kind: 'single_member_llc', name: 'Ana Studio LLC', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '1' }] });
 * const accounts = await ledger.applyChartTemplate({ entityId: 'studio', template: 'single_member_llc', openedOn: '2026-01-01' });
 * accounts.some((account) => account.name === 'Equity:Owner Draws:Ana Diaz'); //=> true
 * accounts.find((account) => account.id === 'studio:checking')?.name; //=> 'Assets:Bank:Checking'
 * ```
 */
export async function applyChartTemplate(context: LedgerContext, input: ChartTemplateInput, options?: WriteOptions): Promise<Account[]> {
  const { entityId, template, openedOn } = parseInput(ChartTemplateInputSchema, input, 'chart template');
  return runWrite(context, options, async (tx, at) => {
    const [entity] = await tx.getEntities([entityId]);
    if (entity === undefined) throw notFound('entity', entityId, 'create the entity first.');
    const fits = template === 'individual' ? entity.kind === 'individual' : entity.kind === 'single_member_llc';
    if (!fits) throw new KronosError('INVALID_INPUT', `The ${template} template does not fit '${entityId}', a ${entity.kind}: pick the template of its kind.`, { entityId, kind: entity.kind, template });
    const drafts = await templateDrafts(tx, context, entity, template, openedOn, at);
    const existing = await tx.getAccounts(drafts.map((draft) => draft.id));
    const fresh = drafts.filter((_, index) => existing[index] === undefined);
    const { created } = await insertAccounts(tx, fresh);
    const accounts = drafts.map((draft, index) => toAccount(existing[index] ?? draft));
    if (created.length === 0) return unchanged(accounts);
    return { result: accounts, audit: created.map((account) => ({ action: 'account.opened', subjectId: account.id, payload: account.fingerprint })), events: [] };
  });
}
