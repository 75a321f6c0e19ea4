import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditStock } from '../../src/modules/inventory';
import { businessDayOf } from '../../src/platform/time/calendar';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { expectExactAnswer, newSku, orderBody, stock, stockOf, type World, worldOf } from './orders.support';

let sys: TestSystem;
let w: World;

beforeAll(async () => {
  sys = await startTestSystem();
  w = await worldOf(sys);
});
afterAll(async () => sys?.close());

describe('allocation across warehouses', () => {
  it('splits an order when no single warehouse has everything, reserving in both', async () => {
    const onlySh = await newSku(w, 'FRESH');
    const onlyGz = await newSku(w, 'FRESH');
    await stock(w, onlySh, 'WH-SH', 5);
    await stock(w, onlyGz, 'WH-GZ', 5);
    const res = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [
        [onlySh, 1],
        [onlyGz, 2],
      ]),
    );
    expect(res.status, res.text).toBe(201);
    expectExactAnswer(res);
    expect(res.body.status).toBe('allocated');
    expect(res.body.decisions[0].code).toBe('split_required');
    expect(res.body.lines).toEqual([expect.objectContaining({ skuId: onlySh.id, qty: 1 })]);
    expect(res.body.warehouseId).toBe(w.warehouses['WH-SH'].id);
    expect(res.body.family).toEqual([
      expect.objectContaining({ number: `${res.body.number}-2`, status: 'allocated' }),
    ]);
    const part = (await w.admin.get(`/api/orders/${res.body.family[0].id}`)).body;
    expect(part).toMatchObject({
      warehouseId: w.warehouses['WH-GZ'].id,
      parentId: res.body.id,
      channel: 'tmall',
      externalNo: res.body.externalNo,
    });
    expect(part.lines).toEqual([expect.objectContaining({ skuId: onlyGz.id, qty: 2 })]);
    expect(part.decisions[0]).toMatchObject({ code: 'split_part' });
    expect(part.totalFen).toBe(2 * 1990);
    expect((await stockOf(w, onlySh, 'WH-SH')).reserved).toBe(1);
    expect((await stockOf(w, onlyGz, 'WH-GZ')).reserved).toBe(2);
  });

  it('keeps one warehouse when one has everything, even if another is nearer for some lines', async () => {
    const a = await newSku(w, 'FRESH');
    const b = await newSku(w, 'FRESH');
    await stock(w, a, 'WH-SH', 5);
    await stock(w, a, 'WH-BJ', 5);
    await stock(w, b, 'WH-BJ', 5);
    const res = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [
        [a, 1],
        [b, 1],
      ]),
    );
    expect(res.body.decisions[0].code).toBe('single_only');
    expect(res.body.warehouseId).toBe(w.warehouses['WH-BJ'].id);
    expect(res.body.family).toEqual([]);
  });

  it('never allocates a cold-chain order to a warehouse without a chilled zone', async () => {
    const dry = await w.admin.post('/api/inventory/warehouses', {
      code: 'WH-HZ-DRY',
      nameZh: '杭州常温仓',
      nameEn: 'Hangzhou ambient DC',
      city: '杭州',
      address: '浙江省杭州市余杭区仓前街道文一西路1500号',
      latitude: 30.29,
      longitude: 120.0,
      zones: [
        {
          code: 'HZ-A',
          nameZh: '常温区',
          nameEn: 'Ambient',
          storageClass: 'ambient',
          tempMinDc: 50,
          tempMaxDc: 300,
        },
      ],
    });
    expect(dry.status, dry.text).toBe(201);
    const zoneId = dry.body.zones[0].id;
    const bins = await w.admin.post('/api/inventory/bins/bulk', {
      warehouseId: dry.body.id,
      zoneId,
      aisles: ['A'],
      bays: 1,
      levels: 1,
      positions: 2,
    });
    expect(bins.status, bins.text).toBe(201);
    const sku = await newSku(w, 'FRESH');
    await stock(w, sku, 'WH-HZ-DRY', 50);
    await stock(w, sku, 'WH-GZ', 50);
    // Ambient goods by standard service: the Hangzhou warehouse next door is the obvious choice…
    const standard = await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 1]]));
    expect(standard.body.warehouseId).toBe(dry.body.id);
    expect(standard.body.decisions[0].candidates.find((c: any) => c.code === 'WH-HZ-DRY').zone).toBe(1);
    // …but a cold-chain order never goes there, however close and cheap.
    const cold = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [[sku, 1]], { serviceType: 'cold_chain' }),
    );
    expect(cold.body.status).toBe('allocated');
    expect(cold.body.warehouseId).toBe(w.warehouses['WH-GZ'].id);
    const rejected = cold.body.decisions[0].candidates.find((c: any) => c.code === 'WH-HZ-DRY');
    expect(rejected).toMatchObject({ rejected: 'no_cold_chain', chosen: false });
    expect(rejected.rejectedMessage).toBe('不具备冷链发货能力');
  });

  it('counts the promised date in working days from the service-level table', async () => {
    const sku = await newSku(w, 'FRESH');
    await stock(w, sku, 'WH-BJ', 5);
    const logistics = await sys.login('logistics');
    const set = await logistics.put('/api/orders/service-levels', {
      warehouseId: w.warehouses['WH-BJ'].id,
      destProvinceCode: '33',
      serviceType: 'express',
      days: 7,
    });
    expect(set.status, set.text).toBe(200);
    const express = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [[sku, 1]], { serviceType: 'express' }),
    );
    const standard = await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 1]]));
    const days = (iso: string) => Math.round((Date.parse(iso) - Date.now()) / 86_400_000);
    // 7 working days are at least 9 calendar days; the default standard promise (zone 3) is 3 working days.
    expect(days(express.body.promisedDate)).toBeGreaterThanOrEqual(8);
    expect(days(standard.body.promisedDate)).toBeLessThanOrEqual(8);
    expect(express.body.decisions[0].candidates[0].transitDays).toBe(7);
  });
});

