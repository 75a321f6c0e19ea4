import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalWaybill } from '../../src/modules/warehouse';
import type { OutboxDispatcher } from '../../src/platform/events';
import { pdfText } from '../helpers/pdf-text';
import { pdfPageCount } from '../helpers/route-plans';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';
import { stockOf, type World } from './orders.support';
import {
  type Bin,
  binBarcodeOf,
  type OutboundWorld,
  outboundOf,
  outboundWorld,
  packAll,
  pickAll,
  redeliver,
  type ScanSku,
} from './warehouse-outbound.support';

/**
 * The outbound path through HTTP: orders entered and released at the order desk become outbound
 * documents (through the outbox), are waved, picked along a sequenced path with scan checks, short
 * picked and re-allocated, packed into proposed cartons, labelled, and released at the gate — and
 * the ledger stays consistent.
 */
let sys: TestSystem;
let o: OutboundWorld;
let w: World;
let clerk: Agent;
let manager: Agent;
let clerkBj: Agent;
let dispatcher: OutboxDispatcher;
let bins: Map<string, Bin>;
let skuA: ScanSku;
let skuB: ScanSku;
let skuC: ScanSku;
let orders: OutboundWorld['orders'];
const docs: Record<string, any> = {};
let waveId: string;
let listId: string;

beforeAll(async () => {
  sys = await startTestSystem();
  o = await outboundWorld(sys);
  ({ w, clerk, manager, clerkBj, dispatcher, bins, orders } = o);
  ({ skuA, skuB, skuC } = o.skus);
});
afterAll(async () => {
  await dispatcher?.stop();
  await sys?.close();
});

