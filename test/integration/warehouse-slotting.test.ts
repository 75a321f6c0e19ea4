import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newBins,
  newSku,
  onHand,
  pickOut,
  receive,
  type StockOpsWorld,
  startWorld,
  type TestBin,
  type TestSku,
} from './warehouse-stockops.support';

/**
 * ABC classes and re-slotting through HTTP in a warehouse built for the test (dispatch point at the
 * origin, an ambient aisle at x = 2 m with six bays and a chilled aisle at x = 10 m): classes from
 * the pick movements, suggestions that bring A items next to dispatch and C items out of prime
 * slots with the travel saved, class and capacity respected, moves done by scanning; the bin map.
 */
let w: StockOpsWorld;
let whId: string;
let zones: Record<string, string>;
let fast: TestSku;
let mid: TestSku;
let slow: TestSku;
let coldFast: TestSku;
let a: TestBin[];
let k: TestBin[];
const code = (b: TestBin) => b.code;

beforeAll(async () => {
  w = await startWorld();
  const created = await w.admin.post('/api/inventory/warehouses', {
    code: 'WH-SLOT',
    nameZh: '货位测试仓',
    nameEn: 'Slotting test DC',
    city: '上海',
    address: '测试路 2 号',
    zones: [
      {
        code: 'S-A',
        nameZh: '常温',
        nameEn: 'Ambient',
        storageClass: 'ambient',
        tempMinDc: 50,
        tempMaxDc: 300,
      },
      {
        code: 'S-K',
        nameZh: '冷藏',
        nameEn: 'Chilled',
        storageClass: 'chilled',
        tempMinDc: 0,
        tempMaxDc: 40,
      },
    ],
  });
  expect(created.status, created.text).toBe(201);
  whId = created.body.id;
  zones = Object.fromEntries(created.body.zones.map((z: any) => [z.storageClass, z.id]));
  const bins = (cls: string, aisle: string, originXMm: number) =>
    newBins(w, cls, aisle, 6, { originXMm, warehouseId: whId, zoneId: zones[cls], maxWeightG: 20_000 });
  a = await bins('ambient', 'A', 2000);
  k = await bins('chilled', 'K', 10_000);
  [fast, mid, slow, coldFast] = [
    await newSku(w),
    await newSku(w),
    await newSku(w),
    await newSku(w, 'chilled'),
  ];
  // The C item sits in the nearest pick face, the A item in the farthest.
  await receive(w, slow, a[0], 10);
  await receive(w, mid, a[2], 10);
  await receive(w, fast, a[5], 30);
  await receive(w, coldFast, k[3], 30, {
    code: 'CF-1',
    expiryDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
  });
  // Picks: cold 20 lines, fast 16, mid 3, slow 1 (40 in all).
  let n = 0;
  for (const [sku, lines] of [
    [coldFast, 20],
    [fast, 16],
    [mid, 3],
    [slow, 1],
  ] as const)
    for (let i = 0; i < lines; i++) await pickOut(w, sku, 1, `SLOT-${++n}`, whId);
});
afterAll(async () => w?.sys.close());

describe('ABC classification', () => {
  it('classifies by pick lines over the period and stores the run with its date', async () => {
    expect((await w.clerk.post('/api/warehouse/abc', { warehouseId: whId })).status).toBe(403);
    const run = await w.admin.post('/api/warehouse/abc', { warehouseId: whId, days: 90 });
    expect(run.status, run.text).toBe(201);
    expect(run.body).toMatchObject({ skus: 4, totalPickLines: 40, totalUnits: 40, aPct: 80, bPct: 15 });
    expect(Date.parse(run.body.computedAt)).toBeGreaterThan(Date.now() - 60_000);
    const list = await w.admin.get(`/api/warehouse/abc?warehouseId=${whId}`);
    expect(list.body.counts).toEqual({ A: 2, B: 1, C: 1 });
    expect(list.body.items.map((i: any) => [i.skuId, i.class, i.pickLines])).toEqual([
      [coldFast.id, 'A', 20],
      [fast.id, 'A', 16],
      [mid.id, 'B', 3],
      [slow.id, 'C', 1],
    ]);
    expect(list.body.items[1]).toMatchObject({ sharePct: 40, cumSharePct: 90, picksPerMonth: 5 });
    // Only A.
    const onlyA = await w.admin.get(`/api/warehouse/abc?warehouseId=${whId}&class=A&limit=1`);
    expect(onlyA.body.items).toHaveLength(1);
    expect(onlyA.body.nextCursor).not.toBeNull();
    // Another warehouse's manager does not see it.
    expect((await w.manager.get(`/api/warehouse/abc?warehouseId=${whId}`)).status).toBe(404);
    expect((await w.admin.post('/api/warehouse/abc', { warehouseId: whId, days: 1 })).status).toBe(400);
  });
});

