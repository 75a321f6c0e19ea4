import { describe, expect, it } from 'vitest';
import { expiryAlerts, stockAlerts } from './alert.logic';

const base = {
  today: '2026-03-02',
  onHand: 100,
  available: 100,
  mean: Array(30).fill(10),
  stockoutDate: null,
  nextReceipt: null,
  leadTimeDays: 3,
  reviewPeriodDays: 2,
  storageClass: 'ambient',
  lastSaleDay: '2026-03-01',
  unitCostFen: null,
  eventsBefore: [],
};

describe('stock alerts', () => {
  it('projected stock-out: critical inside the lead time, a warning inside the cycle or before a receipt', () => {
    const soon = stockAlerts({ ...base, stockoutDate: '2026-03-04' });
    expect(soon).toEqual([
      {
        kind: 'stockout_risk',
        severity: 'critical',
        lotId: null,
        params: {
          date: '2026-03-04',
          daysLeft: 2,
          nextReceipt: null,
          event: null,
          promotionName: null,
          eventDate: null,
        },
      },
    ]);
    // Day 5 = lead time 3 + review period 2: the next order must go out now.
    expect(stockAlerts({ ...base, stockoutDate: '2026-03-07' })[0]).toMatchObject({ severity: 'warning' });
    // Ten days ahead the normal cycle handles it — unless the receipt on its way comes too late.
    expect(stockAlerts({ ...base, stockoutDate: '2026-03-12' })).toEqual([]);
    const later = stockAlerts({
      ...base,
      stockoutDate: '2026-03-12',
      nextReceipt: '2026-03-15',
      eventsBefore: [{ code: 'event_ahead', params: { event: 'double11', date: '2026-03-10', uplift: 300 } }],
    });
    expect(later[0]).toMatchObject({
      severity: 'warning',
      params: { daysLeft: 10, event: 'double11', nextReceipt: '2026-03-15' },
    });
    expect(stockAlerts({ ...base, stockoutDate: '2026-05-02' })).toEqual([]);
  });

  it('slow movers by days since the last sale', () => {
    expect(stockAlerts({ ...base, lastSaleDay: '2025-12-22' })).toEqual([
      {
        kind: 'slow_mover',
        severity: 'info',
        lotId: null,
        params: { onHand: 100, lastSale: '2025-12-22', idleDays: 70 },
      },
    ]);
    expect(stockAlerts({ ...base, lastSaleDay: null })[0]).toMatchObject({
      kind: 'slow_mover',
      severity: 'warning',
    });
    expect(stockAlerts({ ...base, onHand: 0, available: 0, lastSaleDay: null })).toEqual([]);
  });

  it('overstock by days of cover against the storage class threshold', () => {
    // 1000 on hand / 5 a day = 200 days > 120 (ambient); excess 1000 − 120 · 5 = 400
    const a = stockAlerts({ ...base, onHand: 1000, mean: Array(30).fill(5), unitCostFen: 250 });
    expect(a).toEqual([
      {
        kind: 'overstock',
        severity: 'info',
        lotId: null,
        params: { onHand: 1000, coverDays: 200, threshold: 120, excess: 400, excessValueFen: 100_000 },
      },
    ]);
    // Chilled goods: 14 days of cover is already too much.
    expect(stockAlerts({ ...base, onHand: 200, storageClass: 'chilled' })[0]).toMatchObject({
      kind: 'overstock',
      params: { coverDays: 20, threshold: 14 },
    });
    expect(stockAlerts({ ...base, onHand: 200 })).toEqual([]);
    // No forecast, no rate: no overstock judgement (a slow mover is judged by its sales instead).
    expect(stockAlerts({ ...base, onHand: 100_000, mean: [] })).toEqual([]);
  });
});

describe('near-expiry lots', () => {
  it('sells lots first-expired-first-out and flags what cannot be sold in time', () => {
    const alerts = expiryAlerts({
      today: '2026-03-02',
      mean: Array(30).fill(10),
      shelfLifeDays: 10,
      minRemainingShelfLifeDays: 2,
      lots: [
        { lotId: 'B', lotCode: 'L-B', expiryDate: '2026-03-10', qty: 50 },
        { lotId: 'A', lotCode: 'L-A', expiryDate: '2026-03-05', qty: 30 },
        { lotId: 'C', lotCode: 'L-C', expiryDate: '2026-03-03', qty: 8 },
      ],
    });
    // C: last sellable day 03-01 (expiry − 2) is past → critical, all 8 at risk.
    // A: sellable until 03-03 → 2 days · 10 = 20 sold, 10 at risk → warning.
    // B: sellable until 03-08 → 7 days · 10 = 70, minus A's 20 = 50 → all sold, not near enough to note.
    expect(alerts).toEqual([
      {
        kind: 'near_expiry',
        severity: 'critical',
        lotId: 'C',
        params: {
          lotCode: 'L-C',
          expiryDate: '2026-03-03',
          lastSellable: '2026-03-01',
          daysLeft: -1,
          qty: 8,
          atRisk: 8,
        },
      },
      {
        kind: 'near_expiry',
        severity: 'warning',
        lotId: 'A',
        params: {
          lotCode: 'L-A',
          expiryDate: '2026-03-05',
          lastSellable: '2026-03-03',
          daysLeft: 1,
          qty: 30,
          atRisk: 10,
        },
      },
    ]);
  });
});
