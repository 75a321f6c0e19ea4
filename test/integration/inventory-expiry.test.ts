import { describe, expect, it } from 'vitest';
import { coldChainFixture, HOUR } from '../helpers/coldchain-fixture';

/**
 * The daily expiry run (quarantine, broken reservations, idempotency, the schedule) and incidents
 * (write-offs) through HTTP, in a warehouse of the test's own (see coldchain-fixture.ts).
 */
const cc = coldChainFixture();
const { clock, iso, dayOf, waitForJob, stockOf, events, bins, skus } = cc;

describe('the daily expiry run', () => {
  it('quarantines an expired lot, releases the reservation it had to break, and is idempotent', async () => {
    const yogurt = skus.YOGURT.id;
    await cc.admin.post('/api/inventory/receipts', {
      skuId: yogurt,
      binId: bins.chilled[2],
      qty: 8,
      lotCode: 'Y-OLD',
      expiryDate: dayOf(7),
    });
    await cc.admin.post('/api/inventory/receipts', {
      skuId: yogurt,
      binId: bins.chilled[3],
      qty: 12,
      lotCode: 'Y-NEW',
      expiryDate: dayOf(30),
    });
    const r = await cc.admin.post('/api/inventory/reservations', {
      orderRef: 'SO-EXP',
      lines: [{ skuId: yogurt, qty: 3, warehouseId: cc.wh.id }],
    });
    expect(r.body.allocations[0].lotCode).toBe('Y-OLD');

    const report = await cc.admin.get(`/api/inventory/near-expiry?warehouseId=${cc.wh.id}&withinDays=7`);
    expect(report.status, report.text).toBe(200);
    const old = report.body.items.find((i: { lotCode: string }) => i.lotCode === 'Y-OLD');
    expect(old).toMatchObject({
      daysLeft: 7,
      urgency: 'near_expiry',
      onHand: 8,
      reserved: 3,
      skuCode: 'CC-YOGURT',
    });
    expect(report.body.items.some((i: { lotCode: string }) => i.lotCode === 'Y-NEW')).toBe(false);

    clock.advance(4 * 24 * HOUR); // 3 days left: below the 5-day minimum remaining shelf life
    const below = (
      await cc.admin.get(`/api/inventory/near-expiry?warehouseId=${cc.wh.id}&skuId=${yogurt}&withinDays=0`)
    ).body;
    expect(
      below.items.map((i: { lotCode: string; urgency: string; daysLeft: number }) => [
        i.lotCode,
        i.urgency,
        i.daysLeft,
      ]),
    ).toEqual([['Y-OLD', 'below_min_shelf_life', 3]]);
    clock.advance(4 * 24 * HOUR); // expired yesterday
    const expired = (await cc.admin.get(`/api/inventory/near-expiry?warehouseId=${cc.wh.id}&urgency=expired`))
      .body;
    expect(expired.items.map((i: { lotCode: string; daysLeft: number }) => [i.lotCode, i.daysLeft])).toEqual([
      ['Y-OLD', -1],
    ]);
    expect(expired.summary.find((s: { urgency: string }) => s.urgency === 'expired')).toEqual({
      urgency: 'expired',
      lines: 1,
      qty: 8,
    });

    const run = await cc.admin.post('/api/inventory/expiry-runs', { warehouseId: cc.wh.id });
    expect(run.status, run.text).toBe(202);
    const job = await waitForJob(cc.admin, run.body.id);
    expect(job).toMatchObject({ status: 'succeeded', result: { lines: 1, qty: 8, lostOrders: ['SO-EXP'] } });
    const stock = await stockOf(yogurt);
    expect(stock.map((s) => [s.lotCode, s.status, s.onHand, s.reserved]).sort()).toEqual([
      ['Y-NEW', 'available', 12, 0],
      ['Y-OLD', 'quarantine', 8, 0],
    ]);
    const moves = (
      await cc.admin.get(`/api/inventory/movements?warehouseId=${cc.wh.id}&sourceType=expiry_run&limit=50`)
    ).body.items;
    expect(moves).toEqual([
      expect.objectContaining({
        type: 'move',
        reason: 'expired',
        fromStatus: 'available',
        toStatus: 'quarantine',
        qty: 8,
      }),
    ]);
    const released = (
      await cc.admin.get('/api/inventory/movements?sourceType=order&sourceId=SO-EXP&type=release')
    ).body.items;
    expect(released.map((m: { qty: number }) => m.qty)).toEqual([3]);
    expect((await events('inventory.reservation_lost')).find((e) => e.orderRef === 'SO-EXP')).toMatchObject({
      reason: 'expired',
      sourceType: 'expiry_run',
    });
    const alert = (await cc.admin.get(`/api/inventory/alerts?warehouseId=${cc.wh.id}&kind=stock_expired`))
      .body.items;
    expect(alert[0].params).toMatchObject({ lines: 1, qty: 8, lostOrders: ['SO-EXP'] });

    const second = await waitForJob(
      cc.admin,
      (await cc.admin.post('/api/inventory/expiry-runs', { warehouseId: cc.wh.id })).body.id,
    );
    expect(second).toMatchObject({ status: 'succeeded', result: { lines: 0, qty: 0 } });
    expect(
      (await cc.admin.get(`/api/inventory/movements?warehouseId=${cc.wh.id}&sourceType=expiry_run`)).body
        .items,
    ).toHaveLength(1);
    expect((await cc.admin.get(`/api/inventory/audit?warehouseId=${cc.wh.id}`)).body).toMatchObject({
      ok: true,
    });
  });

  it('runs by itself once a day after 00:30 local time', async () => {
    const before = (await cc.admin.get('/api/jobs?scope=all&kind=inventory.expire_stock&limit=100')).body
      .items.length;
    clock.advance(31 * 60_000);
    await cc.sys.runner!.runOnce();
    await cc.sys.runner!.runOnce();
    const jobs = (await cc.admin.get('/api/jobs?scope=all&kind=inventory.expire_stock&limit=100')).body.items;
    expect(jobs.length).toBe(before + 1);
    const finished = await waitForJob(cc.admin, jobs[0].id);
    expect(finished).toMatchObject({ status: 'succeeded', result: { day: dayOf(0) } });
  });
});

