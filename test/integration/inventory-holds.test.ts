import { describe, expect, it } from 'vitest';
import { coldChainFixture } from '../helpers/coldchain-fixture';

/**
 * Held stock leaves its hold only through the quality review: a manual move keeps the stock's
 * status (so it can neither release held stock nor put stock on hold unrecorded), held stock does
 * not move or get adjusted by hand, and a hold placed by hand is released by its review.
 */
const cc = coldChainFixture();
const { bins, skus, stockOf } = cc;

describe('manual moves and quality holds', () => {
  it('refuse status changes and held stock; a manual hold is released only by its review', async () => {
    const milk = skus.MILK.id;
    const [binA, binB] = bins.chilled;
    const received = await cc.admin.post('/api/inventory/receipts', {
      skuId: milk,
      binId: binA,
      qty: 12,
      lotCode: 'H-1',
      expiryDate: cc.dayOf(9),
    });
    expect(received.status, received.text).toBe(201);
    const lotId = received.body.lotId;
    const reserved = await cc.admin.post('/api/inventory/reservations', {
      orderRef: 'SO-H1',
      lines: [{ skuId: milk, qty: 2, warehouseId: cc.wh.id }],
    });
    expect(reserved.status, reserved.text).toBe(201);

    // A move that would put stock on hold (or into any other status) is refused, in zh and en.
    const toHold = { skuId: milk, lotId, fromBinId: binA, toBinId: binA, qty: 4, toStatus: 'quality_hold' };
    const refused = await cc.admin.post('/api/inventory/moves', toHold);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('inventory.move_keeps_status');
    expect(refused.body.detail).toContain('available → quality_hold');
    expect(refused.body.detail).toContain('质量复核');
    const lang = cc.admin.lang;
    cc.admin.lang = 'en';
    const refusedEn = await cc.admin.post('/api/inventory/moves', toHold);
    cc.admin.lang = lang;
    expect(refusedEn.status).toBe(409);
    expect(refusedEn.body.detail).toContain('only its quality review releases it');
    // Moving between bins in the same status still works.
    const moved = await cc.admin.post('/api/inventory/moves', {
      skuId: milk,
      lotId,
      fromBinId: binA,
      toBinId: binB,
      qty: 3,
    });
    expect(moved.status, moved.text).toBe(201);
    expect(moved.body).toMatchObject({ fromStatus: 'available', toStatus: 'available' });

    // Putting stock on hold by hand makes a hold document; the order's reservation on it is broken.
    const quality = await cc.sys.login('quality');
    const placed = await quality.post('/api/inventory/quality-holds', {
      warehouseId: cc.wh.id,
      reason: 'packaging crushed',
      lines: [{ skuId: milk, binId: binA, lotId }],
    });
    expect(placed.status, placed.text).toBe(201);
    expect(placed.body).toMatchObject({
      status: 'open',
      sourceType: 'manual',
      totalQty: 9,
      remainingQty: 9,
      docNo: expect.stringMatching(/^QH/),
    });
    const lost = (await cc.events('inventory.reservation_lost')).filter((e) => e.orderRef === 'SO-H1');
    expect(lost).toEqual([expect.objectContaining({ reason: 'quality_hold' })]);
    const nothing = await quality.post('/api/inventory/quality-holds', {
      warehouseId: cc.wh.id,
      reason: 'again',
      lines: [{ skuId: milk, binId: binA, lotId }],
    });
    expect(nothing.status).toBe(409);
    expect(nothing.body.code).toBe('inventory.nothing_to_hold');

    // Held stock: no release by move, no move in hold status, no adjustment — nothing is written.
    const atHold = await stockOf(milk);
    const ledger = async () =>
      (await cc.admin.get(`/api/inventory/movements?skuId=${milk}&limit=100`)).body.items.length;
    const ledgerAtHold = await ledger();
    for (const body of [
      {
        skuId: milk,
        lotId,
        fromBinId: binA,
        toBinId: binA,
        qty: 9,
        fromStatus: 'quality_hold',
        toStatus: 'available',
      },
      {
        skuId: milk,
        lotId,
        fromBinId: binA,
        toBinId: binB,
        qty: 9,
        fromStatus: 'quality_hold',
        toStatus: 'damaged',
      },
    ]) {
      const res = await cc.admin.post('/api/inventory/moves', body);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('inventory.move_keeps_status');
    }
    const stays = await cc.admin.post('/api/inventory/moves', {
      skuId: milk,
      lotId,
      fromBinId: binA,
      toBinId: binB,
      qty: 9,
      fromStatus: 'quality_hold',
    });
    expect(stays.status).toBe(409);
    expect(stays.body.code).toBe('inventory.held_stock_stays');
    const adjusted = await cc.admin.post('/api/inventory/adjustments', {
      skuId: milk,
      binId: binA,
      lotId,
      status: 'quality_hold',
      delta: -9,
      reason: 'write off',
    });
    expect(adjusted.status).toBe(409);
    expect(adjusted.body.code).toBe('inventory.held_stock_stays');
    expect(await stockOf(milk)).toEqual(atHold);
    expect(await ledger()).toBe(ledgerAtHold);
    expect(atHold.map((s) => [s.binId === binA ? 'A' : 'B', s.status, s.onHand, s.reserved]).sort()).toEqual([
      ['A', 'quality_hold', 9, 0],
      ['B', 'available', 3, 0],
    ]);

    // The review releases it.
    const detail = (await quality.get(`/api/inventory/quality-holds/${placed.body.id}`)).body;
    const review = await quality.post(`/api/inventory/quality-holds/${placed.body.id}/review`, {
      note: 'outer carton only',
      lines: [{ lineId: detail.lines[0].id, release: 9 }],
    });
    expect(review.status, review.text).toBe(200);
    expect(review.body).toMatchObject({ status: 'closed', remainingQty: 0 });
    expect((await stockOf(milk)).map((s) => [s.status, s.onHand]).sort()).toEqual([
      ['available', 3],
      ['available', 9],
    ]);
    expect((await cc.admin.get('/api/inventory/audit')).body).toMatchObject({ ok: true });
  });

  it('a manual hold needs a bin of its warehouse and the release permission', async () => {
    const clerk = await cc.sys.login('clerk');
    const body = {
      warehouseId: cc.wh.id,
      reason: 'x',
      lines: [{ skuId: skus.DRY.id, binId: bins.ambient[0] }],
    };
    const forbidden = await clerk.post('/api/inventory/quality-holds', body);
    expect(forbidden.status).toBe(403);
    const bad = await cc.admin.post('/api/inventory/quality-holds', { ...body, lines: [] });
    expect(bad.status).toBe(400);
    const warehouses = (await cc.admin.get('/api/inventory/warehouses')).body.items;
    const other = warehouses.find((w: { id: string }) => w.id !== cc.wh.id);
    const wrong = await cc.admin.post('/api/inventory/quality-holds', { ...body, warehouseId: other.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('inventory.hold_bin_warehouse');
  });
});