describe('many orders at once', () => {
  it('never reserves more than there is when orders race for the last units', async () => {
    const sku = await newSku(w, 'FRESH');
    await stock(w, sku, 'WH-SH', 10);
    const replies = await Promise.all(
      Array.from({ length: 16 }, () => w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 1]]))),
    );
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const statuses = replies.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 'allocated')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'exception')).toHaveLength(6);
    expect(
      replies.filter((r) => r.body.status === 'exception').every((r) => r.body.reasons[0] === 'out_of_stock'),
    ).toBe(true);
    expect(await stockOf(w, sku, 'WH-SH')).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
  });
});

describe('desk settings', () => {
  it('hold validated orders when automatic allocation is off, and release allocated ones when asked to', async () => {
    const logistics = await sys.login('logistics');
    const sku = await newSku(w, 'FRESH');
    await stock(w, sku, 'WH-SH', 5);
    const agent = await sys.login('agent');
    expect((await agent.put('/api/orders/settings', { autoAllocate: false })).status).toBe(403);
    expect((await logistics.put('/api/orders/settings', { autoAllocate: false })).body.autoAllocate).toBe(
      false,
    );
    const held = await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 1]]));
    expect(held.body.status).toBe('validated');
    expect((await logistics.post(`/api/orders/${held.body.id}/allocate`, {})).body.status).toBe('allocated');
    await logistics.put('/api/orders/settings', { autoAllocate: true, autoRelease: true });
    const released = await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 1]]));
    expect(released.body.status).toBe('released');
    await logistics.put('/api/orders/settings', { autoRelease: false });
    const settings = (await logistics.get('/api/orders/settings')).body;
    expect(settings.settings).toMatchObject({ autoAllocate: true, autoRelease: false, exceptionSlaHours: 4 });
    expect(settings.rates.standard['1']).toEqual({ firstKgFen: 600, perKgFen: 100 });
  });
});

describe('cancelling', () => {
  it('cancels many allocated orders at once and gives their stock back', async () => {
    const sku = await newSku(w, 'HOME');
    await stock(w, sku, 'WH-SH', 10);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await w.admin.post('/api/orders', orderBody(w, 'HOME', [[sku, 2]]))).body.id);
    expect(await stockOf(w, sku, 'WH-SH')).toMatchObject({ reserved: 6, available: 4 });
    const cs = await sys.login('agent');
    const bulk = await cs.post('/api/orders/bulk', {
      action: 'cancel',
      orderIds: ids,
      reason: '商家要求取消',
    });
    expect(bulk.body).toMatchObject({ succeeded: 3, failed: 0 });
    expect(bulk.body.results.every((r: any) => r.status === 'cancelled')).toBe(true);
    expect(await stockOf(w, sku, 'WH-SH')).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    const again = await cs.post(`/api/orders/${ids[0]}/cancel`, { reason: '再取消一次' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('orders.not_cancellable');
  });
});

