import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

/** Inbound through HTTP: ASN → receipt → inspection → sign-off → scan-confirmed putaway → return to vendor. */
let sys: TestSystem;
let admin: Agent;
let clerk: Agent;
let clerkBj: Agent;
let manager: Agent;
let fresh: Agent;
let home: Agent;
let sh: {
  id: string;
  zones: Array<{ id: string; storageClass: string; tempMinDc: number; tempMaxDc: number }>;
};
let bj: { id: string };
const bins = new Map<
  string,
  { id: string; code: string; barcode: string; kind: string; zoneId: string | null }
>();

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  sys = await startTestSystem();
  [admin, clerk, clerkBj, manager, fresh, home] = await Promise.all(
    ['admin', 'clerk', 'clerk.bj', 'whmanager', 'fresh', 'home'].map((u) => sys.login(u)),
  );
  const warehouses = (await admin.get('/api/inventory/warehouses')).body.items;
  sh = warehouses.find((w: { code: string }) => w.code === 'WH-SH');
  bj = warehouses.find((w: { code: string }) => w.code === 'WH-BJ');
  let cursor = '';
  do {
    const page = await admin.get(
      `/api/inventory/bins?warehouseId=${sh.id}&limit=500${cursor && `&cursor=${cursor}`}`,
    );
    for (const b of page.body.items) bins.set(b.id, b);
    cursor = page.body.nextCursor ?? '';
  } while (cursor);
});
afterAll(async () => sys?.close());

async function skuOf(agent: Agent, pick: (s: any) => boolean) {
  const items = (await agent.get('/api/catalog/skus?limit=500&active=true')).body.items;
  const sku = items.find(pick);
  expect(sku).toBeTruthy();
  return sku;
}

const dock = () => [...bins.values()].find((b) => b.kind === 'dispatch')!;
const stockAt = async (skuId: string, binId: string, status = 'available') =>
  (await admin.get(`/api/inventory/stock?skuId=${skuId}&binId=${binId}&status=${status}`)).body.items.reduce(
    (s: number, r: { onHand: number }) => s + r.onHand,
    0,
  );

const freshSku = (pick: (s: any) => boolean) => skuOf(fresh, pick);
const homeSku = (pick: (s: any) => boolean) => skuOf(home, pick);

/** An ad hoc receipt in WH-SH for the merchant of the SKUs, arrived, with complete documents. */
async function arrivedReceipt(
  lines: Array<{ skuId: string; expectedQty: number; lotCode?: string; productionDate?: string }>,
  owner: Agent = fresh,
) {
  const merchantId = (await owner.get('/api/auth/me')).body.merchant.id;
  const res = await clerk.post('/api/warehouse/receipts', {
    warehouseId: sh.id,
    merchantId,
    arrived: true,
    deliveryNoteNo: 'SD-T-1',
    lines,
  });
  expect(res.status, res.text).toBe(201);
  const docs = await clerk.post(`/api/warehouse/receipts/${res.body.id}/documents`, {
    documents: [{ kind: 'delivery_note', ref: 'SD-T-1' }],
    complete: true,
  });
  expect(docs.status, docs.text).toBe(200);
  return res.body;
}

