import { expect } from 'vitest';
import { z } from 'zod';
import { intakeReplySchema } from '../../src/modules/orders/order.schemas';
import type { Agent, TestSystem } from '../helpers/system';

/**
 * An order placement's answer is exactly what its schema's zod encoding writes (the route renders
 * it with a compiled stringifier): every field, typed, in the schema's order.
 */
export function expectExactAnswer(res: { text: string }) {
  const answer = JSON.parse(res.text);
  expect(res.text).toBe(JSON.stringify(z.encode(intakeReplySchema, answer)));
}

/**
 * Shared setup for the orders tests: merchants, warehouses and bins by storage class, and SKUs the
 * test creates and stocks itself (so every quantity in an assertion is under the test's control).
 */
export interface World {
  admin: Agent;
  merchants: Record<'FRESH' | 'HOME', string>;
  warehouses: Record<string, { id: string; zones: Array<{ id: string; storageClass: string }> }>;
  binOf(warehouse: string, storageClass: string): Promise<string>;
}

let seq = 0;
const run = Date.now().toString(36).slice(-4).toUpperCase();

export async function worldOf(sys: TestSystem): Promise<World> {
  const admin = await sys.login('admin');
  const merchants = Object.fromEntries(
    (await admin.get('/api/org/merchants')).body.items.map((m: { code: string; id: string }) => [
      m.code,
      m.id,
    ]),
  ) as Record<'FRESH' | 'HOME', string>;
  const warehouses = Object.fromEntries(
    (await admin.get('/api/inventory/warehouses')).body.items.map((w: any) => [w.code, w]),
  ) as World['warehouses'];
  const bins = new Map<string, string>();
  return {
    admin,
    merchants,
    warehouses,
    async binOf(code, storageClass) {
      const key = `${code}|${storageClass}`;
      if (!bins.has(key)) {
        const w =
          warehouses[code] ??
          (await admin.get('/api/inventory/warehouses')).body.items.find((x: any) => x.code === code);
        warehouses[code] = w;
        const zone = w.zones.find((z: { storageClass: string }) => z.storageClass === storageClass);
        const page = await admin.get(`/api/inventory/bins?warehouseId=${w.id}&limit=500`);
        const bin = page.body.items.find((b: any) => b.zoneId === zone?.id && b.kind !== 'dispatch');
        expect(bin, key).toBeTruthy();
        bins.set(key, bin.id);
      }
      return bins.get(key)!;
    },
  };
}

export interface TestSku {
  id: string;
  code: string;
}

/** A new SKU of a merchant (chilled and frozen ones with a shelf life and lots). */
export async function newSku(
  w: World,
  merchant: 'FRESH' | 'HOME',
  storageClass: 'ambient' | 'chilled' | 'frozen' | 'fragile' = 'ambient',
  extra: Record<string, unknown> = {},
): Promise<TestSku> {
  const cold = storageClass === 'chilled' || storageClass === 'frozen';
  const code = `OT-${run}-${++seq}`;
  const res = await w.admin.post('/api/catalog/skus', {
    merchantId: w.merchants[merchant],
    code,
    nameZh: `测试商品 ${code}`,
    unit: 'each',
    weightG: 800,
    lengthMm: 200,
    widthMm: 150,
    heightMm: 100,
    storageClass,
    shelfLifeDays: cold ? 60 : null,
    minRemainingShelfLifeDays: cold ? 5 : null,
    ...extra,
  });
  expect(res.status, res.text).toBe(201);
  return { id: res.body.id, code };
}

/** Receive stock of a SKU into a bin of the right zone of a warehouse. */
export async function stock(
  w: World,
  sku: TestSku,
  warehouse: string,
  qty: number,
  storageClass = 'ambient',
) {
  const cold = storageClass === 'chilled' || storageClass === 'frozen';
  const expiry = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const res = await w.admin.post('/api/inventory/receipts', {
    skuId: sku.id,
    binId: await w.binOf(warehouse, storageClass),
    qty,
    ...(cold ? { lotCode: `L${++seq}`, expiryDate: expiry } : {}),
  });
  expect(res.status, res.text).toBe(201);
}

/** Free and reserved stock of a SKU in a warehouse, from the inventory module's API. */
export async function stockOf(w: World, sku: TestSku, warehouse: string) {
  const rows = (
    await w.admin.get(
      `/api/inventory/stock?skuId=${sku.id}&warehouseId=${w.warehouses[warehouse].id}&limit=500`,
    )
  ).body.items;
  return {
    onHand: rows.reduce((s: number, r: any) => s + r.onHand, 0),
    reserved: rows.reduce((s: number, r: any) => s + r.reserved, 0),
    available: rows.reduce((s: number, r: any) => s + r.available, 0),
  };
}

let ext = 0;
export const nextExternalNo = () => `EXT-${run}-${++ext}`;

/** A valid order body; override anything. */
export function orderBody(
  w: World,
  merchant: 'FRESH' | 'HOME',
  lines: Array<[TestSku, number]>,
  extra: Record<string, any> = {},
): Record<string, any> {
  const { consignee, ...rest } = extra;
  return {
    merchantId: w.merchants[merchant],
    channel: 'tmall',
    externalNo: nextExternalNo(),
    consignee: {
      name: '李娜',
      phone: `139${String(10_000_000 + ext * 7919).slice(-8)}`,
      address: '浙江省杭州市西湖区文三路90号东部软件园3号楼',
      ...consignee,
    },
    lines: lines.map(([sku, qty]) => ({ skuCode: sku.code, qty, unitPriceFen: 1990 })),
    payment: { status: 'paid' },
    serviceType: 'standard',
    ...rest,
  };
}

export async function waitForJob(agent: Agent, id: string) {
  for (let i = 0; i < 600; i++) {
    const job = await agent.get(`/api/jobs/${id}`);
    if (['succeeded', 'failed', 'cancelled'].includes(job.body.status)) return job.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}