describe('the warehouse hand-off', () => {
  it('releases, picks, packs and ships from exactly the reserved bins; cancelling then requests an intercept', async () => {
    const sku = await newSku(w, 'FRESH');
    await stock(w, sku, 'WH-SH', 8);
    const order = (await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 3]]))).body;
    const released = await w.admin.post(`/api/orders/${order.id}/release-to-warehouse`, {});
    expect(released.body.status).toBe('released');
    const { rows } = await sys.database.db
      .selectFrom('platform.outbox_event' as any)
      .select(['topic', 'payload'])
      .where('topic', '=', 'orders.order_released')
      .execute()
      .then((r: any[]) => ({ rows: r }));
    const event = rows
      .map((r: any) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload))
      .find((p: any) => p.number === order.number);
    expect(event).toMatchObject({
      warehouseId: w.warehouses['WH-SH'].id,
      lines: [{ skuId: sku.id, qty: 3 }],
    });
    expect(event.allocations[0]).toMatchObject({ binId: order.allocations[0].binId, qty: 3 });

    const clerk = await sys.login('clerk');
    const wrongBin = await clerk.post(`/api/orders/${order.id}/fulfilment`, {
      event: 'pick',
      skuId: sku.id,
      binId: await w.binOf('WH-SH', 'chilled'),
      qty: 1,
    });
    expect(wrongBin.status).toBe(409);
    expect(wrongBin.body.code).toBe('orders.pick_not_allocated');
    const pick = await clerk.post(`/api/orders/${order.id}/fulfilment`, {
      event: 'pick',
      skuId: sku.id,
      binId: order.allocations[0].binId,
      qty: 1,
    });
    expect(pick.body.status).toBe('picking');
    const early = await clerk.post(`/api/orders/${order.id}/fulfilment`, { event: 'packed' });
    expect(early.body.code).toBe('orders.not_fully_picked');
    await clerk.post(`/api/orders/${order.id}/fulfilment`, { event: 'pick_all' });
    expect((await clerk.post(`/api/orders/${order.id}/fulfilment`, { event: 'packed' })).body.status).toBe(
      'packed',
    );
    const shipped = await clerk.post(`/api/orders/${order.id}/fulfilment`, {
      event: 'shipped',
      carrier: '顺丰速运',
      waybillNo: 'SF1234567890',
    });
    expect(shipped.body.status).toBe('shipped');
    expect(await stockOf(w, sku, 'WH-SH')).toMatchObject({ onHand: 5, reserved: 0 });
    // Demand history is kept from shipments: planning books the 3 units on today's business day, once.
    const day = businessDayOf(sys.app.now());
    const demandOf = async () => {
      const { rows } = await sql<{ qty: string }>`
        select coalesce(sum(d.qty), 0) as qty from planning.demand_day d
        join planning.demand_series s on s.id = d.series_id
        where s.sku_id = ${sku.id} and d.day = ${day}`.execute(sys.app.db);
      return Number(rows[0].qty);
    };
    await expect.poll(demandOf, { timeout: 20_000, interval: 200 }).toBe(3);
    const moves = (await w.admin.get(`/api/inventory/movements?sourceType=order&sourceId=${order.number}`))
      .body.items;
    expect(moves.map((m: any) => m.type).sort()).toEqual(['pick', 'pick', 'reserve', 'ship']);
    expect(
      moves
        .filter((m: any) => m.type === 'pick')
        .every((m: any) => m.fromBinId === order.allocations[0].binId),
    ).toBe(true);

    const cancel = await w.admin.post(`/api/orders/${order.id}/cancel`, { reason: '客户拒收前要求拦截' });
    expect(cancel.body).toMatchObject({ outcome: 'intercept_requested', status: 'shipped' });
    const dispatcher = await sys.login('dispatcher');
    await dispatcher.post(`/api/orders/${order.id}/fulfilment`, { event: 'in_transit' });
    expect(
      (await dispatcher.post(`/api/orders/${order.id}/fulfilment`, { event: 'delivered' })).body.status,
    ).toBe('delivered');
    const late = await w.admin.post(`/api/orders/${order.id}/cancel`, { reason: '太晚了' });
    expect(late.body.code).toBe('orders.not_cancellable');
    const detail = (await w.admin.get(`/api/orders/${order.id}`)).body;
    expect(detail.history.map((h: any) => h.toStatus).filter(Boolean)).toEqual([
      'created',
      'validated',
      'allocated',
      'released',
      'picking',
      'packed',
      'shipped',
      'in_transit',
      'delivered',
    ]);
    expect(detail).toMatchObject({ carrier: '顺丰速运', waybillNo: 'SF1234567890' });
    expect(detail.interceptRequestedAt).toBeTruthy();
  });

  it('re-allocates a short pick in the same warehouse, or elsewhere when it has no more', async () => {
    const sku = await newSku(w, 'FRESH');
    await stock(w, sku, 'WH-SH', 4);
    await stock(w, sku, 'WH-SH', 2);
    const order = (await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 3]]))).body;
    const clerk = await sys.login('clerk');
    const binId = order.allocations[0].binId;
    const same = await clerk.post(`/api/orders/${order.id}/short-pick`, {
      skuId: sku.id,
      binId,
      qty: 1,
      note: '库位少一件',
    });
    expect(same.body).toMatchObject({ outcome: 'same_warehouse', status: 'allocated' });
    // The missing unit is written off at the bin (count variance); the order holds 3 of the 5 left.
    expect(await stockOf(w, sku, 'WH-SH')).toMatchObject({ onHand: 5, reserved: 3 });
    const variance = (
      await w.admin.get(
        `/api/inventory/movements?sourceType=order&sourceId=${order.number}&type=count_variance`,
      )
    ).body.items;
    expect(variance).toEqual([expect.objectContaining({ qty: 1, fromBinId: binId })]);

    const moved = await newSku(w, 'FRESH');
    await stock(w, moved, 'WH-SH', 2);
    await stock(w, moved, 'WH-GZ', 5);
    const o2 = (await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[moved, 2]]))).body;
    expect(o2.warehouseId).toBe(w.warehouses['WH-SH'].id);
    const elsewhere = await clerk.post(`/api/orders/${o2.id}/short-pick`, {
      skuId: moved.id,
      binId: o2.allocations[0].binId,
      qty: 2,
    });
    expect(elsewhere.body).toMatchObject({ outcome: 'reallocated', status: 'allocated' });
    const after = (await w.admin.get(`/api/orders/${o2.id}`)).body;
    expect(after.warehouseId).toBe(w.warehouses['WH-GZ'].id);
    expect((await stockOf(w, moved, 'WH-GZ')).reserved).toBe(2);
    expect(await stockOf(w, moved, 'WH-SH')).toMatchObject({ onHand: 0, reserved: 0 });
    // Now in Guangzhou: the Shanghai clerk no longer sees it; the old bin holds nothing for it.
    expect((await clerk.get(`/api/orders/${o2.id}`)).status).toBe(404);
    const notThere = await w.admin.post(`/api/orders/${o2.id}/short-pick`, {
      skuId: moved.id,
      binId: o2.allocations[0].binId,
      qty: 1,
    });
    expect(notThere.body.code).toBe('orders.pick_not_allocated');
  });
});