describe('the inbound flow', () => {
  it('ASN → receipt → inspection with a partial reject → putaway as suggested → stock at the bin, rejects back to the vendor', async () => {
    const sku = await freshSku((s) => s.storageClass === 'chilled' && s.lotTracked && s.shelfLifeDays >= 10);
    const asn = await fresh.post('/api/warehouse/asns', {
      warehouseId: sh.id,
      supplierName: '测试农场',
      expectedDate: day(0),
      lines: [{ skuId: sku.id, qty: 40, lotCode: 'T-FLOW-1', productionDate: day(-1) }],
    });
    expect(asn.status, asn.text).toBe(201);
    expect(asn.body).toMatchObject({ status: 'open', lineCount: 1, totalQty: 40 });
    expect(asn.body.number).toMatch(/^ASN\d{14}$/);
    // The expiry follows from the production date and the SKU's shelf life.
    expect(asn.body.lines[0].expiryDate).toBe(
      new Date(Date.parse(day(-1)) + sku.shelfLifeDays * 86_400_000).toISOString().slice(0, 10),
    );
    expect((await home.get(`/api/warehouse/asns/${asn.body.id}`)).status).toBe(404);
    expect((await fresh.get('/api/warehouse/asns?limit=100')).body.items.map((a: any) => a.id)).toContain(
      asn.body.id,
    );

    const opened = await clerk.post(`/api/warehouse/asns/${asn.body.id}/receipt`, {
      arrived: true,
      vehiclePlate: '沪A·T0001',
      deliveryNoteNo: 'SD-FLOW',
    });
    expect(opened.status, opened.text).toBe(201);
    const receipt = opened.body;
    expect(receipt.number).toMatch(/^RC\d{14}$/);
    expect(receipt.status).toBe('arrived');
    expect(receipt.lines[0]).toMatchObject({ expectedQty: 40, lotCode: 'T-FLOW-1', receivedQty: null });
    expect((await fresh.get(`/api/warehouse/asns/${asn.body.id}`)).body.status).toBe('receiving');
    // One live receipt per ASN.
    expect((await clerk.post(`/api/warehouse/asns/${asn.body.id}/receipt`, {})).body.code).toBe(
      'warehouse.asn_not_open',
    );

    const line = receipt.lines[0];
    const inspected = await clerk.post(`/api/warehouse/receipts/${receipt.id}/lines/${line.id}/inspection`, {
      receivedQty: 40,
      acceptedQty: 36,
      rejections: [{ qty: 4, reason: 'damaged', note: '外箱破损' }],
      arrivalTempDc: 30,
      photos: ['https://files.example.com/insp/1.jpg', 'inspections/2026/flow-2.jpg'],
    });
    expect(inspected.status, inspected.text).toBe(200);
    expect(inspected.body.status).toBe('inspecting');
    expect(inspected.body.lines[0]).toMatchObject({
      receivedQty: 40,
      acceptedQty: 36,
      rejectedQty: 4,
      inspectorName: 'clerk',
      arrivalTempDc: 30,
    });
    expect(inspected.body.lines[0].photos).toHaveLength(2);

    // Documents are checked before anything is booked in.
    const noDocs = await clerk.post(`/api/warehouse/receipts/${receipt.id}/sign-off`);
    expect(noDocs.status).toBe(409);
    expect(noDocs.body.code).toBe('warehouse.documents_incomplete');
    expect(
      (
        await clerk.post(`/api/warehouse/receipts/${receipt.id}/documents`, {
          documents: [{ kind: 'quality_certificate', ref: 'QC-1' }],
          complete: true,
        })
      ).status,
    ).toBe(200);

    const signed = await clerk.post(`/api/warehouse/receipts/${receipt.id}/sign-off`);
    expect(signed.status, signed.text).toBe(200);
    expect(signed.body.status).toBe('inspected');
    expect(signed.body.lines[0].lotId).toBeTruthy();
    expect(await stockAt(sku.id, dock().id)).toBeGreaterThanOrEqual(36);
    expect(await stockAt(sku.id, dock().id, 'quality_hold')).toBeGreaterThanOrEqual(4);
    const tasks = signed.body.tasks;
    expect(tasks.reduce((s: number, t: any) => s + t.qty, 0)).toBe(36);
    const chilledZone = sh.zones.find((z) => z.storageClass === 'chilled')!.id;
    for (const t of tasks) expect(bins.get(t.suggestedBinId)?.zoneId).toBe(chilledZone);

    const before = new Map<string, number>();
    for (const t of tasks) before.set(t.suggestedBinId, await stockAt(sku.id, t.suggestedBinId));
    for (const t of tasks) {
      const res = await clerk.post(`/api/warehouse/putaway-tasks/${t.id}/confirm`, {
        binBarcode: bins.get(t.suggestedBinId)!.barcode,
        skuBarcode: sku.barcodes[0],
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ deviated: false, binId: t.suggestedBinId, task: { status: 'done' } });
    }
    for (const t of tasks) {
      const lot = (await admin.get(`/api/inventory/stock?skuId=${sku.id}&binId=${t.suggestedBinId}`)).body
        .items;
      expect(lot.find((r: any) => r.lotCode === 'T-FLOW-1')?.onHand).toBeGreaterThanOrEqual(t.qty);
      expect(await stockAt(sku.id, t.suggestedBinId)).toBe(
        before.get(t.suggestedBinId)! +
          tasks
            .filter((x: any) => x.suggestedBinId === t.suggestedBinId)
            .reduce((s: number, x: any) => s + x.qty, 0),
      );
    }
    const done = (await clerk.get(`/api/warehouse/receipts/${receipt.id}`)).body;
    expect(done.status).toBe('completed');
    expect(done.totals).toMatchObject({ accepted: 36, putaway: 36, held: 4, pendingReturn: 4 });
    expect(done.history.map((h: any) => h.to)).toEqual([
      'draft',
      'arrived',
      'inspecting',
      'inspected',
      'putaway_in_progress',
      'completed',
    ]);
    expect((await fresh.get(`/api/warehouse/asns/${asn.body.id}`)).body.status).toBe('received');
    const putaways = (await admin.get(`/api/inventory/movements?sourceId=${receipt.id}&type=putaway`)).body
      .items;
    expect(putaways.reduce((s: number, m: any) => s + m.qty, 0)).toBe(36);

    // Rejected goods leave the books back to the vendor.
    const holdBefore = await stockAt(sku.id, dock().id, 'quality_hold');
    const rtv = await clerk.post(`/api/warehouse/receipts/${receipt.id}/vendor-returns`, {
      carrier: '测试物流',
    });
    expect(rtv.status, rtv.text).toBe(201);
    expect(rtv.body.returns[0].number).toMatch(/^RTV\d{14}$/);
    expect(rtv.body.totals.pendingReturn).toBe(0);
    expect(await stockAt(sku.id, dock().id, 'quality_hold')).toBe(holdBefore - 4);
    const again = await clerk.post(`/api/warehouse/receipts/${receipt.id}/vendor-returns`, {});
    expect(again.body.code).toBe('warehouse.nothing_to_return');
    const returned = (await admin.get(`/api/inventory/movements?sourceId=${receipt.id}&type=return`)).body
      .items;
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({ qty: 4, fromStatus: 'quality_hold', toBinId: null });

    // The merchant sees its receipt; every change is in the audit log; the ledger still balances.
    expect((await fresh.get(`/api/warehouse/receipts/${receipt.id}`)).status).toBe(200);
    expect((await home.get(`/api/warehouse/receipts/${receipt.id}`)).status).toBe(404);
    const audit = (await admin.get(`/api/audit?entity=warehouse.receipt&entityId=${receipt.id}&limit=100`))
      .body.items;
    expect(new Set(audit.map((a: any) => a.action))).toEqual(
      new Set(['create', 'arrive', 'inspect', 'documents', 'sign_off', 'putaway', 'return_to_vendor']),
    );
    expect((await admin.get(`/api/inventory/audit?warehouseId=${sh.id}`)).body.ok).toBe(true);
  });

  it('books nothing in while a line is not inspected', async () => {
    const a = await homeSku((s) => s.storageClass === 'ambient' && !s.lotTracked);
    const b = await homeSku((s) => s.storageClass === 'ambient' && !s.lotTracked && s.id !== a.id);
    const receipt = await arrivedReceipt(
      [
        { skuId: a.id, expectedQty: 10 },
        { skuId: b.id, expectedQty: 5 },
      ],
      home,
    );
    const first = receipt.lines[0];
    expect(
      (
        await clerk.post(`/api/warehouse/receipts/${receipt.id}/lines/${first.id}/inspection`, {
          receivedQty: 10,
          acceptedQty: 10,
        })
      ).status,
    ).toBe(200);
    const refused = await clerk.post(`/api/warehouse/receipts/${receipt.id}/sign-off`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('warehouse.lines_not_inspected');
    expect(refused.body.detail).toContain('2');
    const view = (await clerk.get(`/api/warehouse/receipts/${receipt.id}`)).body;
    expect(view.status).toBe('inspecting');
    expect(view.tasks).toHaveLength(0);
    expect((await admin.get(`/api/inventory/movements?sourceId=${receipt.id}`)).body.items).toHaveLength(0);
    const tasks = (await clerk.get(`/api/warehouse/putaway-tasks?receiptId=${receipt.id}`)).body.items;
    expect(tasks).toHaveLength(0);
  });

  it('walks the receipt state machine and refuses illegal transitions with 409', async () => {
    const a = await homeSku((s) => s.storageClass === 'ambient' && !s.lotTracked);
    const receipt = await arrivedReceipt([{ skuId: a.id, expectedQty: 3 }], home);
    const arriveAgain = await clerk.post(`/api/warehouse/receipts/${receipt.id}/arrive`, {});
    expect(arriveAgain.status).toBe(409);
    expect(arriveAgain.body.code).toBe('warehouse.receipt_illegal_transition');
    await clerk.post(`/api/warehouse/receipts/${receipt.id}/lines/${receipt.lines[0].id}/inspection`, {
      receivedQty: 3,
      acceptedQty: 0,
      rejections: [{ qty: 3, reason: 'wrong_item', disposition: 'refused' }],
    });
    const signed = await clerk.post(`/api/warehouse/receipts/${receipt.id}/sign-off`);
    // Nothing accepted, nothing held: complete at once, nothing on the books.
    expect(signed.body.status).toBe('completed');
    expect((await admin.get(`/api/inventory/movements?sourceId=${receipt.id}`)).body.items).toHaveLength(0);
    const cancel = await clerk.post(`/api/warehouse/receipts/${receipt.id}/cancel`, { reason: 'late' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('warehouse.receipt_illegal_transition');
    const inspect = await clerk.post(
      `/api/warehouse/receipts/${receipt.id}/lines/${receipt.lines[0].id}/inspection`,
      {
        receivedQty: 3,
        acceptedQty: 3,
      },
    );
    expect(inspect.body.code).toBe('warehouse.receipt_action_not_allowed');
  });
});

describe('cold chain and shelf life at receiving', () => {
  it('refuses frozen goods that arrived warm unless a manager overrides with a note', async () => {
    const sku = await freshSku((s) => s.storageClass === 'frozen' && s.lotTracked);
    const receipt = await arrivedReceipt([
      { skuId: sku.id, expectedQty: 8, lotCode: 'T-WARM', productionDate: day(-2) },
    ]);
    const url = `/api/warehouse/receipts/${receipt.id}/lines/${receipt.lines[0].id}/inspection`;
    const missing = await clerk.post(url, { receivedQty: 8, acceptedQty: 8 });
    expect(missing.status).toBe(400);
    expect(missing.body.issues.map((i: any) => i.field)).toContain('body.arrivalTempDc');
    const warm = await clerk.post(url, { receivedQty: 8, acceptedQty: 8, arrivalTempDc: -50 });
    expect(warm.status).toBe(409);
    expect(warm.body.code).toBe('warehouse.temperature_out_of_range');
    expect(warm.body.detail).toContain('-5.0 °C');
    const byClerk = await clerk.post(url, {
      receivedQty: 8,
      acceptedQty: 8,
      arrivalTempDc: -50,
      override: { note: '供应商承诺' },
    });
    expect(byClerk.status).toBe(403);
    // Rejecting everything for temperature needs no override.
    const rejected = await clerk.post(url, {
      receivedQty: 8,
      acceptedQty: 0,
      arrivalTempDc: -50,
      rejections: [{ qty: 8, reason: 'temperature' }],
    });
    expect(rejected.status, rejected.text).toBe(200);
    const overridden = await manager.post(url, {
      receivedQty: 8,
      acceptedQty: 8,
      arrivalTempDc: -50,
      override: { note: '表层温度，芯温 -18 ℃ 合格' },
    });
    expect(overridden.status, overridden.text).toBe(200);
    expect(overridden.body.lines[0]).toMatchObject({ overrideByName: 'whmanager', rejectedQty: 0 });
    expect(overridden.body.lines[0].arrivalRange.maxDc).toBeLessThanOrEqual(-180);
  });

  it('never accepts an expired lot and needs an override below the minimum shelf life', async () => {
    const sku = await freshSku(
      (s) => s.lotTracked && s.minRemainingShelfLifeDays >= 2 && s.storageClass === 'ambient',
    );
    const receipt = await arrivedReceipt([{ skuId: sku.id, expectedQty: 5 }]);
    const url = `/api/warehouse/receipts/${receipt.id}/lines/${receipt.lines[0].id}/inspection`;
    const noLot = await clerk.post(url, { receivedQty: 5, acceptedQty: 5 });
    expect(noLot.status).toBe(400);
    expect(noLot.body.issues.map((i: any) => i.code)).toContain('warehouse.lot_required');
    const expired = await clerk.post(url, {
      receivedQty: 5,
      acceptedQty: 5,
      lotCode: 'T-OLD',
      expiryDate: day(-1),
    });
    expect(expired.body.code).toBe('warehouse.lot_expired');
    const short = await clerk.post(url, {
      receivedQty: 5,
      acceptedQty: 5,
      lotCode: 'T-SHORT',
      expiryDate: day(1),
    });
    expect(short.body.code).toBe('warehouse.shelf_life_short');
    const ok = await clerk.post(url, {
      receivedQty: 5,
      acceptedQty: 0,
      lotCode: 'T-SHORT',
      expiryDate: day(1),
      rejections: [{ qty: 5, reason: 'expired' }],
    });
    expect(ok.status, ok.text).toBe(200);
  });
});

describe('access', () => {
  it('keeps a WH-BJ clerk out of WH-SH receipts and merchants to their own goods', async () => {
    const a = await homeSku((s) => s.storageClass === 'ambient' && !s.lotTracked);
    const receipt = await arrivedReceipt([{ skuId: a.id, expectedQty: 2 }], home);
    expect((await clerkBj.get(`/api/warehouse/receipts/${receipt.id}`)).status).toBe(404);
    const inspect = await clerkBj.post(
      `/api/warehouse/receipts/${receipt.id}/lines/${receipt.lines[0].id}/inspection`,
      { receivedQty: 2, acceptedQty: 2 },
    );
    expect(inspect.status).toBe(404);
    expect((await clerkBj.post(`/api/warehouse/receipts/${receipt.id}/cancel`, { reason: 'x' })).status).toBe(
      404,
    );
    const list = (await clerkBj.get('/api/warehouse/receipts?limit=500')).body.items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r: any) => r.warehouseId === bj.id)).toBe(true);
    const created = await clerkBj.post('/api/warehouse/receipts', {
      warehouseId: sh.id,
      merchantId: receipt.merchantId,
      lines: [{ skuId: a.id, expectedQty: 1 }],
    });
    expect(created.status).toBe(404);
    // Merchants read their own receipts but cannot inspect; other merchants see nothing.
    expect((await home.get(`/api/warehouse/receipts/${receipt.id}`)).status).toBe(200);
    expect((await fresh.get(`/api/warehouse/receipts/${receipt.id}`)).status).toBe(404);
    const freshList = (await fresh.get('/api/warehouse/receipts?limit=500')).body.items;
    expect(freshList.length).toBeGreaterThan(0);
    expect(freshList.every((r: any) => r.merchantId !== receipt.merchantId)).toBe(true);
    const byMerchant = await home.post(
      `/api/warehouse/receipts/${receipt.id}/lines/${receipt.lines[0].id}/inspection`,
      {
        receivedQty: 2,
        acceptedQty: 2,
      },
    );
    expect(byMerchant.status).toBe(403);
    // A merchant cannot announce goods for another merchant, nor another merchant's SKUs.
    const foreign = await fresh.post('/api/warehouse/asns', {
      warehouseId: sh.id,
      merchantId: receipt.merchantId,
      lines: [{ skuId: a.id, qty: 1 }],
    });
    expect(foreign.status).toBe(403);
    const notTheirs = await fresh.post('/api/warehouse/asns', {
      warehouseId: sh.id,
      lines: [{ skuId: a.id, qty: 1 }],
    });
    expect(notTheirs.status).toBe(400);
    expect(notTheirs.body.issues[0]).toMatchObject({
      field: 'body.lines.0.skuId',
      code: 'warehouse.sku_not_found',
    });
  });
});

