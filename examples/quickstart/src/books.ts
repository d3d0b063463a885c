import { createLedger, createSteppingClock, formatBalanceSheet, formatVeilReport, type LedgerStore } from '@kronos/core-ledger';

/**
 * The demo's story, on whatever store it is given: Ana and her single-member
 * LLC keep separate books; she contributes capital, the LLC pays a bill, she
 * takes an owner draw. Every write carries its own id, so running the story
 * again on a persistent store changes nothing. Returns the printed report.
 */
export async function runBooks(store: LedgerStore): Promise<string> {
  const ledger = createLedger({ store, actor: 'ana', clock: createSteppingClock('2026-01-31T12:00:00.000Z') });
  await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
  await ledger.createEntity({ id: 'studio', kind: 'single_member_llc', name: 'Ana Studio LLC', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '1' }] });
  await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
  await ledger.applyChartTemplate({ entityId: 'studio', template: 'single_member_llc', openedOn: '2026-01-01' });

  await ledger.postEntry({
    id: 'ana-salary-jan', date: '2026-01-02', description: 'January salary',
    postings: [{ accountId: 'ana:checking', amount: '8000.00' }, { accountId: 'ana:salary', amount: '-8000.00' }],
  });
  await ledger.recordFlow({
    id: 'capital-1', kind: 'equity_contribution', date: '2026-01-03', amount: '5000.00',
    from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'studio', accountId: 'studio:checking' },
    purpose: 'Initial working capital', legalBasis: 'Operating agreement s. 4.1 (capital contributions)', authorizedBy: 'Ana Diaz, sole member',
  });
  await ledger.postEntry({
    id: 'studio-bill-adobe', date: '2026-01-05', description: 'Design software, annual licence',
    postings: [{ accountId: 'studio:software', amount: '659.88' }, { accountId: 'studio:checking', amount: '-659.88' }],
  });
  await ledger.postEntry({
    id: 'studio-invoice-7', date: '2026-01-20', description: 'Logo design for a client, paid',
    postings: [{ accountId: 'studio:checking', amount: '2400.00' }, { accountId: 'studio:revenue', amount: '-2400.00' }],
  });
  await ledger.recordFlow({
    id: 'draw-1', kind: 'owner_draw', date: '2026-01-28', amount: '1500.00',
    from: { entityId: 'studio', accountId: 'studio:checking' }, to: { entityId: 'ana', accountId: 'ana:checking' },
    purpose: 'Monthly owner draw', legalBasis: 'Operating agreement s. 6.2 (distributions to the member)', authorizedBy: 'Ana Diaz, sole member',
  });

  const asOf = '2026-01-31';
  const sections = [
    formatBalanceSheet(await ledger.balanceSheet({ entityId: 'ana', asOf }), { title: 'Ana Diaz' }),
    formatBalanceSheet(await ledger.balanceSheet({ entityId: 'studio', asOf }), { title: 'Ana Studio LLC' }),
    formatVeilReport(await ledger.veilReport({ from: '2026-01-01', to: asOf })),
    `Audit chain: ${(await ledger.verifyAudit()).ok ? 'verified' : 'BROKEN'}`,
  ];
  return sections.join('\n\n');
}