describe('stock taken away by the inventory module', () => {
  it('re-allocates an order when its reservation is lost (inventory.reservation_lost), once per event', async () => {
    const sku = await newSku(w, 'FRESH', 'chilled');
    const bin = await w.binOf('WH-SH', 'chilled');
    const soon = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    for (const [lotCode, expiryDate] of [
      ['LOST-A', soon],
      ['LOST-B', later],
    ])
      expect(
        (
          await w.admin.post('/api/inventory/receipts', {
            skuId: sku.id,
            binId: bin,
            qty: 4,
            lotCode,
            expiryDate,
          })
        ).status,
      ).toBe(201);
    const order = (
      await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 2]], { serviceType: 'cold_chain' }))
    ).body;
    expect(order.allocations).toEqual([expect.objectContaining({ lotCode: 'LOST-A', qty: 2 })]);
    const lotA = order.allocations[0].lotId;
    // What the inventory module does when lot A fails a temperature check: the reservation is
    // released, the stock is put on hold, and the order is told.
    await w.admin.post('/api/inventory/reservations/release', { orderRef: order.number });
    const held = await w.admin.post('/api/inventory/quality-holds', {
      warehouseId: w.warehouses['WH-SH'].id,
      reason: 'temperature check failed',
      lines: [{ skuId: sku.id, binId: bin, lotId: lotA }],
    });
    expect(held.status, held.text).toBe(201);
    const { publish } = await import('../../src/platform/events');
    const { inTransaction } = await import('../../src/platform/db');
    const payload = {
      orderRef: order.number,
      warehouseId: w.warehouses['WH-SH'].id,
      reason: 'temperature_excursion',
      lines: [{ skuId: sku.id, binId: bin, lotId: lotA, qty: 2 }],
    };
    await inTransaction(sys.database.db, (trx) =>
      publish(trx, 'inventory.reservation_lost', payload, new Date()),
    );
    let detail: any;
    for (let i = 0; i < 100; i++) {
      detail = (await w.admin.get(`/api/orders/${order.id}`)).body;
      if (detail.history.some((h: any) => h.action === 'reallocate')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(detail.allocations).toEqual([expect.objectContaining({ lotCode: 'LOST-B', qty: 2 })]);
    expect(detail.status).toBe('allocated');
    expect(detail.history.filter((h: any) => h.action === 'reservation_lost')).toHaveLength(1);
    expect(await stockOf(w, sku, 'WH-SH')).toMatchObject({ reserved: 2 });
    // Delivered again (at least once): nothing changes.
    const { createModules } = await import('../../src/app/modules');
    const { loadConfig } = await import('../../src/platform/config/config');
    const handler = createModules(loadConfig({}))
      .flatMap((m) => m.eventHandlers ?? [])
      .find((h) => h.topics.includes('inventory.reservation_lost'))!;
    const stored: any = await sys.database.db
      .selectFrom('platform.outbox_event' as any)
      .selectAll()
      .where('topic', '=', 'inventory.reservation_lost')
      .executeTakeFirstOrThrow();
    await handler.handle(sys.database.db, {
      id: stored.id,
      topic: stored.topic,
      payload,
      createdAt: new Date(),
      availableAt: new Date(),
      attempt: 2,
    } as any);
    const after = (await w.admin.get(`/api/orders/${order.id}`)).body;
    expect(after.history).toHaveLength(detail.history.length);
    expect(await stockOf(w, sku, 'WH-SH')).toMatchObject({ reserved: 2 });
  });
});