describe('outbound documents from released orders', () => {
  it('creates one document per released order with its reserved bins, carrier, cut-off and temperature class', async () => {
    for (const [key, order] of Object.entries(orders))
      docs[key] = await outboundOf(clerk, dispatcher, order.number);
    const d = (await clerk.get(`/api/warehouse/outbounds/${docs.paid1.id}`)).body;
    expect(d).toMatchObject({
      status: 'open',
      orderNumber: orders.paid1.number,
      carrier: 'ZTO',
      serviceType: 'standard',
      temperatureClass: 'ambient',
    });
    const order = (await w.admin.get(`/api/orders/${orders.paid1.id}`)).body;
    const key = (x: { skuId: string; binId: string; qty: number }) => `${x.skuId}|${x.binId}|${x.qty}`;
    expect(d.lines.map(key).sort()).toEqual(order.allocations.map(key).sort());
    expect(d.lines.find((l: any) => l.skuId === skuB.id).binCode).toBe('C-07-1-01');
    // ZTO's last truck leaves at 17:00 Shanghai time (09:00 UTC), today or tomorrow.
    const cutoff = new Date(d.cutoffAt);
    expect(cutoff.getUTCHours() * 60 + cutoff.getUTCMinutes()).toBe(9 * 60);
    expect(cutoff.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(cutoff.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
  });

  it('is idempotent: the same event delivered again changes nothing', async () => {
    await redeliver(
      sys,
      'warehouse.outbound_from_release',
      'orders.order_released',
      (p) => p.orderId === orders.paid2.id,
    );
    const list = await clerk.get(`/api/warehouse/outbounds?q=${orders.paid2.number}`);
    expect(list.body.items).toHaveLength(1);
  });

  it('cancels the document when the order is cancelled', async () => {
    const order = await o.placeOrder([[skuC, 1]]);
    await o.release(order.id);
    const doc = await outboundOf(clerk, dispatcher, order.number);
    expect((await w.admin.post(`/api/orders/${order.id}/cancel`, { reason: '客户取消' })).status).toBe(200);
    let status = doc.status;
    for (let i = 0; i < 100 && status !== 'cancelled'; i++) {
      await dispatcher.drainOnce();
      status = (await clerk.get(`/api/warehouse/outbounds/${doc.id}`)).body.status;
      if (status !== 'cancelled') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('cancelled');
  });

  it('keeps documents to their warehouse and out of merchants’ reach', async () => {
    expect((await clerkBj.get(`/api/warehouse/outbounds/${docs.paid1.id}`)).status).toBe(404);
    expect((await clerkBj.get(`/api/warehouse/outbounds?q=${orders.paid1.number}`)).body.items).toEqual([]);
    const merchant = await sys.login('home');
    expect((await merchant.get('/api/warehouse/waves')).status).toBe(403);
    expect((await clerk.get('/api/warehouse/outbounds?limit=0')).status).toBe(400);
  });
});

describe('waves and pick lists', () => {
  it('proposes waves by cut-off, temperature class and zone, and creates one from a selection', async () => {
    const sh = w.warehouses['WH-SH'].id;
    const proposal = (await clerk.get(`/api/warehouse/waves/proposal?warehouseId=${sh}`)).body;
    const ours = Object.values(docs).map((d) => d.id);
    const groups = proposal.waves.filter((g: any) => g.outboundIds.some((id: string) => ours.includes(id)));
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g).toMatchObject({ carrier: 'ZTO', temperatureClass: 'ambient' });
    const created = await clerk.post('/api/warehouse/waves', {
      warehouseId: sh,
      outboundIds: ours,
      origin: 'proposal',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      status: 'planned',
      orders: 3,
      carrier: 'ZTO',
      temperatureClass: 'ambient',
    });
    waveId = created.body.id;
    const again = await clerk.post('/api/warehouse/waves', { warehouseId: sh, outboundIds: [docs.paid1.id] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('warehouse.outbound_not_open');
    const illegal = await clerk.post(`/api/warehouse/waves/${waveId}/close`, {});
    expect(illegal.status).toBe(409);
    expect(illegal.body.code).toBe('warehouse.wave_illegal_transition');
    expect((await clerk.post('/api/warehouse/waves', { warehouseId: sh, outboundIds: [] })).status).toBe(400);
    expect((await clerkBj.get(`/api/warehouse/waves/${waveId}`)).status).toBe(404);
  });

  it('releases the wave into a batch pick list sequenced along a path no longer than an S-shape walk', async () => {
    const res = await clerk.post(`/api/warehouse/waves/${waveId}/release`, {});
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('released');
    expect(res.body.pickLists).toHaveLength(1);
    listId = res.body.pickLists[0].id;
    const list = (await clerk.get(`/api/warehouse/pick-lists/${listId}`)).body;
    expect(list.routeMm).toBeGreaterThan(0);
    expect(list.routeMm).toBeLessThanOrEqual(list.sShapeMm);
    // A's units of both orders are merged at one bin; every order line is on the list once.
    const a = list.tasks.filter((t: any) => t.skuId === skuA.id);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ binCode: 'A-02-1-01', qty: 3 });
    expect(a[0].orders.map((o: any) => o.orderNumber).sort()).toEqual(
      [orders.paid1.number, orders.paid2.number].sort(),
    );
    expect(list.tasks.reduce((s: number, t: any) => s + t.qty, 0)).toBe(2 + 2 + 1 + 2 + 1);
    expect(list.tasks.map((t: any) => t.seq)).toEqual(list.tasks.map((_: unknown, i: number) => i + 1));
    expect(list.nextTaskId).toBe(list.tasks[0].id);
    // The walk visits bins in path order: legs add up to the route less the walk back.
    const legs = list.tasks.reduce((s: number, t: any) => s + t.legMm, 0);
    expect(legs).toBeLessThan(list.routeMm);
    expect(list.waypoints.length).toBeGreaterThan(2);
  });

  it('refuses wrong scans with a clear error and counts them per picker and per list', async () => {
    const list = (await clerk.get(`/api/warehouse/pick-lists/${listId}`)).body;
    const task = list.tasks.find((t: any) => t.skuId === skuA.id);
    const url = `/api/warehouse/pick-lists/${listId}/tasks/${task.id}`;
    const right = await binBarcodeOf(clerk, list, task);
    clerk.lang = 'en';
    const wrongBin = await clerk.post(`${url}/confirm`, {
      binBarcode: 'WH-SH-C-07-1-01',
      skuBarcode: skuA.gtin,
      qty: 1,
    });
    expect(wrongBin.status).toBe(409);
    expect(wrongBin.body.code).toBe('warehouse.pick_wrong_bin');
    expect(wrongBin.body.detail).toContain('A-02-1-01');
    const wrongSku = await clerk.post(`${url}/scan`, { binBarcode: right, skuBarcode: skuC.gtin });
    expect(wrongSku.body.code).toBe('warehouse.pick_wrong_sku');
    const tooMany = await clerk.post(`${url}/confirm`, { binBarcode: right, skuBarcode: skuA.gtin, qty: 4 });
    expect(tooMany.body.code).toBe('warehouse.pick_qty_exceeds');
    expect((await clerk.post(`${url}/scan`, { binBarcode: right })).status).toBe(204);
    clerk.lang = 'zh-CN';
    const report = (await manager.get(`/api/warehouse/outbound-scan-errors?pickListId=${listId}`)).body;
    expect(report.total).toBe(3);
    expect(report.byActor).toEqual([{ actorName: 'clerk', count: 3, pickCount: 3 }]);
    expect(report.byPickList).toEqual([expect.objectContaining({ pickListId: listId, count: 3 })]);
    expect((await clerk.get(`/api/warehouse/pick-lists/${listId}`)).body.wrongScans).toBe(3);
    // Nothing was picked by the refused scans.
    expect((await w.admin.get(`/api/orders/${orders.paid1.id}`)).body.status).toBe('released');
  });

  it('picks with confirmed scans: the order desk posts pick movements from the reserved bins', async () => {
    const list = (await clerk.get(`/api/warehouse/pick-lists/${listId}`)).body;
    const task = list.tasks.find((t: any) => t.skuId === skuA.id);
    const res = await clerk.post(`/api/warehouse/pick-lists/${listId}/tasks/${task.id}/confirm`, {
      binBarcode: await binBarcodeOf(clerk, list, task),
      skuBarcode: skuA.gtin,
      qty: 3,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.pickList.pickerName).toBe('clerk');
    expect((await w.admin.get(`/api/orders/${orders.paid1.id}`)).body.status).toBe('picking');
    const moves = (
      await w.admin.get(`/api/inventory/movements?sourceType=order&sourceId=${orders.paid1.number}&type=pick`)
    ).body.items;
    expect(moves).toEqual([expect.objectContaining({ qty: 2, fromBinId: bins.get('A-02-1-01')!.id })]);
    expect((await clerk.get(`/api/warehouse/waves/${waveId}`)).body.status).toBe('picking');
  });

  it('handles a short pick: count request, re-allocation to another bin, supplementary pick list', async () => {
    const list = (await clerk.get(`/api/warehouse/pick-lists/${listId}`)).body;
    const task = list.tasks.find((t: any) => t.skuId === skuB.id);
    expect(task).toMatchObject({ binCode: 'C-07-1-01', qty: 2 });
    const before = await stockOf(w, skuB, 'WH-SH');
    const res = await clerk.post(`/api/warehouse/pick-lists/${listId}/tasks/${task.id}/short`, {
      binBarcode: await binBarcodeOf(clerk, list, task),
      skuBarcode: skuB.gtin,
      foundQty: 1,
      note: '库位只有一件',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      foundQty: 1,
      shortQty: 1,
      outcomes: [{ orderNumber: docs.paid1.number, qty: 1, outcome: 'same_warehouse' }],
    });
    const requests = (await manager.get(`/api/warehouse/count-requests?status=open`)).body.items;
    expect(requests).toContainEqual(
      expect.objectContaining({
        id: res.body.countRequestId,
        binCode: 'C-07-1-01',
        skuId: skuB.id,
        reason: 'short_pick',
        expectedQty: 2,
        foundQty: 1,
      }),
    );
    // The missing unit is written off at C-07 and reserved again at B-06.
    const order = (await w.admin.get(`/api/orders/${orders.paid1.id}`)).body;
    expect(order.allocations.filter((a: any) => a.skuId === skuB.id && a.qty > a.pickedQty)).toEqual([
      expect.objectContaining({ binCode: 'B-06-1-01', qty: 1 }),
    ]);
    expect((await stockOf(w, skuB, 'WH-SH')).onHand).toBe(before.onHand - 1);
    const wave = (await clerk.get(`/api/warehouse/waves/${waveId}`)).body;
    const extra = wave.pickLists.find((l: any) => l.supplementary);
    expect(extra).toMatchObject({ tasks: 1, status: 'open' });
    const doc = (await clerk.get(`/api/warehouse/outbounds/${docs.paid1.id}`)).body;
    expect(doc.shortages).toEqual([
      expect.objectContaining({ qty: 1, outcome: 'same_warehouse', countRequestId: res.body.countRequestId }),
    ]);
    // Pick the rest of the wave, the supplementary list too.
    await pickAll(clerk, listId, [skuA, skuB, skuC]);
    const extraList = await pickAll(clerk, extra.id, [skuA, skuB, skuC]);
    expect(extraList.tasks[0]).toMatchObject({ binCode: 'B-06-1-01', pickedQty: 1, status: 'done' });
    const picked = (await clerk.get(`/api/warehouse/waves/${waveId}`)).body;
    expect(picked.status).toBe('picked');
    expect(picked.outbounds.every((o: any) => o.status === 'picked')).toBe(true);
  });
});

describe('packing, labels and the gate', () => {
  it('packs into proposed cartons with scan checks and carton changes recorded', async () => {
    const started = await clerk.post(`/api/warehouse/outbounds/${docs.paid1.id}/pack`, {});
    expect(started.status, started.text).toBe(200);
    expect(started.body.status).toBe('packing');
    const [parcel] = started.body.packages;
    expect(parcel.proposedCartonTypeId).toMatch(/^P\d+$/);
    expect(parcel.items.map((i: any) => [i.skuId, i.qty]).sort()).toEqual(
      [
        [skuA.id, 2],
        [skuB.id, 2],
      ].sort(),
    );
    const wrong = await clerk.post(`/api/warehouse/packages/${parcel.id}/scan`, { barcode: skuC.gtin });
    expect(wrong.body.code).toBe('warehouse.pack_wrong_item');
    const small = await clerk.post(`/api/warehouse/packages/${parcel.id}/carton`, {
      cartonTypeId: 'P12',
      reason: '试小箱',
    });
    expect(small.body.code).toBe('warehouse.carton_does_not_fit');
    expect(
      (
        await clerk.post(`/api/warehouse/packages/${parcel.id}/carton`, {
          cartonTypeId: 'P1',
          reason: '5号箱缺货',
        })
      ).status,
    ).toBe(204);
    const early = await clerk.post(`/api/warehouse/packages/${parcel.id}/seal`, {});
    expect(early.body.code).toBe('warehouse.pack_items_missing');
    for (const sku of [skuA, skuA, skuB, skuB])
      expect(
        (await clerk.post(`/api/warehouse/packages/${parcel.id}/scan`, { barcode: sku.gtin })).status,
      ).toBe(200);
    const extra = await clerk.post(`/api/warehouse/packages/${parcel.id}/scan`, { barcode: skuA.gtin });
    expect(extra.body.code).toBe('warehouse.pack_item_complete');
    const heavy = await clerk.post(`/api/warehouse/packages/${parcel.id}/seal`, { weightG: 50_000 });
    expect(heavy.body.code).toBe('warehouse.pack_weight_mismatch');
    const sealed = await clerk.post(`/api/warehouse/packages/${parcel.id}/seal`, {});
    expect(sealed.status, sealed.text).toBe(200);
    expect(isLocalWaybill(sealed.body.waybillNo)).toBe(true);
    expect(sealed.body.waybillNo.startsWith('ZT')).toBe(true);
    expect(sealed.body.outboundPacked).toBe(true);
    const doc = (await clerk.get(`/api/warehouse/outbounds/${docs.paid1.id}`)).body;
    expect(doc.packages[0]).toMatchObject({
      cartonTypeId: 'P1',
      proposedCartonTypeId: parcel.proposedCartonTypeId,
      cartonChangedReason: '5号箱缺货',
      cartonChangedByName: 'clerk',
    });
    expect((await w.admin.get(`/api/orders/${orders.paid1.id}`)).body.status).toBe('packed');
    const packErrors = (await manager.get('/api/warehouse/outbound-scan-errors?stage=pack')).body;
    expect(packErrors.total).toBe(2);
    await packAll(clerk, docs.paid2.id, [skuA, skuB, skuC]);
    await packAll(clerk, docs.unpaid.id, [skuA, skuB, skuC]);
    expect((await clerk.get(`/api/warehouse/waves/${waveId}`)).body.status).toBe('packed');
  });

  it('prints 100 × 150 mm labels with the masked phone, singly and as a batch for the wave', async () => {
    const { downloadAs } = await import('../helpers/route-plans');
    const one = await downloadAs(sys, 'clerk', `/api/warehouse/outbounds/${docs.paid1.id}/labels`);
    expect(one.status, one.body.toString()).toBe(200);
    expect(one.headers['content-type']).toBe('application/pdf');
    expect(one.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(one.body);
    const phone = orders.paid1.phone;
    expect(text).toContain(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(text).not.toContain(phone);
    expect(text).toContain('王小明');
    expect(text).toContain(orders.paid1.number);
    const doc = (await clerk.get(`/api/warehouse/outbounds/${docs.paid1.id}`)).body;
    expect(text).toContain(doc.packages[0].waybillNo);
    const batch = await downloadAs(sys, 'clerk', `/api/warehouse/waves/${waveId}/labels`);
    const parcels = (await clerk.get(`/api/warehouse/waves/${waveId}`)).body.outbounds.reduce(
      (s: number, o: any) => s + o.parcels,
      0,
    );
    expect(pdfPageCount(batch.body)).toBe(parcels);
    expect((await downloadAs(sys, 'clerk.bj', `/api/warehouse/waves/${waveId}/labels`)).status).toBe(404);
  });

  it('refuses the gate for unchecked parcels and unpaid orders, saying why; releases paid ones', async () => {
    const sh = w.warehouses['WH-SH'].id;
    const pass = (ids: string[]) =>
      manager.post('/api/warehouse/gate-passes', {
        warehouseId: sh,
        outboundIds: ids,
        vehiclePlate: '沪A·12345',
        carrier: 'ZTO',
        driverName: '赵师傅',
      });
    manager.lang = 'en';
    const unchecked = await pass([docs.paid1.id]);
    expect(unchecked.status).toBe(409);
    expect(unchecked.body.code).toBe('warehouse.gate_parcel_not_checked');
    const unknown = await manager.post('/api/warehouse/gate/scan', {
      warehouseId: sh,
      waybillNo: 'ZT9999999999990',
    });
    expect(unknown.body.code).toBe('warehouse.gate_unknown_parcel');
    for (const key of ['paid1', 'paid2', 'unpaid']) {
      const d = (await manager.get(`/api/warehouse/outbounds/${docs[key].id}`)).body;
      for (const p of d.packages)
        expect(
          (await manager.post('/api/warehouse/gate/scan', { warehouseId: sh, waybillNo: p.waybillNo }))
            .status,
        ).toBe(200);
    }
    const unpaid = await pass([docs.paid1.id, docs.unpaid.id]);
    expect(unpaid.status).toBe(409);
    expect(unpaid.body.code).toBe('warehouse.gate_unpaid');
    expect(unpaid.body.detail).toContain(orders.unpaid.number);
    expect(unpaid.body.issues).toEqual([expect.objectContaining({ field: 'outboundIds.1', code: 'unpaid' })]);
    const wrongTruck = await manager.post('/api/warehouse/gate-passes', {
      warehouseId: sh,
      outboundIds: [docs.paid1.id],
      vehiclePlate: '沪B·99999',
      carrier: 'SF',
    });
    expect(wrongTruck.body.code).toBe('warehouse.gate_carrier_mismatch');
    manager.lang = 'zh-CN';
    expect(
      (
        await clerk.post('/api/warehouse/gate-passes', {
          warehouseId: sh,
          outboundIds: [docs.paid1.id],
          vehiclePlate: '沪A·12345',
          carrier: 'ZTO',
        })
      ).status,
    ).toBe(403);

    const before = await stockOf(w, skuA, 'WH-SH');
    const ok = await pass([docs.paid1.id, docs.paid2.id]);
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body).toMatchObject({
      vehiclePlate: '沪A·12345',
      carrier: 'ZTO',
      actorName: 'whmanager',
      parcels: 2,
    });
    expect(ok.body.lines.map((l: any) => l.orderNumber).sort()).toEqual(
      [orders.paid1.number, orders.paid2.number].sort(),
    );
    const order = (await w.admin.get(`/api/orders/${orders.paid1.id}`)).body;
    expect(order).toMatchObject({
      status: 'shipped',
      carrier: '中通快递',
      waybillNo: ok.body.lines.find((l: any) => l.orderNumber === orders.paid1.number).waybills[0],
    });
    const ships = (
      await w.admin.get(`/api/inventory/movements?sourceType=order&sourceId=${orders.paid1.number}&type=ship`)
    ).body.items;
    expect(ships.reduce((s: number, m: any) => s + m.qty, 0)).toBe(4);
    const after = await stockOf(w, skuA, 'WH-SH');
    expect(after.onHand).toBe(before.onHand - 3);
    const twice = await pass([docs.paid1.id]);
    expect(twice.body.code).toBe('warehouse.gate_not_packed');

    // A manager approves the unpaid order on credit; then it may leave too.
    expect(
      (await clerk.post(`/api/warehouse/outbounds/${docs.unpaid.id}/credit-approval`, { note: '月结客户' }))
        .status,
    ).toBe(403);
    const credit = await manager.post(`/api/warehouse/outbounds/${docs.unpaid.id}/credit-approval`, {
      note: '月结客户，授信额度内',
    });
    expect(credit.body).toMatchObject({ creditApprovedByName: 'whmanager', gate: { ready: true } });
    expect((await pass([docs.unpaid.id])).status).toBe(201);
    expect((await clerk.get(`/api/warehouse/waves/${waveId}`)).body.status).toBe('closed');
    const audit = await w.admin.get(`/api/inventory/audit?warehouseId=${sh}`);
    expect(audit.body).toMatchObject({ ok: true, discrepancyCount: 0 });
    const trail = (await w.admin.get(`/api/audit?entity=warehouse.gate_pass`)).body.items;
    expect(trail.length).toBeGreaterThanOrEqual(2);
  });
});

describe('bad input', () => {
  it('answers malformed pick and pack requests with 400 or 404, never 500', async () => {
    const list = (await clerk.get(`/api/warehouse/pick-lists/${listId}`)).body;
    const task = list.tasks[0];
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            binBarcode: fc.oneof(fc.string({ maxLength: 120 }), fc.integer(), fc.constant(null)),
            skuBarcode: fc.oneof(fc.string({ maxLength: 120 }), fc.constant(undefined)),
            qty: fc.oneof(fc.integer({ min: -5, max: 2_000_000 }), fc.double(), fc.string({ maxLength: 5 })),
            extra: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 5 })),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const res = await clerk.post(`/api/warehouse/pick-lists/${listId}/tasks/${task.id}/confirm`, body);
          expect(res.status, res.text).toBeLessThan(500);
          expect(res.status).not.toBe(200);
        },
      ),
      { numRuns: 40 },
    );
    expect((await clerk.post(`/api/warehouse/packages/not-a-uuid/scan`, { barcode: '1' })).status).toBe(400);
    expect(
      (await clerk.post(`/api/warehouse/packages/00000000-0000-4000-8000-000000000000/seal`, {})).status,
    ).toBe(404);
    const cut = await manager.put('/api/warehouse/carrier-cutoffs', {
      warehouseId: w.warehouses['WH-SH'].id,
      rows: [{ serviceType: 'standard', carrier: 'ZTO', cutoffLocal: '25:00' }],
    });
    expect(cut.status).toBe(400);
    const dup = await manager.put('/api/warehouse/carrier-cutoffs', {
      warehouseId: w.warehouses['WH-SH'].id,
      rows: [
        { serviceType: 'express', carrier: 'SF', cutoffLocal: '18:30' },
        { serviceType: 'express', carrier: 'JD', cutoffLocal: '19:00' },
      ],
    });
    expect(dup.status).toBe(400);
    const set = await manager.put('/api/warehouse/carrier-cutoffs', {
      warehouseId: w.warehouses['WH-SH'].id,
      rows: [{ serviceType: 'express', carrier: 'JD', cutoffLocal: '19:30' }],
    });
    expect(set.body.items).toContainEqual({
      serviceType: 'express',
      carrier: 'JD',
      cutoffLocal: '19:30',
      custom: true,
    });
    expect(set.body.items).toContainEqual({
      serviceType: 'standard',
      carrier: 'ZTO',
      cutoffLocal: '17:00',
      custom: false,
    });
  });
});
