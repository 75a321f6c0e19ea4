import { expect } from 'vitest';
import { createModules } from '../../src/app/modules';
import { withCheckDigit } from '../../src/modules/catalog';
import { loadConfig } from '../../src/platform/config/config';
import { createOutboxDispatcher, type OutboxDispatcher } from '../../src/platform/events';
import type { Agent, TestSystem } from '../helpers/system';
import { newSku, orderBody, type TestSku, type World, worldOf } from './orders.support';

/**
 * Shared steps of the outbound tests: SKUs with GTINs stocked in chosen bins of the Shanghai
 * warehouse, the outbox delivering `orders.order_released` to the warehouse, and packing a whole
 * order at the station.
 */
export interface ScanSku extends TestSku {
  gtin: string;
}

let gtinSeq = 0;
const gtinRun = String(Date.now() % 1_000_000).padStart(6, '0');

export async function skuWithGtin(
  w: World,
  storageClass: 'ambient' | 'chilled' = 'ambient',
): Promise<ScanSku> {
  const gtin = withCheckDigit(`69${gtinRun}${String(++gtinSeq).padStart(4, '0')}`);
  const sku = await newSku(w, 'HOME', storageClass, { barcodes: [gtin] });
  return { ...sku, gtin };
}

export interface Bin {
  id: string;
  code: string;
  barcode: string;
  zoneId: string | null;
  kind: string;
  xMm: number;
  yMm: number;
}

/** Pick-face bins of the warehouse's zone of a storage class, by code. */
export async function binsOf(w: World, code: string, storageClass: string): Promise<Map<string, Bin>> {
  const wh = w.warehouses[code];
  const zone = wh.zones.find((z) => z.storageClass === storageClass)!;
  const page = await w.admin.get(`/api/inventory/bins?warehouseId=${wh.id}&zoneId=${zone.id}&limit=500`);
  return new Map((page.body.items as Bin[]).filter((b) => b.kind === 'pick_face').map((b) => [b.code, b]));
}

export async function receiveInto(
  w: World,
  sku: TestSku,
  bin: Bin,
  qty: number,
  lot?: { lotCode: string; expiryDate: string },
) {
  const res = await w.admin.post('/api/inventory/receipts', { skuId: sku.id, binId: bin.id, qty, ...lot });
  expect(res.status, res.text).toBe(201);
}

/** A dispatcher of the warehouse's event handlers, drained by the test (the system's own one polls too). */
export function warehouseDispatcher(sys: TestSystem): OutboxDispatcher {
  const handlers = createModules(loadConfig({}))
    .flatMap((m) => m.eventHandlers ?? [])
    .filter((h) => h.name.startsWith('warehouse.'));
  return createOutboxDispatcher({ db: sys.database.db, handlers, now: () => new Date(), onError: () => {} });
}