describe('consumer tracking', () => {
  it('needs the right last four digits, shows no personal data, and is rate-limited', async () => {
    const sku = await newSku(w, 'FRESH');
    await stock(w, sku, 'WH-SH', 2);
    const order = (
      await w.admin.post(
        '/api/orders',
        orderBody(w, 'FRESH', [[sku, 1]], { consignee: { name: '王小明', phone: '13812341234' } }),
      )
    ).body;
    const anon = sys.anonymous();
    const wrong = await anon.post('/api/orders/track', { number: order.number, phoneLast4: '0000' });
    expect(wrong.status).toBe(404);
    const unknown = await anon.post('/api/orders/track', { number: 'SO20990101000001', phoneLast4: '1234' });
    expect(unknown.body.code).toBe(wrong.body.code);
    const ok = await anon.post('/api/orders/track', {
      number: order.number.toLowerCase(),
      phoneLast4: '1234',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({
      number: order.number,
      stage: 'preparing',
      phoneMasked: '138****1234',
      region: '浙江省杭州市西湖区',
    });
    expect(ok.body.timeline.map((t: any) => t.stage)).toEqual(['received', 'preparing']);
    expect(ok.text).not.toContain('王小明');
    expect(ok.text).not.toContain('文三路');
    expect(ok.text).not.toContain('13812341234');
    for (let i = 0; i < 4; i++)
      await anon.post('/api/orders/track', { number: order.number, phoneLast4: String(1000 + i) });
    const limited = await anon.post('/api/orders/track', { number: order.number, phoneLast4: '1234' });
    expect(limited.status).toBe(429);
  });
});

describe('the ledger stays whole', () => {
  it('after all of the above and the demo orders, ledger = balances = reservations', async () => {
    const audit = await auditStock(sys.database.db);
    expect(audit.discrepancies).toEqual([]);
    expect(audit.ok).toBe(true);
  });
});
