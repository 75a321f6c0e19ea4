import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

let sys: TestSystem;
let admin: Agent;
let sh: { id: string; zones: Array<{ id: string; storageClass: string }> };
let bj: { id: string };
const binsOf: Record<string, Array<{ id: string; code: string; kind: string; zoneId: string | null }>> = {};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const binIn = (cls: string, n = 0) => {
  const zone = sh.zones.find((z) => z.storageClass === cls)!;
  return binsOf.sh.filter((b) => b.zoneId === zone.id)[n];
};

beforeAll(async () => {
  sys = await startTestSystem();
  admin = await sys.login('admin');
  const warehouses = (await admin.get('/api/inventory/warehouses')).body.items;
  sh = warehouses.find((w: { code: string }) => w.code === 'WH-SH');
  bj = warehouses.find((w: { code: string }) => w.code === 'WH-BJ');
  binsOf.sh = (await admin.get(`/api/inventory/bins?warehouseId=${sh.id}&limit=500`)).body.items;
});
afterAll(async () => sys?.close());

async function skuWhere(query: string, pick: (s: any) => boolean) {
  const items = (await admin.get(`/api/catalog/skus?${query}&limit=500`)).body.items;
  const sku = items.find(pick);
  expect(sku, query).toBeTruthy();
  return sku;
}

/** A SKU matching `pick` with no (demo) stock in Shanghai yet, so a test controls all of it there. */
async function unstockedSku(query: string, pick: (s: any) => boolean) {
  const items = (await admin.get(`/api/catalog/skus?${query}&limit=500`)).body.items.filter(pick);
  for (const sku of items) {
    const stock = await admin.get(`/api/inventory/stock?skuId=${sku.id}&warehouseId=${sh.id}&limit=1`);
    if (!stock.body.items.length) return sku;
  }
  throw new Error(`no SKU without stock in WH-SH for ${query}`);
}