/** Deliver events until the order's outbound document exists; returns its summary. */
export async function outboundOf(agent: Agent, dispatcher: OutboxDispatcher, orderNumber: string) {
  for (let i = 0; i < 150; i++) {
    await dispatcher.drainOnce();
    const res = await agent.get(`/api/warehouse/outbounds?q=${orderNumber}`);
    expect(res.status, res.text).toBe(200);
    const live = res.body.items.filter((o: { status: string }) => o.status !== 'cancelled');
    if (live.length) return live[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no outbound document for ${orderNumber}`);
}

/** Pack an order: start, scan every item of every parcel, seal each (the last one packs the order). */
export async function packAll(agent: Agent, outboundId: string, skus: ScanSku[]) {
  const started = await agent.post(`/api/warehouse/outbounds/${outboundId}/pack`, {});
  expect(started.status, started.text).toBe(200);
  for (const p of started.body.packages.filter((x: { status: string }) => x.status === 'open')) {
    for (const item of p.items) {
      const sku = skus.find((s) => s.id === item.skuId)!;
      for (let k = item.scannedQty; k < item.qty; k++) {
        const scan = await agent.post(`/api/warehouse/packages/${p.id}/scan`, { barcode: sku.gtin });
        expect(scan.status, scan.text).toBe(200);
      }
    }
    const seal = await agent.post(`/api/warehouse/packages/${p.id}/seal`, {});
    expect(seal.status, seal.text).toBe(200);
  }
  const done = await agent.get(`/api/warehouse/outbounds/${outboundId}`);
  expect(done.body.status).toBe('packed');
  return done.body;
}

/** Confirm every open task of a pick list with the right scans. */
export async function pickAll(
  agent: Agent,
  listId: string,
  skus: ScanSku[],
  lots: Record<string, string> = {},
) {
  let list = (await agent.get(`/api/warehouse/pick-lists/${listId}`)).body;
  for (const task of list.tasks.filter((t: { status: string }) => t.status === 'open')) {
    const sku = skus.find((s) => s.id === task.skuId)!;
    const res = await agent.post(`/api/warehouse/pick-lists/${listId}/tasks/${task.id}/confirm`, {
      binBarcode: await binBarcodeOf(agent, list, task),
      skuBarcode: sku.gtin,
      lotCode: task.lotCode ?? lots[sku.id] ?? null,
      qty: task.qty - task.pickedQty - task.shortQty,
    });
    expect(res.status, res.text).toBe(200);
    list = res.body.pickList;
  }
  return list;
}

/** The bin barcode of a task (the handheld shows the code; the label on the rack carries the barcode). */
export async function binBarcodeOf(agent: Agent, list: { warehouseId: string }, task: { binId: string }) {
  const res = await agent.get(`/api/inventory/bins?warehouseId=${list.warehouseId}&limit=500`);
  return (res.body.items as Bin[]).find((b) => b.id === task.binId)!.barcode;
}

export interface OutboundWorld {
  w: World;
  clerk: Agent;
  manager: Agent;
  clerkBj: Agent;
  dispatcher: OutboxDispatcher;
  bins: Map<string, Bin>;
  skus: { skuA: ScanSku; skuB: ScanSku; skuC: ScanSku };
  orders: Record<'paid1' | 'paid2' | 'unpaid', { id: string; number: string; phone: string }>;
  placeOrder(lines: Array<[ScanSku, number]>, extra?: Record<string, unknown>): Promise<any>;
  release(orderId: string): Promise<void>;
}

/**
 * Three SKUs spread over the Shanghai ambient zone (A at A-02, B at C-07 with a second bin B-06
 * stocked only after the first order, C at B-04) and three released orders: two paid, one unpaid
 * that customer service let through the exception queue.
 */
export async function outboundWorld(sys: TestSystem): Promise<OutboundWorld> {
  const w = await worldOf(sys);
  const [clerk, manager, clerkBj] = await Promise.all([
    sys.login('clerk'),
    sys.login('whmanager'),
    sys.login('clerk.bj'),
  ]);
  const bins = await binsOf(w, 'WH-SH', 'ambient');
  const skuA = await skuWithGtin(w);
  const skuB = await skuWithGtin(w);
  const skuC = await skuWithGtin(w);
  await receiveInto(w, skuA, bins.get('A-02-1-01')!, 10);
  await receiveInto(w, skuB, bins.get('C-07-1-01')!, 2);
  await receiveInto(w, skuC, bins.get('B-04-1-01')!, 10);
  const placeOrder = async (lines: Array<[ScanSku, number]>, extra: Record<string, unknown> = {}) => {
    const res = await w.admin.post('/api/orders', orderBody(w, 'HOME', lines, extra));
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const release = async (orderId: string) => {
    const res = await w.admin.post(`/api/orders/${orderId}/release-to-warehouse`, {});
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('released');
  };
  const phone = (n: number) => `1391234${String(5000 + n).padStart(4, '0')}`;
  const p1 = await placeOrder(
    [
      [skuA, 2],
      [skuB, 2],
    ],
    { consignee: { name: '王小明', phone: phone(1) } },
  );
  await receiveInto(w, skuB, bins.get('B-06-1-01')!, 5);
  const p2 = await placeOrder(
    [
      [skuA, 1],
      [skuC, 2],
    ],
    { consignee: { name: '陈静', phone: phone(2) } },
  );
  const u = await placeOrder([[skuC, 1]], {
    consignee: { name: '刘洋', phone: phone(3) },
    payment: { status: 'unpaid' },
  });
  expect(u.status).toBe('exception');
  const overridden = await w.admin.post(`/api/orders/${u.id}/release`, { note: '客户电话确认稍后付款' });
  expect(overridden.status, overridden.text).toBe(200);
  if (overridden.body.status === 'validated') await w.admin.post(`/api/orders/${u.id}/allocate`, {});
  const orders = {} as OutboundWorld['orders'];
  for (const [key, o, n] of [
    ['paid1', p1, 1],
    ['paid2', p2, 2],
    ['unpaid', u, 3],
  ] as const) {
    await release(o.id);
    orders[key] = { id: o.id, number: o.number, phone: phone(n) };
  }
  return {
    w,
    clerk,
    manager,
    clerkBj,
    dispatcher: warehouseDispatcher(sys),
    bins,
    skus: { skuA, skuB, skuC },
    orders,
    placeOrder,
    release,
  };
}

/** Hand a stored event to a handler once more (the outbox delivers at least once). */
export async function redeliver(
  sys: TestSystem,
  handlerName: string,
  topic: string,
  match: (payload: any) => boolean,
) {
  const handler = createModules(loadConfig({}))
    .flatMap((m) => m.eventHandlers ?? [])
    .find((h) => h.name === handlerName)!;
  const events: any[] = await sys.database.db
    .selectFrom('platform.outbox_event' as any)
    .selectAll()
    .where('topic', '=', topic)
    .execute();
  const parse = (p: unknown) => (typeof p === 'string' ? JSON.parse(p) : p);
  const stored = events.find((e) => match(parse(e.payload)))!;
  const at = new Date();
  await handler.handle(sys.database.db, {
    id: stored.id,
    topic,
    payload: parse(stored.payload),
    createdAt: at,
    availableAt: at,
    attempt: 2,
  } as never);
}
