import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  day,
  newBins,
  newSku,
  onHand,
  receive,
  type StockOpsWorld,
  startWorld,
  type TestBin,
  type TestSku,
} from './warehouse-stockops.support';

/**
 * Kitting / late customisation (延迟策略) through HTTP: a kit turns a generic chilled item plus a label
 * and two gift sleeves into a festive variant. Work orders reserve every input (refused when short),
 * consume them FEFO (`kit_consume`) and produce the variant (`kit_produce`) in parts; cancel and
 * close short release what is left; bad input and scope.
 */
let w: StockOpsWorld;
let generic: TestSku;
let label: TestSku;
let sleeve: TestSku;
let variant: TestSku;
let cold: TestBin[];
let amb: TestBin[];
let kitId: string;
const EARLY = day(20);
const LATE = day(50);

beforeAll(async () => {
  w = await startWorld();
  generic = await newSku(w, 'chilled');
  variant = await newSku(w, 'chilled');
  [label, sleeve] = [await newSku(w, 'ambient', { weightG: 5 }), await newSku(w, 'ambient', { weightG: 20 })];
  cold = await newBins(w, 'chilled', 'W', 3, { originXMm: 140_000 });
  amb = await newBins(w, 'ambient', 'V', 2, { originXMm: 150_000 });
  await receive(w, generic, cold[0], 10, { code: 'G-LATE', expiryDate: LATE });
  await receive(w, generic, cold[1], 6, { code: 'G-EARLY', expiryDate: EARLY });
  await receive(w, label, amb[0], 100);
  await receive(w, sleeve, amb[1], 40);
});
afterAll(async () => w?.sys.close());

const reserved = async (sku: TestSku, bin: TestBin) =>
  (await w.admin.get(`/api/inventory/stock?skuId=${sku.id}&binId=${bin.id}`)).body.items.reduce(
    (s: number, r: any) => s + r.reserved,
    0,
  );