describe('incidents', () => {
  it('write off stock when posted, breaking only the reservations the loss needs', async () => {
    const dry = skus.DRY.id;
    await cc.admin.post('/api/inventory/receipts', { skuId: dry, binId: bins.ambient[0], qty: 10 });
    await cc.admin.post('/api/inventory/reservations', {
      orderRef: 'SO-INC',
      lines: [{ skuId: dry, qty: 8, warehouseId: cc.wh.id }],
    });
    const theft = await cc.admin.post('/api/inventory/incidents', {
      warehouseId: cc.wh.id,
      kind: 'theft',
      occurredAt: iso(-HOUR),
      description: '夜间监控发现 5 件被盗',
      photos: ['files/cctv-0312.jpg'],
      lines: [{ skuId: dry, binId: bins.ambient[0], qty: 5 }],
      post: true,
    });
    expect(theft.status, theft.text).toBe(201);
    expect(theft.body).toMatchObject({
      status: 'posted',
      docNo: expect.stringMatching(/^INC/),
      totalQty: 5,
      photos: ['files/cctv-0312.jpg'],
    });
    const moves = (
      await cc.admin.get(`/api/inventory/movements?sourceType=incident&sourceId=${theft.body.docNo}`)
    ).body.items;
    expect(moves).toEqual([
      expect.objectContaining({ type: 'adjust', qty: 5, fromBinId: bins.ambient[0], toBinId: null }),
    ]);
    expect((await stockOf(dry)).map((s) => [s.onHand, s.reserved])).toEqual([[5, 5]]);
    expect(
      (await events('inventory.reservation_lost')).find((e) => e.orderRef === 'SO-INC').lines[0].qty,
    ).toBe(3);

    const draft = await cc.admin.post('/api/inventory/incidents', {
      warehouseId: cc.wh.id,
      kind: 'damage',
      occurredAt: iso(-HOUR),
      description: '叉车撞击',
      lines: [{ skuId: dry, binId: bins.ambient[0], qty: 9 }],
    });
    expect(draft.body.status).toBe('draft');
    const short = await cc.admin.post(`/api/inventory/incidents/${draft.body.id}/post`);
    expect(short.status).toBe(409);
    expect(short.body.code).toBe('inventory.insufficient_stock');
    expect((await cc.admin.get(`/api/inventory/incidents/${draft.body.id}`)).body.status).toBe('draft');
    expect((await cc.admin.post(`/api/inventory/incidents/${draft.body.id}/cancel`)).body.status).toBe(
      'cancelled',
    );
    const twice = await cc.admin.post(`/api/inventory/incidents/${draft.body.id}/post`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('inventory.incident_transition');

    // Damaged stock burns too: it is written off from its status.
    const damaged = await cc.admin.post('/api/inventory/receipts', {
      skuId: skus.MILK.id,
      binId: bins.chilled[1],
      qty: 6,
      lotCode: 'M-DMG',
      expiryDate: dayOf(5),
      status: 'damaged',
    });
    expect(damaged.status, damaged.text).toBe(201);
    const fire = await cc.admin.post('/api/inventory/incidents', {
      warehouseId: cc.wh.id,
      kind: 'fire',
      occurredAt: iso(-HOUR),
      description: '电气火灾',
      lines: [
        {
          skuId: skus.MILK.id,
          binId: bins.chilled[1],
          lotId: damaged.body.lotId,
          status: 'damaged',
          qty: 6,
        },
      ],
    });
    const posted = await cc.admin.post(`/api/inventory/incidents/${fire.body.id}/post`);
    expect(posted.status, posted.text).toBe(200);
    expect(
      (await cc.admin.get(`/api/inventory/movements?sourceId=${fire.body.docNo}`)).body.items[0],
    ).toMatchObject({ type: 'scrap', fromStatus: 'damaged', qty: 6 });
    const list = (await cc.admin.get(`/api/inventory/incidents?warehouseId=${cc.wh.id}&status=posted`)).body
      .items;
    expect(list.map((i: { kind: string }) => i.kind).sort()).toEqual(['fire', 'theft']);
    expect(
      (await cc.admin.get(`/api/audit?entity=incident&entityId=${theft.body.id}`)).body.items.length,
    ).toBe(2);
    expect((await cc.admin.get('/api/inventory/audit')).body).toMatchObject({
      ok: true,
      discrepancyCount: 0,
    });
  });
});

describe('the near-expiry report', () => {
  it('asks the catalog once for all the SKUs it lists', async () => {
    const { bindInventoryDeps, inventoryDeps } = await import('../../src/modules/inventory/inventory.deps');
    for (const [sku, lotCode, days] of [
      ['MILK', 'NX-M', 3],
      ['YOGURT', 'NX-Y', 4],
    ] as const) {
      const res = await cc.admin.post('/api/inventory/receipts', {
        skuId: skus[sku].id,
        binId: bins.chilled[0],
        qty: 5,
        lotCode,
        expiryDate: dayOf(days),
      });
      expect(res.status, res.text).toBe(201);
    }
    const real = inventoryDeps();
    const calls = { one: 0, many: 0 };
    bindInventoryDeps({
      skuFacts: (db, id) => {
        calls.one++;
        return real.skuFacts(db, id);
      },
      skusFacts: (db, ids) => {
        calls.many++;
        return real.skusFacts!(db, ids);
      },
    });
    try {
      const report = await cc.admin.get(`/api/inventory/near-expiry?warehouseId=${cc.wh.id}&withinDays=5`);
      expect(report.status, report.text).toBe(200);
      const listed = report.body.items.filter((i: { lotCode: string }) => i.lotCode.startsWith('NX-'));
      expect(
        listed.map((i: { skuCode: string; minRemainingShelfLifeDays: number | null }) => [
          i.skuCode,
          i.minRemainingShelfLifeDays,
        ]),
      ).toEqual([
        ['CC-MILK', 0],
        ['CC-YOGURT', 5],
      ]);
      expect(calls).toEqual({ one: 0, many: 1 });
    } finally {
      bindInventoryDeps(real);
    }
  });
});