describe('re-slot suggestions', () => {
  it('moves C out of prime slots and A next to dispatch, within its storage class, with the travel saved', async () => {
    const res = await w.admin.get(`/api/warehouse/reslot-suggestions?warehouseId=${whId}`);
    expect(res.status, res.text).toBe(200);
    const s = res.body.items;
    const of = (sku: TestSku) => s.find((x: any) => x.skuId === sku.id);
    // C out of the nearest (prime) slot to the nearest free non-prime pick face (A-02 is prime, A-03 taken).
    expect(of(slow)).toMatchObject({
      reason: 'c_out_of_prime',
      fromBinCode: code(a[0]),
      toBinCode: code(a[3]),
      qty: 9,
    });
    expect(of(slow).savedMmPerMonth).toBeLessThanOrEqual(0);
    // The ambient A item takes the freed nearest slot; the walk is the aisle layout's round trip.
    expect(of(fast)).toMatchObject({
      reason: 'a_to_prime',
      fromBinCode: code(a[5]),
      toBinCode: code(a[0]),
      qty: 14,
      fromTripMm: 23_000,
      toTripMm: 10_000,
      picksPerMonth: 5,
      savedMmPerMonth: 5 * 13_000,
      afterFreeingBin: a[0].id,
    });
    // The chilled A item stays in chilled bins even though ambient ones are nearer.
    expect(of(coldFast)).toMatchObject({
      reason: 'a_to_prime',
      fromBinCode: code(k[3]),
      toBinCode: code(k[0]),
    });
    expect(of(coldFast).toTripMm).toBeLessThan(of(coldFast).fromTripMm);
    // The B item is left alone.
    expect(of(mid)).toBeUndefined();
    expect(res.body.savedMPerMonth).toBe(
      Math.round(s.reduce((t: number, x: any) => t + x.savedMmPerMonth, 0) / 1000),
    );
  });

  it('accepts a suggestion as move tasks and does them by scanning, class and capacity checked', async () => {
    const accept = (sku: TestSku, from: TestBin, to: TestBin, reason = 'a_to_prime') =>
      w.admin.post('/api/warehouse/reslot-suggestions/accept', {
        warehouseId: whId,
        skuId: sku.id,
        fromBinId: from.id,
        toBinId: to.id,
        reason,
      });
    // Wrong class, or too heavy for the bin: refused.
    expect((await accept(fast, a[5], k[1])).body.code).toBe('warehouse.bin_class_mismatch');
    await receive(w, mid, a[4], 39);
    const full = await accept(fast, a[5], a[4]);
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('warehouse.bin_capacity_exceeded');

    const out = await accept(slow, a[0], a[3], 'c_out_of_prime');
    expect(out.status, out.text).toBe(201);
    const inTo = await accept(fast, a[5], a[0]);
    expect(inTo.status, inTo.text).toBe(201);
    // Stock on an open move cannot be promised twice.
    expect((await accept(fast, a[5], a[1])).body.code).toBe('warehouse.reslot_nothing_to_move');

    const tasks = (await w.clerk.get(`/api/warehouse/move-tasks?warehouseId=${whId}`)).body.items;
    expect(tasks).toEqual([]); // the clerk works in WH-SH only
    const open = (await w.admin.get(`/api/warehouse/move-tasks?warehouseId=${whId}`)).body.items;
    expect(open.map((t: any) => [t.skuId, t.fromBinCode, t.toBinCode, t.qty])).toEqual([
      [slow.id, code(a[0]), code(a[3]), 9],
      [fast.id, code(a[5]), code(a[0]), 14],
    ]);
    const [moveOut, moveIn] = open;
    const confirm = (t: any, body: Record<string, unknown>) =>
      w.admin.post(`/api/warehouse/move-tasks/${t.id}/confirm`, body);
    const wrong = await confirm(moveOut, {
      fromBinBarcode: a[0].barcode,
      skuBarcode: fast.code,
      toBinBarcode: a[3].barcode,
    });
    expect(wrong.body.code).toBe('warehouse.wrong_sku_scan');
    const wrongBin = await confirm(moveOut, {
      fromBinBarcode: a[0].barcode,
      skuBarcode: slow.code,
      toBinBarcode: a[2].barcode,
    });
    expect(wrongBin.body.code).toBe('warehouse.move_wrong_bin');
    const done = await confirm(moveOut, {
      fromBinBarcode: a[0].barcode,
      skuBarcode: slow.code,
      toBinBarcode: a[3].barcode,
    });
    expect(done.status, done.text).toBe(200);
    expect(done.body.task).toMatchObject({ status: 'done', doneQty: 9 });
    const part = await confirm(moveIn, {
      fromBinBarcode: a[5].barcode,
      skuBarcode: fast.code,
      toBinBarcode: a[0].barcode,
      qty: 4,
    });
    expect(part.body.task).toMatchObject({ status: 'open', doneQty: 4 });
    const rest = await confirm(moveIn, {
      fromBinBarcode: a[5].barcode,
      skuBarcode: fast.code,
      toBinBarcode: a[0].barcode,
    });
    expect(rest.body.task).toMatchObject({ status: 'done', doneQty: 14 });
    expect(await onHand(w, fast, a[0])).toBe(14);
    expect(await onHand(w, slow, a[3])).toBe(9);
    const moves = await w.admin.get(`/api/inventory/movements?sourceId=${moveIn.id}&type=move`);
    expect(moves.body.items.map((m: any) => m.qty).sort((x: number, y: number) => x - y)).toEqual([4, 10]);
    expect(
      (
        await confirm(moveIn, {
          fromBinBarcode: a[5].barcode,
          skuBarcode: fast.code,
          toBinBarcode: a[0].barcode,
        })
      ).status,
    ).toBe(409);

    // Now the fast item is next to dispatch: no more suggestion for it.
    const again = await w.admin.get(`/api/warehouse/reslot-suggestions?warehouseId=${whId}`);
    expect(again.body.items.find((x: any) => x.skuId === fast.id)).toBeUndefined();
  });

  it('draws the bin map with fill from weight and volume', async () => {
    const map = await w.admin.get(`/api/warehouse/bin-map?warehouseId=${whId}&zoneId=${zones.ambient}`);
    expect(map.status, map.text).toBe(200);
    expect(map.body.zones.map((z: any) => z.id)).toEqual([zones.ambient]);
    const byCode = Object.fromEntries(map.body.bins.map((b: any) => [b.code, b]));
    // 14 × 500 g in a 20 kg bin; volume 14 × 1 dm³ has no limit here.
    expect(byCode[code(a[0])]).toMatchObject({
      weightG: 7000,
      fillPct: 35,
      skuCount: 1,
      units: 14,
      abcClass: 'A',
    });
    expect(byCode[code(a[5])]).toMatchObject({ units: 0, fillPct: 0 });
    expect(map.body.bins.every((b: any) => b.zoneId === zones.ambient)).toBe(true);
    expect((await w.manager.get(`/api/warehouse/bin-map?warehouseId=${whId}`)).status).toBe(404);
    expect((await w.admin.get('/api/warehouse/bin-map?warehouseId=nope')).status).toBe(400);
  });
});

