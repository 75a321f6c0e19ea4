import type { zhCNStockAudit } from './zh-CN.stockaudit';

/** English: the stock audit (ledger = balances = last count). */
export const enStockAudit: typeof zhCNStockAudit = {
  stockAudit: {
    menu: 'Stock audit',
    title: 'Stock audit',
    subtitle:
      'Rebuilds every balance from the movement ledger, checks order reservations, and compares each bin with its last posted count; every difference is listed.',
    allWarehouses: 'All warehouses',
    run: 'Run audit',
    ok: 'Ledger, balances and counts agree',
    notOk: '{{count}} discrepancies',
    movements: 'Movements',
    balances: 'Balances',
    counted: 'Counted positions',
    duration: 'Time',
    kind: { balance: 'Balance ≠ ledger', reservation: 'Reserved ≠ orders', count: 'Ledger ≠ count' },
    col: {
      kind: 'Kind',
      sku: 'SKU',
      warehouse: 'Warehouse',
      bin: 'Bin',
      lot: 'Lot',
      status: 'Status',
      ledger: 'Ledger',
      book: 'Balance / count',
      detail: 'Detail',
    },
    countDetail:
      'Count {{number}}: found {{counted}}, book {{book}} (ledger then {{atCount}}), variance posted {{variance}}',
    reservedDetail: 'reserved: ledger {{ledger}}, balance {{balance}}',
    empty: 'Press “Run audit”.',
  },
};