describe('bins', () => {
  it('are seeded as a grid per zone with one dispatch point per warehouse', async () => {
    expect(binsOf.sh.length).toBeGreaterThan(100);
    expect(binsOf.sh.filter((b) => b.kind === 'dispatch')).toHaveLength(1);
    for (const b of binsOf.sh.filter((b) => b.kind !== 'dispatch'))
      expect(b.code).toMatch(/^[A-Z]-\d{2}-\d-\d{2}$/);
    const all = await admin.get('/api/inventory/bins?limit=250');
    expect(all.body.nextCursor).toBeTruthy();
    const next = await admin.get(`/api/inventory/bins?limit=250&cursor=${all.body.nextCursor}`);
    expect(all.body.items.length + next.body.items.length).toBeGreaterThan(300);
  });

  it('are created one by one or from a pattern, codes unique per warehouse', async () => {
    const zoneId = sh.zones.find((z) => z.storageClass === 'ambient')!.id;
    const bulk = await admin.post('/api/inventory/bins/bulk', {
      warehouseId: sh.id,
      zoneId,
      aisles: ['X', 'Y'],
      bays: 3,
      levels: 2,
      positions: 2,
    });
    expect(bulk.status, bulk.text).toBe(201);
    expect(bulk.body.created).toBe(24);
    expect(bulk.body.items.map((b: { code: string }) => b.code)).toContain('Y-03-2-02');
    const again = await admin.post('/api/inventory/bins', {
      warehouseId: sh.id,
      zoneId,
      code: 'X-01-1-01',
      kind: 'pick_face',
      xMm: 0,
      yMm: 0,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('inventory.bin_code_taken');
    const otherZone = await admin.post('/api/inventory/bins', {
      warehouseId: bj.id,
      zoneId,
      code: 'X-01-1-01',
      kind: 'pick_face',
      xMm: 0,
      yMm: 0,
    });
    expect(otherZone.status).toBe(404);
  });
});

describe('demo stock', () => {
  it('is received through the ledger into bins its storage class allows, fresh goods in dated lots', async () => {
    const skus: any[] = (await admin.get('/api/catalog/skus?limit=500')).body.items;
    const classOf = new Map(skus.map((s) => [s.id, s.storageClass]));
    const warehouses = (await admin.get('/api/inventory/warehouses')).body.items;
    const zoneClass = new Map<string, string>(
      warehouses.flatMap((w: any) => w.zones.map((z: any) => [z.id, z.storageClass])),
    );
    const rows: any[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: any = await admin.get(`/api/inventory/stock?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
      rows.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(rows.length).toBeGreaterThan(300);
    // The dispatch point doubles as the receiving dock (any class may wait there); storage bins obey the class.
    const stored = rows.filter((r) => r.binCode !== 'DISPATCH');
    expect(stored.length).toBeGreaterThan(300);
    for (const r of stored) {
      expect(r.zoneId).not.toBeNull();
      expect(zoneClass.get(r.zoneId)).toBe(classOf.get(r.skuId));
      expect(r.onHand).toBeGreaterThan(0);
    }
    const stocked = skus.filter((s) => s.active && rows.some((r) => r.skuId === s.id));
    expect(stocked.length).toBe(skus.filter((s) => s.active).length);
    for (const sku of stocked) {
      const homes = new Set(rows.filter((r) => r.skuId === sku.id).map((r) => r.warehouseId));
      expect(homes.size).toBeGreaterThanOrEqual(1);
      expect(homes.size).toBeLessThanOrEqual(2);
    }
    const today = day(0);
    const lotted = rows.filter((r) => r.lotId);
    expect(lotted.length).toBeGreaterThan(50);
    expect(lotted.every((r) => r.expiryDate === null || r.expiryDate > today)).toBe(true);
    // Some lots are close to expiry: below their SKU's minimum remaining shelf life.
    const nearExpiry = lotted.filter((r) => {
      const sku = skus.find((s) => s.id === r.skuId);
      return (
        r.expiryDate && sku.minRemainingShelfLifeDays && r.expiryDate < day(sku.minRemainingShelfLifeDays)
      );
    });
    expect(nearExpiry.length).toBeGreaterThan(0);
    const movements = await admin.get('/api/inventory/movements?sourceType=demo_seed&limit=5');
    expect(movements.body.items[0]).toMatchObject({ type: 'receipt', actorName: expect.any(String) });
    expect((await admin.get('/api/inventory/audit')).body).toMatchObject({ ok: true, discrepancyCount: 0 });
  });
});

describe('the stock ledger through the API', () => {
  it('receives, moves, adjusts, reserves FEFO, releases, and the audit proves ledger = balances', async () => {
    const dry = await unstockedSku('storageClass=ambient', (s) => !s.lotTracked && s.active);
    const fresh = await unstockedSku(
      'storageClass=chilled',
      (s) => s.lotTracked && s.active && s.minRemainingShelfLifeDays > 0,
    );
    const min = fresh.minRemainingShelfLifeDays;

    admin.lang = 'en';
    const wrongZone = await admin.post('/api/inventory/receipts', {
      skuId: dry.id,
      binId: binIn('chilled').id,
      qty: 5,
    });
    expect(wrongZone.status).toBe(409);
    expect(wrongZone.body.code).toBe('inventory.storage_class_mismatch');
    expect(wrongZone.body.detail ?? wrongZone.body.title).toMatch(/cannot be stored/);
    admin.lang = 'zh-CN';

    const got = await admin.post('/api/inventory/receipts', {
      skuId: dry.id,
      binId: binIn('ambient').id,
      qty: 10,
    });
    expect(got.status, got.text).toBe(201);
    expect(got.body).toMatchObject({ type: 'receipt', qty: 10, actorName: 'admin', toStatus: 'available' });
    const noLot = await admin.post('/api/inventory/receipts', {
      skuId: fresh.id,
      binId: binIn('chilled').id,
      qty: 1,
    });
    expect(noLot.body.code).toBe('inventory.lot_required');

    const lots = [
      { lotCode: 'L-SHORT', expiryDate: day(min - 2), qty: 50, bin: 0 },
      { lotCode: 'L-LATE', expiryDate: day(min + 10), qty: 10, bin: 1 },
      { lotCode: 'L-SOON', expiryDate: day(min + 3), qty: 4, bin: 2 },
    ];
    for (const l of lots) {
      const res = await admin.post('/api/inventory/receipts', {
        skuId: fresh.id,
        binId: binIn('chilled', l.bin).id,
        qty: l.qty,
        lotCode: l.lotCode,
        expiryDate: l.expiryDate,
        sourceType: 'asn',
        sourceId: 'ASN-1',
      });
      expect(res.status, res.text).toBe(201);
    }

    const moved = await admin.post('/api/inventory/moves', {
      skuId: dry.id,
      fromBinId: binIn('ambient').id,
      toBinId: binIn('ambient', 1).id,
      qty: 3,
    });
    expect(moved.status, moved.text).toBe(201);
    const badMove = await admin.post('/api/inventory/moves', {
      skuId: dry.id,
      fromBinId: binIn('ambient').id,
      toBinId: binIn('frozen').id,
      qty: 1,
    });
    expect(badMove.body.code).toBe('inventory.storage_class_mismatch');
    const tooMuch = await admin.post('/api/inventory/moves', {
      skuId: dry.id,
      fromBinId: binIn('ambient').id,
      toBinId: binIn('ambient', 1).id,
      qty: 8,
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('inventory.insufficient_stock');

    const noReason = await admin.post('/api/inventory/adjustments', {
      skuId: dry.id,
      binId: binIn('ambient').id,
      delta: -2,
    });
    expect(noReason.status).toBe(400);
    const lost = await admin.post('/api/inventory/adjustments', {
      skuId: dry.id,
      binId: binIn('ambient').id,
      delta: -2,
      reason: '破损',
    });
    expect(lost.status, lost.text).toBe(201);
    expect(lost.body).toMatchObject({ type: 'adjust', qty: 2, fromBinId: binIn('ambient').id });

    // FEFO: the soonest lot that still has the minimum remaining shelf life, then the next.
    const reserved = await admin.post('/api/inventory/reservations', {
      orderRef: 'SO-1',
      lines: [
        { skuId: fresh.id, qty: 6, warehouseId: sh.id },
        { skuId: dry.id, qty: 5, warehouseId: sh.id },
      ],
    });
    expect(reserved.status, reserved.text).toBe(201);
    const freshAlloc = reserved.body.allocations.filter((a: { skuId: string }) => a.skuId === fresh.id);
    expect(freshAlloc.map((a: { lotCode: string; qty: number }) => [a.lotCode, a.qty])).toEqual([
      ['L-SOON', 4],
      ['L-LATE', 2],
    ]);
    const short = await admin.post('/api/inventory/reservations', {
      orderRef: 'SO-2',
      lines: [{ skuId: fresh.id, qty: 9, warehouseId: sh.id }],
    });
    expect(short.status).toBe(409);
    expect(short.body.code).toBe('inventory.insufficient_stock');

    const stock = await admin.get(`/api/inventory/stock?skuId=${fresh.id}&warehouseId=${sh.id}`);
    const byLot = Object.fromEntries(
      stock.body.items.map((r: { lotCode: string; onHand: number; reserved: number }) => [
        r.lotCode,
        [r.onHand, r.reserved],
      ]),
    );
    expect(byLot).toEqual({ 'L-SHORT': [50, 0], 'L-LATE': [10, 2], 'L-SOON': [4, 4] });
    const page = await admin.get(`/api/inventory/stock?skuId=${fresh.id}&warehouseId=${sh.id}&limit=2`);
    expect(page.body.items).toHaveLength(2);
    const rest = await admin.get(
      `/api/inventory/stock?skuId=${fresh.id}&warehouseId=${sh.id}&limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(rest.body.items).toHaveLength(1);

    const partial = await admin.post('/api/inventory/reservations/release', {
      orderRef: 'SO-1',
      lines: [{ skuId: fresh.id, qty: 1 }],
    });
    expect(partial.status, partial.text).toBe(200);
    expect(partial.body.released).toHaveLength(1);
    const all = await admin.post('/api/inventory/reservations/release', { orderRef: 'SO-1' });
    expect(all.body.released.reduce((s: number, m: { qty: number }) => s + m.qty, 0)).toBe(10);
    const none = await admin.post('/api/inventory/reservations/release', { orderRef: 'SO-1' });
    expect(none.body.released).toHaveLength(0);

    const ledger = await admin.get('/api/inventory/movements?sourceType=order&sourceId=SO-1&limit=100');
    expect(ledger.body.items.map((m: { type: string }) => m.type).sort()).toEqual(
      ['release', 'release', 'release', 'release', 'reserve', 'reserve', 'reserve'].sort(),
    );
    const audit = await admin.get('/api/inventory/audit');
    expect(audit.status).toBe(200);
    expect(audit.body).toMatchObject({ ok: true, discrepancyCount: 0 });
    expect(audit.body.movements).toBeGreaterThanOrEqual(12);
  });

  it('warehouse-scoped users see and act only in their warehouses (404 elsewhere)', async () => {
    const role = await admin.post('/api/org/roles', {
      code: 'stock_clerk_t',
      nameZh: '库存员',
      nameEn: 'Stock clerk',
      warehouseScoped: true,
      permissions: ['inventory.stock.read', 'inventory.stock.write', 'inventory.warehouse.read'],
    });
    expect(role.status, role.text).toBe(201);
    const user = await admin.post('/api/org/users', {
      username: 'stockclerk',
      displayName: '库存员',
      password: 'Clerk1234pass',
      roleCodes: ['stock_clerk_t'],
      warehouseIds: [sh.id],
    });
    expect(user.status, user.text).toBe(201);
    const clerk = await sys.login('stockclerk', 'Clerk1234pass');
    const dry = await skuWhere('storageClass=ambient', (s) => !s.lotTracked && s.active);
    const bjBins = (await admin.get(`/api/inventory/bins?warehouseId=${bj.id}&limit=5`)).body.items;
    const bjBin = bjBins.find((b: { kind: string }) => b.kind !== 'dispatch');
    await admin.post('/api/inventory/receipts', { skuId: dry.id, binId: bjBin.id, qty: 7 });

    expect((await clerk.get(`/api/inventory/bins?warehouseId=${bj.id}`)).body.items).toHaveLength(0);
    expect((await clerk.get(`/api/inventory/stock?warehouseId=${bj.id}`)).body.items).toHaveLength(0);
    const mine = (await clerk.get('/api/inventory/stock?limit=500')).body.items;
    expect(mine.every((r: { warehouseId: string }) => r.warehouseId === sh.id)).toBe(true);
    expect(
      (await clerk.get('/api/inventory/movements?limit=500')).body.items.every(
        (m: { warehouseId: string }) => m.warehouseId === sh.id,
      ),
    ).toBe(true);
    const recv = await clerk.post('/api/inventory/receipts', { skuId: dry.id, binId: bjBin.id, qty: 1 });
    expect(recv.status).toBe(404);
    const res = await clerk.post('/api/inventory/reservations', {
      orderRef: 'SO-BJ',
      lines: [{ skuId: dry.id, qty: 1, warehouseId: bj.id }],
    });
    expect(res.status).toBe(404);
    expect((await clerk.get(`/api/inventory/audit?warehouseId=${bj.id}`)).status).toBe(404);
    const adj = await clerk.post('/api/inventory/adjustments', {
      skuId: dry.id,
      binId: bjBin.id,
      delta: 1,
      reason: 'x',
    });
    expect(adj.status).toBe(403);
    // An order reserved in Beijing cannot be released by the Shanghai clerk.
    await admin.post('/api/inventory/reservations', {
      orderRef: 'SO-BJ',
      lines: [{ skuId: dry.id, qty: 2, warehouseId: bj.id }],
    });
    expect((await clerk.post('/api/inventory/reservations/release', { orderRef: 'SO-BJ' })).status).toBe(404);
    expect((await admin.get('/api/inventory/audit')).body.ok).toBe(true);
  });
});

describe('pick and ship through the API', () => {
  it('picks reserved stock to the dispatch point, ships it, and refuses what is not reserved or picked', async () => {
    const dry = await skuWhere('storageClass=ambient', (s) => !s.lotTracked && s.active);
    const bin = binIn('ambient', 4);
    const got = await admin.post('/api/inventory/receipts', { skuId: dry.id, binId: bin.id, qty: 8 });
    expect(got.status, got.text).toBe(201);
    const reserved = await admin.post('/api/inventory/reservations', {
      orderRef: 'SO-PICK',
      lines: [{ skuId: dry.id, qty: 5, warehouseId: sh.id }],
    });
    expect(reserved.status, reserved.text).toBe(201);
    const [first] = reserved.body.allocations;
    const dispatch = binsOf.sh.find((b) => b.kind === 'dispatch')!;

    const picked = await admin.post('/api/inventory/picks', {
      orderRef: 'SO-PICK',
      skuId: dry.id,
      binId: first.binId,
      qty: Math.min(3, first.qty),
    });
    expect(picked.status, picked.text).toBe(201);
    expect(picked.body).toMatchObject({
      type: 'pick',
      fromBinId: first.binId,
      toBinId: dispatch.id,
      qty: Math.min(3, first.qty),
      sourceType: 'order',
      sourceId: 'SO-PICK',
    });
    admin.lang = 'en';
    const tooMany = await admin.post('/api/inventory/picks', {
      orderRef: 'SO-PICK',
      skuId: dry.id,
      binId: first.binId,
      qty: 6,
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.code).toBe('inventory.not_reserved');
    expect(tooMany.body.detail ?? tooMany.body.title).toMatch(/too little reserved/);
    admin.lang = 'zh-CN';
    const invalid = await admin.post('/api/inventory/picks', { orderRef: 'SO-PICK', skuId: dry.id, qty: 1 });
    expect(invalid.status).toBe(400);

    const shipped = await admin.post('/api/inventory/shipments', { orderRef: 'SO-PICK' });
    expect(shipped.status, shipped.text).toBe(201);
    expect(shipped.body.shipped).toHaveLength(1);
    expect(shipped.body.shipped[0]).toMatchObject({
      type: 'ship',
      fromBinId: dispatch.id,
      toBinId: null,
      qty: Math.min(3, first.qty),
    });
    const again = await admin.post('/api/inventory/shipments', { orderRef: 'SO-PICK' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('inventory.nothing_to_ship');

    // What was picked left the books; the rest stays reserved in its bin.
    const atDispatch = await admin.get(`/api/inventory/stock?skuId=${dry.id}&binId=${dispatch.id}`);
    expect(atDispatch.body.items).toEqual([]);
    const left = await admin.post('/api/inventory/reservations/release', { orderRef: 'SO-PICK' });
    expect(left.body.released.reduce((s: number, m: { qty: number }) => s + m.qty, 0)).toBe(
      5 - Math.min(3, first.qty),
    );
    expect((await admin.get('/api/inventory/audit')).body).toMatchObject({ ok: true, discrepancyCount: 0 });
  });

  it('scoped users pick and ship only in their warehouses; readers cannot at all', async () => {
    const dry = await skuWhere('storageClass=ambient', (s) => !s.lotTracked && s.active);
    const bjBins = (await admin.get(`/api/inventory/bins?warehouseId=${bj.id}&limit=50`)).body.items;
    const bjBin = bjBins.find((b: { kind: string }) => b.kind !== 'dispatch');
    await admin.post('/api/inventory/receipts', { skuId: dry.id, binId: bjBin.id, qty: 4 });
    const reserved = await admin.post('/api/inventory/reservations', {
      orderRef: 'SO-BJ-PICK',
      lines: [{ skuId: dry.id, qty: 2, warehouseId: bj.id }],
    });
    expect(reserved.status, reserved.text).toBe(201);
    const [alloc] = reserved.body.allocations;
    const role = await admin.post('/api/org/roles', {
      code: 'picker_t',
      nameZh: '拣货员',
      nameEn: 'Picker',
      warehouseScoped: true,
      permissions: ['inventory.stock.read', 'inventory.stock.write'],
    });
    expect(role.status, role.text).toBe(201);
    await admin.post('/api/org/users', {
      username: 'picker',
      displayName: '拣货员',
      password: 'Picker1234pass',
      roleCodes: ['picker_t'],
      warehouseIds: [sh.id],
    });
    const picker = await sys.login('picker', 'Picker1234pass');
    const pickBody = { orderRef: 'SO-BJ-PICK', skuId: dry.id, binId: alloc.binId, qty: 1 };
    expect((await picker.post('/api/inventory/picks', pickBody)).status).toBe(404);
    expect((await admin.post('/api/inventory/picks', pickBody)).status).toBe(201);
    expect((await picker.post('/api/inventory/shipments', { orderRef: 'SO-BJ-PICK' })).status).toBe(404);

    await admin.post('/api/org/roles', {
      code: 'stock_reader_t',
      nameZh: '库存查询',
      nameEn: 'Stock reader',
      warehouseScoped: false,
      permissions: ['inventory.stock.read'],
    });
    await admin.post('/api/org/users', {
      username: 'stockreader',
      displayName: '库存查询',
      password: 'Reader1234pass',
      roleCodes: ['stock_reader_t'],
    });
    const reader = await sys.login('stockreader', 'Reader1234pass');
    expect((await reader.post('/api/inventory/picks', pickBody)).status).toBe(403);
    expect((await reader.post('/api/inventory/shipments', { orderRef: 'SO-BJ-PICK' })).status).toBe(403);
    const shipped = await admin.post('/api/inventory/shipments', { orderRef: 'SO-BJ-PICK' });
    expect(shipped.status, shipped.text).toBe(201);
    expect((await admin.get('/api/inventory/audit')).body.ok).toBe(true);
  });
});
