import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system';
import {
  binsOf,
  type OutboundWorld,
  outboundOf,
  outboundWorld,
  receiveInto,
  redeliver,
  skuWithGtin,
} from './warehouse-outbound.support';

/**
 * Stock the inventory module takes away from a released order (an incident here; expiry and
 * temperature holds take the same path) makes the order desk re-allocate it, and the warehouse's
 * outbound document follows the new reservation without anyone asking — no picker is sent to a bin
 * whose goods are gone.
 */
let sys: TestSystem;
let o: OutboundWorld;
beforeAll(async () => {
  sys = await startTestSystem();
  o = await outboundWorld(sys);
}, 120_000);
afterAll(async () => {
  await o?.dispatcher.stop();
  await sys?.close();
});

describe('outbound documents follow re-allocations', () => {
  it('moves the document’s line to the bin reserved after an incident wrote the first one off', async () => {
    const { w, bins, clerk, dispatcher } = o;
    const sku = await skuWithGtin(w);
    await receiveInto(w, sku, bins.get('C-03-1-01')!, 3);
    await receiveInto(w, sku, bins.get('C-05-1-01')!, 5);
    const order = await o.placeOrder([[sku, 2]]);
    const first = order.allocations[0];
    expect(order.allocations).toHaveLength(1);
    await o.release(order.id);
    const summary = await outboundOf(clerk, dispatcher, order.number);
    const before = (await clerk.get(`/api/warehouse/outbounds/${summary.id}`)).body;
    expect(before.lines.map((l: { binId: string }) => l.binId)).toEqual([first.binId]);

    // The reserved bin's goods are damaged: all of them are written off through an incident.
    const onHand = first.binId === bins.get('C-03-1-01')!.id ? 3 : 5;
    const incident = await w.admin.post('/api/inventory/incidents', {
      warehouseId: w.warehouses['WH-SH'].id,
      kind: 'damage',
      occurredAt: new Date().toISOString(),
      description: '货架倒塌，整格商品损坏',
      lines: [{ skuId: sku.id, binId: first.binId, qty: onHand }],
      post: true,
    });
    expect(incident.status, incident.text).toBe(201);

    let after: any;
    for (let i = 0; i < 200; i++) {
      await dispatcher.drainOnce();
      after = (await clerk.get(`/api/warehouse/outbounds/${summary.id}`)).body;
      const open = after.lines.filter((l: { qty: number }) => l.qty > 0);
      if (open.length && open.every((l: { binId: string }) => l.binId !== first.binId)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const open = after.lines.filter((l: { qty: number }) => l.qty > 0);
    expect(open.map((l: { binId: string }) => l.binId)).toEqual([expect.not.stringMatching(first.binId)]);
    expect(open.reduce((s: number, l: { qty: number }) => s + l.qty, 0)).toBe(2);
    const detail = (await w.admin.get(`/api/orders/${order.id}`)).body;
    expect(detail.allocations.map((a: { binId: string }) => a.binId)).toEqual([open[0].binId]);
    expect(after.status).not.toBe('cancelled');

    // Delivered again, the event changes nothing.
    await redeliver(
      sys,
      'warehouse.outbound_on_reallocate',
      'orders.order_reallocated',
      (p) => p.orderId === order.id,
    );
    const again = (await clerk.get(`/api/warehouse/outbounds/${summary.id}`)).body;
    expect(again.lines).toEqual(after.lines);
  });

  it('cancels the document when the order had to leave the warehouse', async () => {
    const { w, bins, clerk, dispatcher } = o;
    const sku = await skuWithGtin(w);
    await receiveInto(w, sku, bins.get('A-06-1-01')!, 2);
    const bjBins = await binsOf(w, 'WH-BJ', 'ambient');
    await receiveInto(w, sku, [...bjBins.values()][0], 10);
    const order = await o.placeOrder([[sku, 2]]);
    expect(order.allocations[0].warehouseId).toBe(w.warehouses['WH-SH'].id);
    await o.release(order.id);
    const summary = await outboundOf(clerk, dispatcher, order.number);
    const incident = await w.admin.post('/api/inventory/incidents', {
      warehouseId: w.warehouses['WH-SH'].id,
      kind: 'theft',
      occurredAt: new Date().toISOString(),
      description: '夜间失窃',
      lines: [{ skuId: sku.id, binId: bins.get('A-06-1-01')!.id, qty: 2 }],
      post: true,
    });
    expect(incident.status, incident.text).toBe(201);
    let doc: any;
    for (let i = 0; i < 200; i++) {
      await dispatcher.drainOnce();
      doc = (await clerk.get(`/api/warehouse/outbounds/${summary.id}`)).body;
      if (doc.status === 'cancelled') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(doc.status).toBe('cancelled');
    const detail = (await w.admin.get(`/api/orders/${order.id}`)).body;
    expect(detail.warehouseId).toBe(w.warehouses['WH-BJ'].id);
  });
});
