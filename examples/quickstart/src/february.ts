import { applyRules, compileRules, createLedger, createSteppingClock, fixCommingling, loadAccountOwners, Money, upcomingBills, type BillInput, type LedgerStore } from '@kronos/core-ledger';

/** What the bank files of February held (as `@kronos/adapters/import` would hand them over). */
const bankLines = [
  { id: 'feb-card-1', date: '2026-02-03', payee: 'GREEN MARKET #12', amount: '-64.20', accountId: 'ana:credit-card' },
  { id: 'feb-card-2', date: '2026-02-07', payee: 'City Parking Garage', amount: '-18.00', accountId: 'ana:credit-card' },
  { id: 'feb-llc-1', date: '2026-02-14', payee: 'TRATTORIA ROMA', amount: '-86.40', accountId: 'studio:checking' },
  { id: 'feb-llc-2', date: '2026-02-16', payee: 'Adobe Creative Cloud', amount: '-59.99', accountId: 'studio:checking' },
];

/** Categorisation rules as a host would store them (plain JSON). */
const rules = compileRules([
  { id: 'groceries', conditions: { payee: { match: 'regex', value: '^(green market|whole foods)' } }, actions: { category: 'ana:groceries', envelope: 'food', expenseOf: 'personal' } },
  { id: 'parking', conditions: { payee: { match: 'contains', value: 'parking' } }, actions: { category: 'ana:transport', envelope: 'transport', expenseOf: 'personal' } },
  { id: 'restaurants', conditions: { payee: { match: 'contains', value: 'trattoria' } }, actions: { category: 'ana:other-expenses', expenseOf: 'personal' } },
  { id: 'software', conditions: { payee: { match: 'contains', value: 'adobe' } }, actions: { category: 'studio:software', expenseOf: 'business' } },
]);

const bills: BillInput[] = [
  { id: 'rent', payee: 'Oak Street Apartments', entityId: 'ana', payFromAccountId: 'ana:checking', schedule: { kind: 'monthly', day: 1 }, amount: '1850.00', currency: 'USD', autopay: true, startDate: '2026-01-01' },
  { id: 'accountant', payee: 'Lee CPA', entityId: 'studio', payFromAccountId: 'studio:checking', schedule: { kind: 'last_business_day', holidays: [] }, amount: '150.00', currency: 'USD', startDate: '2026-01-01' },
];

/**
 * The demo's February, on the books `runBooks` wrote: Ana budgets her month
 * with envelopes, the bank lines are categorised by rules, a personal dinner
 * paid from the LLC's account is flagged and fixed in one call as an owner
 * draw with its document, and the coming bills are listed. Every write is
 * idempotent on its id and dated in February, so January's statements and a
 * second run are unchanged. Returns the printed report.
 */
export async function runFebruary(store: LedgerStore): Promise<string> {
  const ledger = createLedger({ store, actor: 'ana', clock: createSteppingClock('2026-02-28T12:00:00.000Z') });
  const budgets = ledger.budgets;
  await budgets.configureBudget({ id: 'ana-budget', entityId: 'ana', onBudgetAccountIds: ['ana:checking', 'ana:credit-card'] });
  await budgets.defineEnvelope({ id: 'food', entityId: 'ana', name: 'Food', categoryAccountIds: ['ana:groceries', 'ana:other-expenses'] });
  await budgets.defineEnvelope({ id: 'transport', entityId: 'ana', name: 'Transport', categoryAccountIds: ['ana:transport'] });
  await budgets.defineEnvelope({ id: 'housing', entityId: 'ana', name: 'Housing', categoryAccountIds: ['ana:housing'] });
  await budgets.assignMoney({ id: 'feb-food', entityId: 'ana', month: '2026-02', envelopeId: 'food', amount: '400.00' });
  await budgets.assignMoney({ id: 'feb-transport', entityId: 'ana', month: '2026-02', envelopeId: 'transport', amount: '10.00' });
  await budgets.assignMoney({ id: 'feb-housing', entityId: 'ana', month: '2026-02', envelopeId: 'housing', amount: '1850.00' });

  const owners = await loadAccountOwners(ledger);
  const lines: string[] = ['February: bank lines through the rules'];
  for (const line of bankLines) {
    const amount = Money.of(line.amount, 'USD');
    const result = applyRules(rules, { date: line.date, payee: line.payee, amount, accountId: line.accountId }, { accountOwner: (id) => owners.get(id) });
    const paidFrom = owners.get(line.accountId)?.entityId ?? '?';
    // A mis-booked personal expense is first booked where the bank shows it, then fixed with a documented flow.
    const category = result.commingling === null ? (result.category ?? `${paidFrom}:other-expenses`) : `${paidFrom}:other-expenses`;
    await ledger.postEntry({ id: line.id, date: line.date, description: line.payee, postings: [{ accountId: category, amount: amount.negate().toString() }, { accountId: line.accountId, amount: line.amount }] });
    lines.push(`  ${line.date} ${line.payee.padEnd(22)} ${line.amount.padStart(8)}  -> ${category}${result.commingling === null ? '' : `  FLAGGED ${result.commingling.kind}`}`);
    if (result.commingling !== null) {
      const fix = await fixCommingling(ledger, {
        id: `fix-${line.id}`, entryId: line.id, fix: result.commingling.suggestedFix, counterpartyAccountId: result.category ?? 'ana:other-expenses',
        purpose: `Personal expense paid from the LLC account: ${line.payee}`, legalBasis: 'Operating agreement s. 6.2 (distributions to the member)', authorizedBy: 'Ana Diaz, sole member',
      });
      lines.push(`    fixed in one call: reversal ${fix.reversal.id}, ${fix.flow.kind.replace('_', ' ')} ${fix.flow.id} (${fix.flow.entryIds.join(', ')})`);
    }
  }

  const february = await budgets.budgetMonth({ entityId: 'ana', month: '2026-02' });
  lines.push('', `Ana's budget for 2026-02: to be budgeted ${february.toBeBudgeted.toString()} USD`);
  for (const envelope of february.envelopes) {
    lines.push(`  ${envelope.envelopeId.padEnd(28)} assigned ${envelope.assigned.toString().padStart(8)}  spent ${envelope.activity.toString().padStart(8)}  available ${envelope.available.toString().padStart(8)}`);
  }
  lines.push(`  on-budget accounts ${february.onBudgetBalance.toString()} USD = envelopes + to be budgeted + held`);
  const flow = await budgets.moneyFlow({ entityId: 'ana', month: '2026-02' });
  lines.push(`  money-flow chart data: ${flow.nodes.length} nodes, ${flow.links.length} links`);

  const veil = await ledger.veilReport({ from: '2026-02-01', to: '2026-02-28' });
  lines.push('', `Veil report for February: ${veil.ok ? 'OK' : 'NOT OK'} (${veil.flows.length} documented flow${veil.flows.length === 1 ? '' : 's'})`);
  lines.push('Bills due 2026-02-25 to 2026-03-10:');
  for (const bill of upcomingBills(bills, { from: '2026-02-25', to: '2026-03-10' })) {
    lines.push(`  ${bill.dueDate} ${bill.payee.padEnd(22)} ${bill.amount.toString().padStart(8)} USD${bill.autopay ? ' (autopay)' : ''}`);
  }
  return lines.join('\n');
}
