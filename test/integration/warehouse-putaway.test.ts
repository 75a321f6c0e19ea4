import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

/**
 * Putaway through HTTP in a warehouse built for the test (so every bin's capacity and distance is
 * known): storage class, capacity and splitting, slotting (same lot, ABC class A on pick faces,
 * slow movers in reserve), and scan confirmation with wrong scans refused and counted.
 */
let sys: TestSystem;
let admin: Agent;
let wh: { id: string; zones: Array<{ id: string; storageClass: string }> };
let frozenSku: any;
let ambientSku: any;
let fastSku: any;
let homeId: string;
let freshId: string;
type Bin = { id: string; code: string; barcode: string; kind: string; zoneId: string | null; xMm: number };
let bins: Bin[] = [];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const zoneOf = (cls: string) => wh.zones.find((z) => z.storageClass === cls)!.id;
const bin = (id: string) => bins.find((b) => b.id === id)!;
/** Frozen bins hold this many units of the frozen SKU by weight. */
const FROZEN_UNITS_PER_BIN = 10;

beforeAll(async () => {
  sys = await startTestSystem();
  admin = await sys.login('admin');
  const [fresh, home] = await Promise.all([sys.login('fresh'), sys.login('home')]);
  freshId = (await fresh.get('/api/auth/me')).body.merchant.id;
  homeId = (await home.get('/api/auth/me')).body.merchant.id;
  const skus = (await admin.get('/api/catalog/skus?limit=500&active=true')).body.items;
  frozenSku = skus.find((s: any) => s.storageClass === 'frozen' && s.merchantId === freshId && s.lotTracked);
  const ambient = skus.filter(
    (s: any) => s.storageClass === 'ambient' && s.merchantId === homeId && !s.lotTracked,
  );
  [ambientSku, fastSku] = ambient;
  const created = await admin.post('/api/inventory/warehouses', {
    code: 'WH-PUT',
    nameZh: '上架测试仓',
    nameEn: 'Putaway test DC',
    city: '上海',
    address: '测试路 1 号',
    zones: [
      {
        code: 'P-A',
        nameZh: '常温',
        nameEn: 'Ambient',
        storageClass: 'ambient',
        tempMinDc: 50,
        tempMaxDc: 300,
      },
      {
        code: 'P-F',
        nameZh: '冷冻',
        nameEn: 'Frozen',
        storageClass: 'frozen',
        tempMinDc: -250,
        tempMaxDc: -180,
      },
    ],
  });
  expect(created.status, created.text).toBe(201);
  wh = created.body;
  // Ambient bins right by the dispatch point; frozen bins 30 m away, each holding 10 frozen units.
  const ambientBins = await admin.post('/api/inventory/bins/bulk', {
    warehouseId: wh.id,
    zoneId: zoneOf('ambient'),
    aisles: ['A'],
    bays: 3,
    levels: 2,
    positions: 1,
    pickFaceLevels: 1,
    originXMm: 1000,
    originYMm: 1000,
  });
  expect(ambientBins.status, ambientBins.text).toBe(201);
  const frozenBins = await admin.post('/api/inventory/bins/bulk', {
    warehouseId: wh.id,
    zoneId: zoneOf('frozen'),
    aisles: ['F'],
    bays: 4,
    levels: 1,
    positions: 1,
    pickFaceLevels: 0,
    originXMm: 30_000,
    originYMm: 1000,
    maxWeightG: frozenSku.weightG * FROZEN_UNITS_PER_BIN,
  });
  expect(frozenBins.status, frozenBins.text).toBe(201);
  bins = [...ambientBins.body.items, ...frozenBins.body.items];
});
afterAll(async () => sys?.close());

/** An ad hoc receipt in WH-PUT, inspected (all accepted) and signed off: its tasks. */
async function signedOff(sku: any, qty: number, lot?: string) {
  const created = await admin.post('/api/warehouse/receipts', {
    warehouseId: wh.id,
    merchantId: sku.merchantId,
    arrived: true,
    deliveryNoteNo: 'SD-PUT',
    lines: [{ skuId: sku.id, expectedQty: qty }],
  });
  expect(created.status, created.text).toBe(201);
  const r = created.body;
  await admin.post(`/api/warehouse/receipts/${r.id}/documents`, { documents: [], complete: true });
  const inspected = await admin.post(`/api/warehouse/receipts/${r.id}/lines/${r.lines[0].id}/inspection`, {
    receivedQty: qty,
    acceptedQty: qty,
    ...(sku.lotTracked ? { lotCode: lot ?? 'P-LOT-1', productionDate: day(-3) } : {}),
    ...(sku.storageClass === 'frozen' ? { arrivalTempDc: -200 } : {}),
  });
  expect(inspected.status, inspected.text).toBe(200);
  const signed = await admin.post(`/api/warehouse/receipts/${r.id}/sign-off`);
  expect(signed.status, signed.text).toBe(200);
  return signed.body as { id: string; tasks: any[]; lines: any[]; status: string };
}