describe('kit definitions', () => {
  it('defines a kit, refusing a bad bill of materials', async () => {
    const body = {
      merchantId: w.merchantId,
      code: 'CNY-JUICE',
      name: '春节礼盒装果汁',
      variantSkuId: variant.id,
      components: [
        { skuId: label.id, qty: 1, role: 'component' },
        { skuId: generic.id, qty: 1, role: 'generic' },
        { skuId: sleeve.id, qty: 2, role: 'component' },
      ],
    };
    expect((await w.clerk.post('/api/warehouse/kits', body)).status).toBe(403);
    const created = await w.manager.post('/api/warehouse/kits', body);
    expect(created.status, created.text).toBe(201);
    kitId = created.body.id;
    expect(created.body.components.map((c: any) => [c.lineNo, c.skuId, c.role, c.qty])).toEqual([
      [1, generic.id, 'generic', 1],
      [2, label.id, 'component', 1],
      [3, sleeve.id, 'component', 2],
    ]);
    expect((await w.manager.post('/api/warehouse/kits', body)).body.code).toBe('warehouse.kit_code_taken');
    const bad = await w.manager.post('/api/warehouse/kits', {
      ...body,
      code: 'BAD-1',
      components: [
        { skuId: generic.id, qty: 1, role: 'generic' },
        { skuId: variant.id, qty: 1, role: 'generic' },
        { skuId: generic.id, qty: 1, role: 'component' },
        { skuId: '00000000-0000-7000-8000-000000000000', qty: 1, role: 'component' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => [i.field, i.code])).toEqual([
      ['body.components.1.skuId', 'warehouse.kit_variant_is_input'],
      ['body.components.2.skuId', 'warehouse.kit_duplicate_sku'],
      ['body.components.3.skuId', 'warehouse.sku_not_found'],
      ['body.components', 'warehouse.kit_one_generic'],
    ]);
    expect((await w.manager.post('/api/warehouse/kits', { ...body, code: 'x', components: [] })).status).toBe(
      400,
    );
  });
});

describe('work orders', () => {
  it('refuses an order whose inputs are short, reserving nothing', async () => {
    // 20 kits need 20 of the generic item; there are 16.
    const res = await w.manager.post('/api/warehouse/kit-orders', { kitId, warehouseId: w.whId, qty: 20 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('warehouse.kit_components_short');
    expect(res.body.detail).toContain(generic.code);
    expect(res.body.detail).toContain('16');
    expect(await reserved(sleeve, amb[1])).toBe(0);
    expect(await reserved(generic, cold[1])).toBe(0);
    expect(await reserved(label, amb[0])).toBe(0);
  });

  it('reserves the inputs, consumes them FEFO and produces the variant in parts', async () => {
    const created = await w.manager.post('/api/warehouse/kit-orders', {
      kitId,
      warehouseId: w.whId,
      qty: 7,
      outputBinId: cold[2].id,
    });
    expect(created.status, created.text).toBe(201);
    const order = created.body;
    expect(order).toMatchObject({ status: 'planned', plannedQty: 7, doneQty: 0 });
    expect(order.number).toMatch(/^KO\d{14}$/);
    expect(order.lines.map((l: any) => [l.skuId, l.requiredQty])).toEqual([
      [generic.id, 7],
      [label.id, 7],
      [sleeve.id, 14],
    ]);
    // FEFO: all 6 of the early lot, 1 of the late one.
    expect([await reserved(generic, cold[1]), await reserved(generic, cold[0])]).toEqual([6, 1]);
    expect(await reserved(sleeve, amb[1])).toBe(14);

    const started = await w.clerk.post(`/api/warehouse/kit-orders/${order.id}/start`, {});
    expect(started.body.status).toBe('in_progress');
    // The variant is chilled: an ambient bin is refused.
    const wrongBin = await w.clerk.post(`/api/warehouse/kit-orders/${order.id}/complete`, {
      qty: 3,
      outputBinId: amb[0].id,
    });
    expect(wrongBin.body.code).toBe('warehouse.bin_class_mismatch');
    const part = await w.clerk.post(`/api/warehouse/kit-orders/${order.id}/complete`, { qty: 3 });
    expect(part.status, part.text).toBe(200);
    expect(part.body).toMatchObject({ status: 'in_progress', doneQty: 3 });
    expect(part.body.lines.map((l: any) => l.consumedQty)).toEqual([3, 3, 6]);
    expect(part.body.completions[0].consumed.find((c: any) => c.skuId === generic.id)).toMatchObject({
      binId: cold[1].id,
      lotCode: 'G-EARLY',
      qty: 3,
    });
    expect(await onHand(w, generic, cold[1])).toBe(3);
    expect(await onHand(w, label, amb[0])).toBe(97);
    expect(await onHand(w, sleeve, amb[1])).toBe(34);
    expect(await onHand(w, variant, cold[2])).toBe(3);
    // The kit expires with its first-expiring input.
    const made = await w.admin.get(`/api/inventory/stock?skuId=${variant.id}&binId=${cold[2].id}`);
    expect(made.body.items[0]).toMatchObject({
      lotCode: `${order.number}-1`,
      expiryDate: EARLY,
      available: 3,
    });

    const rest = await w.clerk.post(`/api/warehouse/kit-orders/${order.id}/complete`, {});
    expect(rest.body).toMatchObject({ status: 'completed', doneQty: 7 });
    expect(rest.body.completions[1].consumed.filter((c: any) => c.skuId === generic.id)).toEqual([
      expect.objectContaining({ lotCode: 'G-EARLY', qty: 3 }),
      expect.objectContaining({ lotCode: 'G-LATE', qty: 1 }),
    ]);
    expect(await onHand(w, generic, cold[0])).toBe(9);
    expect(await onHand(w, variant, cold[2])).toBe(7);
    expect([await reserved(generic, cold[0]), await reserved(generic, cold[1])]).toEqual([0, 0]);
    const produced = await w.admin.get(`/api/inventory/movements?sourceId=${order.id}&type=kit_produce`);
    expect(produced.body.items.map((m: any) => m.qty).sort((x: number, y: number) => x - y)).toEqual([3, 4]);
    const consumed = await w.admin.get(`/api/inventory/movements?sourceId=${order.id}&type=kit_consume`);
    expect(consumed.body.items.reduce((s: number, m: any) => s + m.qty, 0)).toBe(7 + 7 + 14);
    expect((await w.clerk.post(`/api/warehouse/kit-orders/${order.id}/complete`, { qty: 1 })).status).toBe(
      409,
    );
    expect((await w.admin.get(`/api/inventory/audit?warehouseId=${w.whId}`)).body.ok).toBe(true);
  });

  it('cancels (nothing made) or closes short (some made), releasing what is left', async () => {
    const one = (
      await w.manager.post('/api/warehouse/kit-orders', {
        kitId,
        warehouseId: w.whId,
        qty: 2,
        outputBinId: cold[2].id,
      })
    ).body;
    expect(await reserved(sleeve, amb[1])).toBe(4);
    const cancelled = await w.manager.post(`/api/warehouse/kit-orders/${one.id}/cancel`, {
      reason: 'promotion dropped',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'promotion dropped' });
    expect(await reserved(sleeve, amb[1])).toBe(0);
    expect((await w.clerk.post(`/api/warehouse/kit-orders/${one.id}/start`, {})).status).toBe(409);

    const two = (
      await w.manager.post('/api/warehouse/kit-orders', {
        kitId,
        warehouseId: w.whId,
        qty: 3,
        outputBinId: cold[2].id,
      })
    ).body;
    expect((await w.clerk.post(`/api/warehouse/kit-orders/${two.id}/complete`, { qty: 1 })).body.status).toBe(
      'in_progress',
    );
    expect(
      (await w.manager.post(`/api/warehouse/kit-orders/${two.id}/cancel`, { reason: 'x' })).body.code,
    ).toBe('warehouse.kit_order_has_output');
    expect((await w.clerk.post(`/api/warehouse/kit-orders/${two.id}/close`, { reason: 'x' })).status).toBe(
      403,
    );
    const closed = await w.manager.post(`/api/warehouse/kit-orders/${two.id}/close`, {
      reason: 'enough for the shop',
    });
    expect(closed.body).toMatchObject({ status: 'completed', doneQty: 1, plannedQty: 3 });
    expect(await reserved(sleeve, amb[1])).toBe(0);
    expect(await reserved(generic, cold[0])).toBe(0);
    expect(closed.body.history.map((h: any) => h.to)).toEqual(['planned', 'in_progress', 'completed']);
  });

  it('refuses bad input and other warehouses', async () => {
    expect(
      (await w.manager.post('/api/warehouse/kit-orders', { kitId, warehouseId: w.whId, qty: 0 })).status,
    ).toBe(400);
    expect(
      (await w.manager.post('/api/warehouse/kit-orders', { kitId, warehouseId: w.bjId, qty: 1 })).status,
    ).toBe(404);
    const none = await w.manager.post('/api/warehouse/kit-orders', { kitId, warehouseId: w.whId, qty: 1 });
    expect(none.status, none.text).toBe(201);
    const noBin = await w.clerk.post(`/api/warehouse/kit-orders/${none.body.id}/complete`, {});
    expect(noBin.status).toBe(400);
    expect(noBin.body.issues[0].field).toBe('body.outputBinId');
    expect(
      (
        await w.clerk.post(`/api/warehouse/kit-orders/${none.body.id}/complete`, {
          qty: 2,
          outputBinId: cold[2].id,
        })
      ).body.code,
    ).toBe('warehouse.kit_qty_exceeds');
    expect((await w.clerkBj.get(`/api/warehouse/kit-orders/${none.body.id}`)).status).toBe(404);
    expect((await w.clerkBj.get(`/api/warehouse/kit-orders?warehouseId=${w.whId}`)).body.items).toEqual([]);
    await w.manager.post(`/api/warehouse/kit-orders/${none.body.id}/cancel`, { reason: 'test' });
  });
});