describe('ABC by shipped units', () => {
  it('ranks by units picked when asked, stores the basis, and lines stay the default', async () => {
    // One bulk pick: the slow item now has 2 pick lines but 9 units (cold 20/20, fast 16/16, mid 3/3).
    await pickOut(w, slow, 8, 'SLOT-BULK', whId);
    const byLines = await w.admin.post('/api/warehouse/abc', { warehouseId: whId });
    expect(byLines.status, byLines.text).toBe(201);
    expect(byLines.body).toMatchObject({ basis: 'lines', totalPickLines: 41, totalUnits: 48 });
    const classes = async () =>
      (await w.admin.get(`/api/warehouse/abc?warehouseId=${whId}`)).body.items.map((i: any) => [
        i.skuId,
        i.class,
      ]);
    // By lines the slow item is last: 39 of 41 lines above it — C.
    expect(await classes()).toEqual([
      [coldFast.id, 'A'],
      [fast.id, 'A'],
      [mid.id, 'B'],
      [slow.id, 'C'],
    ]);

    const byUnits = await w.admin.post('/api/warehouse/abc', { warehouseId: whId, basis: 'units' });
    expect(byUnits.status, byUnits.text).toBe(201);
    expect(byUnits.body).toMatchObject({ basis: 'units', totalPickLines: 41, totalUnits: 48 });
    const list = await w.admin.get(`/api/warehouse/abc?warehouseId=${whId}`);
    expect(list.body.run).toMatchObject({ id: byUnits.body.id, basis: 'units' });
    // By units: 36 of 48 units (75 %) above it — A; the mid item drops behind it.
    expect(await classes()).toEqual([
      [coldFast.id, 'A'],
      [fast.id, 'A'],
      [slow.id, 'A'],
      [mid.id, 'B'],
    ]);
    // Shares are of units: 9 of 48, and 45 of 48 up to it.
    expect(list.body.items[2]).toMatchObject({ sharePct: 18.75, cumSharePct: 93.75 });
    expect((await w.admin.post('/api/warehouse/abc', { warehouseId: whId, basis: 'value' })).status).toBe(
      400,
    );
  });
});
