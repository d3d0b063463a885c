import { createLedger, createMemoryStore, exportBeancount, exportHledger, exportJournalCsv } from '@kronos/core-ledger';

async function main() {
  const ledger = createLedger({ store: createMemoryStore(), actor: 'ana' });
  await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
  await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
  await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary; "January"', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
  const journal = await exportHledger(ledger, { assertions: 'end' });
  console.log(journal.split('\n').filter((line) => line.startsWith('2026-') || line.includes(' = ')).join('\n'));
  const beancount = await exportBeancount(ledger, { assertions: 'end' });
  console.log(beancount.split('\n').filter((line) => line.includes(' balance ')).join('\n'));
  const csv = await exportJournalCsv(ledger);
  console.log(csv.split('\r\n')[1]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