const confirm = (taskId: string, body: Record<string, unknown>) =>
  admin.post(`/api/warehouse/putaway-tasks/${taskId}/confirm`, body);

describe('putaway suggestions', () => {
  it('put frozen goods only into frozen bins, split by capacity, never overfilled', async () => {
    const receipt = await signedOff(frozenSku, 25);
    const tasks = receipt.tasks;
    expect(tasks.reduce((s, t) => s + t.qty, 0)).toBe(25);
    // The ambient bins are nearer the dispatch point, yet never suggested.
    for (const t of tasks) expect(bin(t.suggestedBinId).zoneId).toBe(zoneOf('frozen'));
    expect(tasks.map((t) => t.qty)).toEqual([10, 10, 5]);
    expect(new Set(tasks.map((t) => t.suggestedBinId)).size).toBe(3);
    // Nearest first: F-01, F-02, F-03.
    expect(tasks.map((t) => bin(t.suggestedBinId).code)).toEqual(['F-01-1-01', 'F-02-1-01', 'F-03-1-01']);

    // The next receipt of the same lot tops up the half-full bin first, then the empty one.
    const more = await signedOff(frozenSku, 12);
    expect(more.tasks.map((t) => [bin(t.suggestedBinId).code, t.qty, t.slotReason])).toEqual([
      ['F-03-1-01', 5, 'same_lot'],
      ['F-04-1-01', 7, 'nearest_reserve'],
    ]);
    // Beyond every bin's capacity: the rest waits without a suggestion.
    const overflow = await signedOff(frozenSku, 5);
    expect(overflow.tasks.map((t) => [t.suggestedBinId && bin(t.suggestedBinId).code, t.qty])).toEqual([
      ['F-04-1-01', 3],
      [null, 2],
    ]);

    // Capacity holds at confirmation too: a full bin refuses more, a frozen item never enters ambient.
    const first = tasks[0];
    const full = await confirm(overflow.tasks[1].id, {
      binBarcode: bin(first.suggestedBinId).barcode,
      skuBarcode: frozenSku.code,
    });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('warehouse.bin_capacity_exceeded');
    const ambient = await confirm(overflow.tasks[1].id, {
      binBarcode: bins.find((b) => b.zoneId === zoneOf('ambient'))!.barcode,
      skuBarcode: frozenSku.code,
    });
    expect(ambient.body.code).toBe('warehouse.bin_class_mismatch');

    for (const t of tasks) {
      const ok = await confirm(t.id, {
        binBarcode: bin(t.suggestedBinId).barcode,
        skuBarcode: frozenSku.barcodes[0],
      });
      expect(ok.status, ok.text).toBe(200);
    }
    const stock = (
      await admin.get(`/api/inventory/stock?warehouseId=${wh.id}&skuId=${frozenSku.id}&limit=50`)
    ).body.items;
    const inBins = stock.filter((r: any) => bin(r.binId)?.zoneId === zoneOf('frozen'));
    expect(inBins.map((r: any) => [r.binCode, r.onHand]).sort()).toEqual([
      ['F-01-1-01', 10],
      ['F-02-1-01', 10],
      ['F-03-1-01', 5],
    ]);
  });

  it('slot ABC class A on pick faces and the rest in reserve, both nearest to dispatch', async () => {
    // fastSku is picked here (outbound lines), ambientSku only stocked.
    const face = bins.find((b) => b.code === 'A-03-1-01')!;
    expect(
      (await admin.post('/api/inventory/receipts', { skuId: fastSku.id, binId: face.id, qty: 4 })).status,
    ).toBe(201);
    const order = 'PUT-VELOCITY-1';
    expect(
      (
        await admin.post('/api/inventory/reservations', {
          orderRef: order,
          lines: [{ skuId: fastSku.id, qty: 4, warehouseId: wh.id }],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.post('/api/inventory/picks', {
          orderRef: order,
          skuId: fastSku.id,
          binId: face.id,
          qty: 4,
        })
      ).status,
    ).toBe(201);

    // No ABC run yet: nothing is class A, so even the picked SKU goes to the nearest reserve bin.
    const before = await signedOff(fastSku, 6);
    expect(before.tasks).toHaveLength(1);
    expect(bin(before.tasks[0].suggestedBinId)).toMatchObject({ code: 'A-01-2-01', kind: 'reserve' });
    expect(before.tasks[0].slotReason).toBe('nearest_reserve');

    // The ABC run classifies it A: from now on its best place is the nearest pick face.
    const run = await admin.post('/api/warehouse/abc', { warehouseId: wh.id });
    expect(run.status, run.text).toBe(201);
    const classes = (await admin.get(`/api/warehouse/abc?warehouseId=${wh.id}&limit=100`)).body.items;
    expect(classes.find((c: any) => c.skuId === fastSku.id)?.class).toBe('A');
    const other = (await admin.get(`/api/warehouse/putaway-tasks/${before.tasks[0].id}/alternatives`)).body
      .items;
    expect(other[0]).toMatchObject({ binCode: 'A-01-1-01', reason: 'fast_mover_pick_face' });
    const slow = await signedOff(ambientSku, 6);
    expect(bin(slow.tasks[0].suggestedBinId)).toMatchObject({ kind: 'reserve' });
    expect(slow.tasks[0].slotReason).toBe('nearest_reserve');
  });
});

describe('putaway confirmation by scan', () => {
  it('refuses and counts wrong scans, records a deliberate other bin', async () => {
    const receipt = await signedOff(ambientSku, 8);
    const [task] = receipt.tasks;
    const suggested = bin(task.suggestedBinId);
    const unknown = await confirm(task.id, { binBarcode: 'NO-SUCH-BIN', skuBarcode: ambientSku.barcodes[0] });
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe('warehouse.wrong_bin_scan');
    expect(unknown.body.detail).toContain(suggested.code);
    const frozenBin = bins.find((b) => b.zoneId === zoneOf('frozen'))!;
    const wrongClass = await confirm(task.id, {
      binBarcode: frozenBin.barcode,
      skuBarcode: ambientSku.barcodes[0],
    });
    expect(wrongClass.body.code).toBe('warehouse.bin_class_mismatch');
    const wrongSku = await confirm(task.id, {
      binBarcode: suggested.barcode,
      skuBarcode: frozenSku.barcodes[0],
    });
    expect(wrongSku.body.code).toBe('warehouse.wrong_sku_scan');
    const counted = (await admin.get(`/api/warehouse/scan-errors?taskId=${task.id}`)).body;
    expect(counted.total).toBe(3);
    expect(counted.items.map((e: any) => e.kind).sort()).toEqual(['bin', 'bin', 'sku']);
    expect((await admin.get(`/api/warehouse/putaway-tasks/${task.id}`)).body.wrongScans).toBe(3);
    expect(
      (await admin.get(`/api/inventory/movements?sourceId=${receipt.id}&type=putaway`)).body.items,
    ).toHaveLength(0);

    // Another valid bin: asked first (not a wrong scan), then recorded as a deviation.
    const other = bins.find(
      (b) => b.zoneId === zoneOf('ambient') && b.id !== suggested.id && b.code.endsWith('-2-01'),
    )!;
    const asked = await confirm(task.id, { binBarcode: other.barcode, skuBarcode: ambientSku.code, qty: 3 });
    expect(asked.status).toBe(409);
    expect(asked.body.code).toBe('warehouse.putaway_bin_differs');
    const alternatives = (await admin.get(`/api/warehouse/putaway-tasks/${task.id}/alternatives`)).body.items;
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.map((a: any) => a.binId)).not.toContain(suggested.id);
    expect(alternatives.every((a: any) => bin(a.binId).zoneId === zoneOf('ambient') && a.room >= 1)).toBe(
      true,
    );
    const moved = await confirm(task.id, {
      binBarcode: other.barcode,
      skuBarcode: ambientSku.code,
      qty: 3,
      acceptDifferentBin: true,
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({
      deviated: true,
      binId: other.id,
      task: { status: 'open', remainingQty: 5 },
    });
    const rest = await confirm(task.id, {
      binBarcode: suggested.barcode,
      skuBarcode: ambientSku.barcodes[0],
    });
    expect(rest.body).toMatchObject({ deviated: false, task: { status: 'done', doneQty: 8 } });
    expect(rest.body.task.confirmations.map((c: any) => [c.binCode, c.qty, c.deviated])).toEqual([
      [other.code, 3, true],
      [suggested.code, 5, false],
    ]);
    expect((await admin.get(`/api/warehouse/scan-errors?taskId=${task.id}`)).body.total).toBe(3);
    const done = (await admin.get(`/api/warehouse/receipts/${receipt.id}`)).body;
    expect(done.status).toBe('completed');
    const again = await confirm(task.id, { binBarcode: suggested.barcode, skuBarcode: ambientSku.code });
    expect(again.body.code).toBe('warehouse.task_not_open');
    expect((await admin.get(`/api/inventory/audit?warehouseId=${wh.id}`)).body.ok).toBe(true);
  });

  it('puts a task away once when two scanners confirm it at the same time', async () => {
    const receipt = await signedOff(ambientSku, 5);
    const [task] = receipt.tasks;
    const body = { binBarcode: bin(task.suggestedBinId).barcode, skuBarcode: ambientSku.code };
    const results = await Promise.all([
      confirm(task.id, body),
      confirm(task.id, body),
      confirm(task.id, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const moved = (await admin.get(`/api/inventory/movements?sourceId=${receipt.id}&type=putaway`)).body
      .items;
    expect(moved.map((m: any) => m.qty)).toEqual([5]);
    expect((await admin.get(`/api/warehouse/receipts/${receipt.id}`)).body.status).toBe('completed');
  });

  it('keeps other warehouses’ clerks away from the tasks', async () => {
    const receipt = await signedOff(ambientSku, 2);
    const clerk = await sys.login('clerk');
    const [task] = receipt.tasks;
    expect((await clerk.get(`/api/warehouse/putaway-tasks/${task.id}`)).status).toBe(404);
    const res = await clerk.post(`/api/warehouse/putaway-tasks/${task.id}/confirm`, {
      binBarcode: bin(task.suggestedBinId).barcode,
      skuBarcode: ambientSku.code,
    });
    expect(res.status).toBe(404);
    expect((await clerk.get(`/api/warehouse/putaway-tasks?warehouseId=${wh.id}`)).body.items).toHaveLength(0);
    expect((await admin.get(`/api/warehouse/scan-errors?taskId=${task.id}`)).body.total).toBe(0);
  });
});

describe('fuzzing the warehouse routes', () => {
  it('never answers 5xx and always problem+json on error', async () => {
    const routes = sys.app.routeCatalogue.filter((r) => r.url.startsWith('/api/warehouse'));
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record(
        {
          receivedQty: fc.oneof(fc.integer(), fc.double(), fc.string()),
          acceptedQty: fc.integer({ min: -5, max: 50 }),
          rejections: fc.array(fc.record({ qty: fc.integer(), reason: fc.string(), note: fc.string() }), {
            maxLength: 3,
          }),
          arrivalTempDc: fc.integer({ min: -2000, max: 2000 }),
          binBarcode: fc.string(),
          skuBarcode: fc.string(),
          lines: fc.array(fc.record({ skuId: fc.uuid(), qty: fc.integer(), expectedQty: fc.integer() }), {
            maxLength: 3,
          }),
          warehouseId: fc.constantFrom(wh.id, 'x'),
        },
        { requiredKeys: [] },
      ),
    );
    // Real documents in every state, so the fuzzing reaches past "not found" into the domain rules.
    const receipt = await signedOff(ambientSku, 3);
    const tasks = (await admin.get('/api/warehouse/putaway-tasks?status=open&limit=5')).body.items;
    const asns = (await admin.get('/api/warehouse/asns?limit=5')).body.items;
    const ids = [
      receipt.id,
      receipt.lines[0].id,
      receipt.tasks[0].id,
      ...tasks.map((t: any) => t.id),
      ...asns.map((x: any) => x.id),
    ];
    const segment = fc.oneof(fc.constantFrom(...ids), fc.uuid(), fc.string({ maxLength: 20 }));
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(body, segment, segment, async (payload, id, lineId) => {
          const url = route.url
            .replace(':lineId', encodeURIComponent(lineId))
            .replace(/:(\w+)/g, () => encodeURIComponent(id));
          const withBody = route.method !== 'GET';
          const res = await admin.request(route.method, url, withBody ? (payload ?? {}) : undefined);
          if (res.status >= 500)
            throw new Error(`${route.method} ${url} ${JSON.stringify(payload)} → ${res.text}`);
          if (res.status >= 400)
            expect(String(res.headers['content-type'])).toContain('application/problem+json');
        }),
        { numRuns: 15, seed: 20261125 },
      );
    }
  }, 120_000);
});