describe('bad input', () => {
  it('answers problem+json with field issues, never a 500', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/warehouse/receipts', { warehouseId: sh.id, lines: [] }],
      ['POST', '/api/warehouse/receipts', { warehouseId: 'nope', lines: [{ skuId: 'x', expectedQty: -1 }] }],
      ['POST', '/api/warehouse/asns', { warehouseId: sh.id, lines: [{ skuId: sh.id, qty: 0 }], extra: 1 }],
      ['GET', '/api/warehouse/receipts?status=flying', undefined],
      ['GET', '/api/warehouse/receipts/not-a-uuid', undefined],
      ['POST', `/api/warehouse/putaway-tasks/${sh.id}/confirm`, { binBarcode: '', skuBarcode: 'x' }],
    ];
    for (const [method, url, body] of cases) {
      const res = await (url.includes('asns') ? admin : clerk).request(method, url, body);
      expect(res.status, `${method} ${url}`).toBe(400);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.issues.length).toBeGreaterThan(0);
    }
    const a = await homeSku((s) => s.storageClass === 'ambient' && !s.lotTracked);
    const receipt = await arrivedReceipt([{ skuId: a.id, expectedQty: 4 }], home);
    clerk.lang = 'en';
    const mismatch = await clerk.post(
      `/api/warehouse/receipts/${receipt.id}/lines/${receipt.lines[0].id}/inspection`,
      {
        receivedQty: 4,
        acceptedQty: 3,
        rejections: [{ qty: 2, reason: 'other' }],
      },
    );
    clerk.lang = 'zh-CN';
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.acceptedQty', code: 'warehouse.qty_mismatch' }),
        expect.objectContaining({ field: 'body.rejections.0.note', code: 'warehouse.reject_note_required' }),
      ]),
    );
    expect(mismatch.body.issues[0].message).toMatch(/must equal received 4/);
    const missing = await clerk.get(`/api/warehouse/receipts/${sh.id}`);
    expect(missing.status).toBe(404);
  });
});
