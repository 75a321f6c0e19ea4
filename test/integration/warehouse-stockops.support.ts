import { expect } from 'vitest';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

/**
 * Shared set-up of the counts, slotting and kitting tests: the demo system with its users, and
 * helpers that make SKUs, bins in WH-SH's zones (far from the demo bins, so nothing else touches
 * them) and stock — all through the HTTP API.
 */
export interface StockOpsWorld {
  sys: TestSystem;
  admin: Agent;
  manager: Agent;
  clerk: Agent;
  clerkBj: Agent;
  logistics: Agent;
  whId: string;
  bjId: string;
  zone: (cls: string) => string;
  merchantId: string;
}

let seq = 0;
const run = Math.random().toString(36).slice(2, 6).toUpperCase();

export async function startWorld(options: { now?: () => Date } = {}): Promise<StockOpsWorld> {
  const sys = await startTestSystem(options);
  const [admin, manager, clerk, clerkBj, logistics, home] = await Promise.all([
    sys.login('admin'),
    sys.login('whmanager'),
    sys.login('clerk'),
    sys.login('clerk.bj'),
    sys.login('logistics'),
    sys.login('home'),
  ]);
  const warehouses = (await admin.get('/api/inventory/warehouses')).body;
  const list = Array.isArray(warehouses) ? warehouses : warehouses.items;
  const sh = list.find((w: any) => w.code === 'WH-SH');
  const bj = list.find((w: any) => w.code === 'WH-BJ');
  const merchantId = (await home.get('/api/auth/me')).body.merchant.id;
  return {
    sys,
    admin,
    manager,
    clerk,
    clerkBj,
    logistics,
    whId: sh.id,
    bjId: bj.id,
    zone: (cls) => sh.zones.find((z: any) => z.storageClass === cls).id,
    merchantId,
  };
}

export interface TestSku {
  id: string;
  code: string;
  barcodes: string[];
  weightG: number;
}

export async function newSku(
  w: StockOpsWorld,
  storageClass: 'ambient' | 'chilled' = 'ambient',
  extra: Record<string, unknown> = {},
): Promise<TestSku> {
  const cold = storageClass === 'chilled';
  const code = `SO-${run}-${++seq}`;
  const res = await w.admin.post('/api/catalog/skus', {
    merchantId: w.merchantId,
    code,
    nameZh: `盘点测试 ${code}`,
    nameEn: `Stock-ops test ${code}`,
    barcodes: [],
    unit: 'each',
    weightG: 500,
    lengthMm: 100,
    widthMm: 100,
    heightMm: 100,
    storageClass,
    shelfLifeDays: cold ? 60 : null,
    minRemainingShelfLifeDays: cold ? 5 : null,
    ...extra,
  });
  expect(res.status, res.text).toBe(201);
  return { id: res.body.id, code, barcodes: res.body.barcodes, weightG: res.body.weightG };
}

export interface TestBin {
  id: string;
  code: string;
  barcode: string;
  kind: string;
  xMm: number;
  yMm: number;
}

/** A row of bins `<aisle>-01-1-01…` in a zone of WH-SH, starting at (originXMm, originYMm). */
export async function newBins(
  w: StockOpsWorld,
  cls: string,
  aisle: string,
  bays: number,
  options: {
    originXMm: number;
    originYMm?: number;
    pickFaceLevels?: number;
    maxWeightG?: number;
    warehouseId?: string;
    zoneId?: string;
  },
): Promise<TestBin[]> {
  const res = await w.admin.post('/api/inventory/bins/bulk', {
    warehouseId: options.warehouseId ?? w.whId,
    zoneId: options.zoneId ?? w.zone(cls),
    aisles: [aisle],
    bays,
    levels: 1,
    positions: 1,
    pickFaceLevels: options.pickFaceLevels ?? 1,
    originXMm: options.originXMm,
    originYMm: options.originYMm ?? 3000,
    ...(options.maxWeightG ? { maxWeightG: options.maxWeightG } : {}),
  });
  expect(res.status, res.text).toBe(201);
  return res.body.items;
}

export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export async function receive(
  w: StockOpsWorld,
  sku: TestSku,
  bin: TestBin,
  qty: number,
  lot?: { code: string; expiryDate: string },
) {
  const res = await w.admin.post('/api/inventory/receipts', {
    skuId: sku.id,
    binId: bin.id,
    qty,
    ...(lot ? { lotCode: lot.code, expiryDate: lot.expiryDate } : {}),
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** On hand of a SKU in a bin (every status and lot). */
export async function onHand(w: StockOpsWorld, sku: TestSku, bin: TestBin): Promise<number> {
  const res = await w.admin.get(`/api/inventory/stock?skuId=${sku.id}&binId=${bin.id}&limit=100`);
  expect(res.status, res.text).toBe(200);
  return res.body.items.reduce((s: number, r: any) => s + r.onHand, 0);
}

/** Reserve and pick `qty` of a SKU for an order (picks come from the bins FEFO chooses). */
export async function pickOut(
  w: StockOpsWorld,
  sku: TestSku,
  qty: number,
  orderRef: string,
  warehouseId = w.whId,
) {
  const r = await w.admin.post('/api/inventory/reservations', {
    orderRef,
    lines: [{ skuId: sku.id, qty, warehouseId }],
  });
  expect(r.status, r.text).toBe(201);
  for (const a of r.body.allocations) {
    const p = await w.admin.post('/api/inventory/picks', {
      orderRef,
      skuId: sku.id,
      binId: a.binId,
      lotId: a.lotId,
      qty: a.qty,
    });
    expect(p.status, p.text).toBe(201);
  }
  return r.body.allocations as Array<{ binId: string; qty: number }>;
}
