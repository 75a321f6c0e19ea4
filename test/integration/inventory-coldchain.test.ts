import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coldChainFixture, HOUR } from '../helpers/coldchain-fixture';

/**
 * Cold chain through HTTP: the demo excursion, excursions → quality holds (no reservation possible),
 * alerts acknowledged, quality review, bad input and warehouse scope. In a warehouse of the test's own
 * (see coldchain-fixture.ts).
 */
const cc = coldChainFixture();
const { iso, dayOf, zoneOf, waitForJob, stockOf, events, scopedUser, bins, skus } = cc;

describe('demo data', () => {
  it('has three days of readings, one past excursion (reviewed and released) and one incident', async () => {
    const warehouses = (await cc.admin.get('/api/inventory/warehouses')).body.items;
    const sh = warehouses.find((w: { code: string }) => w.code === 'WH-SH');
    const chilled = sh.zones.find((z: { storageClass: string }) => z.storageClass === 'chilled');
    // The template database was seeded at the real time of the run; this test's clock is elsewhere.
    const seededTo = new Date().toISOString();
    const range = `from=${new Date(Date.now() - 4 * 24 * HOUR).toISOString()}&to=${seededTo}`;
    const chart = (await cc.admin.get(`/api/inventory/zones/${chilled.id}/temperature?${range}`)).body;
    expect(chart.readings.length).toBeGreaterThan(250);
    expect(Math.max(...chart.readings.map((r: { tempDc: number }) => r.tempDc))).toBe(74);
    expect(chart.excursions).toEqual([
      expect.objectContaining({
        trigger: 'duration',
        peakDc: 74,
        endedAt: expect.any(String),
        holdDocNo: expect.any(String),
      }),
    ]);
    const [hold] = (await cc.admin.get(`/api/inventory/quality-holds?warehouseId=${sh.id}`)).body.items;
    expect(hold).toMatchObject({ status: 'closed', remainingQty: 0 });
    expect(hold.totalQty).toBeGreaterThan(0);
    expect((await cc.admin.get(`/api/inventory/alerts?warehouseId=${sh.id}&state=open`)).body.openCount).toBe(
      1,
    );
    const frozen = sh.zones.find((z: { storageClass: string }) => z.storageClass === 'frozen');
    const frozenChart = (await cc.admin.get(`/api/inventory/zones/${frozen.id}/temperature?${range}`)).body;
    expect(frozenChart.readings.length).toBeGreaterThan(250);
    expect(frozenChart.excursions).toEqual([]);
    const incidents = (await cc.admin.get(`/api/inventory/incidents?warehouseId=${sh.id}`)).body.items;
    expect(incidents).toEqual([expect.objectContaining({ kind: 'damage', status: 'posted', totalQty: 2 })]);
    expect((await cc.admin.get('/api/inventory/audit')).body).toMatchObject({ ok: true });
  });
});

describe('temperature excursions', () => {
  it('put the zone’s lots on quality hold, break their reservations, and they cannot be reserved', async () => {
    const milk = skus.MILK.id;
    for (const [lotCode, bin, qty] of [
      ['M-A', 0, 20],
      ['M-B', 1, 10],
    ] as const) {
      const res = await cc.admin.post('/api/inventory/receipts', {
        skuId: milk,
        binId: bins.chilled[bin],
        qty,
        lotCode,
        expiryDate: dayOf(8),
      });
      expect(res.status, res.text).toBe(201);
    }
    const reserved = await cc.admin.post('/api/inventory/reservations', {
      orderRef: 'SO-T1',
      lines: [{ skuId: milk, qty: 5, warehouseId: cc.wh.id }],
    });
    expect(reserved.status, reserved.text).toBe(201);

    const zoneId = zoneOf('chilled');
    const one = await cc.admin.post('/api/inventory/temperature-readings', {
      zoneId,
      deviceId: 'TL-1',
      at: iso(-60 * 60_000),
      tempDc: 20,
    });
    expect(one.status, one.text).toBe(201);
    const batch = {
      readings: [
        { zoneId, deviceId: 'TL-1', at: iso(-40 * 60_000), tempDc: 55 },
        { zoneId, deviceId: 'TL-1', at: iso(-20 * 60_000), tempDc: 62 },
        { zoneId, deviceId: 'TL-1', at: iso(-5 * 60_000), tempDc: 58 },
      ],
    };
    const out = await cc.admin.post('/api/inventory/temperature-readings/batch', batch);
    expect(out.status, out.text).toBe(201);
    expect(out.body).toMatchObject({ accepted: 3, duplicates: 0, excursionsClosed: [] });
    expect(out.body.excursionsOpened).toHaveLength(1);
    expect((await cc.admin.post('/api/inventory/temperature-readings/batch', batch)).body).toMatchObject({
      accepted: 0,
      duplicates: 3,
    });

    const stock = await stockOf(milk);
    expect(stock.map((r) => [r.lotCode, r.status, r.onHand, r.reserved]).sort()).toEqual([
      ['M-A', 'quality_hold', 20, 0],
      ['M-B', 'quality_hold', 10, 0],
    ]);
    const lost = (await events('inventory.reservation_lost')).find((e) => e.orderRef === 'SO-T1');
    expect(lost).toMatchObject({ reason: 'temperature_excursion', warehouseId: cc.wh.id });
    expect(lost.lines.reduce((s: number, l: { qty: number }) => s + l.qty, 0)).toBe(5);
    const [excursionEvent] = (await events('inventory.temperature_excursion')).filter(
      (e) => e.warehouseId === cc.wh.id,
    );
    expect(excursionEvent).toMatchObject({
      zoneId,
      trigger: 'duration',
      direction: 'high',
      peakDc: 62,
      lostOrders: ['SO-T1'],
    });
    expect(excursionEvent.lots).toHaveLength(2);

    const excursions = (
      await cc.admin.get(`/api/inventory/temperature-excursions?warehouseId=${cc.wh.id}&state=open`)
    ).body.items;
    expect(excursions).toHaveLength(1);
    expect(excursions[0]).toMatchObject({
      startedAt: iso(-40 * 60_000),
      trigger: 'duration',
      peakDc: 62,
      endedAt: null,
    });
    const alerts = (await cc.admin.get(`/api/inventory/alerts?warehouseId=${cc.wh.id}&state=open`)).body;
    expect(alerts.openCount).toBe(1);
    expect(alerts.items[0]).toMatchObject({
      kind: 'temperature_excursion',
      severity: 'warning',
      params: { heldQty: 30, lostOrders: ['SO-T1'] },
    });

    const refused = await cc.admin.post('/api/inventory/reservations', {
      orderRef: 'SO-T2',
      lines: [{ skuId: milk, qty: 1, warehouseId: cc.wh.id }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('inventory.insufficient_stock');

    // Back in range: the excursion ends; a reading far beyond the frozen range is one at once.
    const back = await cc.admin.post('/api/inventory/temperature-readings', {
      zoneId,
      deviceId: 'TL-1',
      at: iso(0),
      tempDc: 30,
    });
    expect(back.body.excursionsClosed).toEqual(excursions.map((e: { id: string }) => e.id));
    const frozen = await cc.admin.post('/api/inventory/temperature-readings', {
      zoneId: zoneOf('frozen'),
      at: iso(0),
      tempDc: -100,
    });
    expect(frozen.body.excursionsOpened).toHaveLength(1);
    const hard = (
      await cc.admin.get(`/api/inventory/alerts?warehouseId=${cc.wh.id}&kind=temperature_excursion`)
    ).body.items[0];
    expect(hard).toMatchObject({
      severity: 'critical',
      zoneId: zoneOf('frozen'),
      params: { heldQty: 0, holdDocNo: null },
    });

    const chart = await cc.admin.get(
      `/api/inventory/zones/${zoneId}/temperature?from=${iso(-2 * HOUR)}&to=${iso(60_000)}`,
    );
    expect(chart.status, chart.text).toBe(200);
    expect(chart.body.zone).toMatchObject({ tempMinDc: 0, tempMaxDc: 40, toleranceMinutes: 30 });
    expect(chart.body.readings.map((r: { tempDc: number }) => r.tempDc)).toEqual([20, 55, 62, 58, 30]);
    expect(chart.body.excursions[0]).toMatchObject({
      endedAt: iso(0),
      holdDocNo: expect.stringMatching(/^QH\d{14}$/),
    });
  });

  it('alerts are acknowledged once; quality review releases, damages and scraps held stock', async () => {
    const [alert] = (await cc.admin.get(`/api/inventory/alerts?warehouseId=${cc.wh.id}&state=open`)).body
      .items;
    const ack = await cc.admin.post(`/api/inventory/alerts/${alert.id}/acknowledge`, { note: '已检查冷机' });
    expect(ack.status, ack.text).toBe(200);
    expect(ack.body).toMatchObject({ acknowledgedByName: 'admin', ackNote: '已检查冷机' });
    const again = await cc.admin.post(`/api/inventory/alerts/${alert.id}/acknowledge`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('inventory.alert_already_acknowledged');

    const [hold] = (await cc.admin.get(`/api/inventory/quality-holds?warehouseId=${cc.wh.id}&status=open`))
      .body.items;
    expect(hold).toMatchObject({ totalQty: 30, remainingQty: 30, sourceType: 'temperature_excursion' });
    const detail = (await cc.admin.get(`/api/inventory/quality-holds/${hold.id}`)).body;
    const lineA = detail.lines.find((l: { lotCode: string }) => l.lotCode === 'M-A');
    const lineB = detail.lines.find((l: { lotCode: string }) => l.lotCode === 'M-B');
    const quality = await cc.sys.login('quality');
    const tooMuch = await quality.post(`/api/inventory/quality-holds/${hold.id}/review`, {
      note: 'x',
      lines: [{ lineId: lineB.id, release: 8, scrap: 8 }],
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.issues[0]).toMatchObject({
      field: 'body.lines.0',
      code: 'inventory.hold_review_qty',
    });
    const partial = await quality.post(`/api/inventory/quality-holds/${hold.id}/review`, {
      note: '抽检合格',
      lines: [{ lineId: lineA.id, release: 20 }],
    });
    expect(partial.status, partial.text).toBe(200);
    expect(partial.body).toMatchObject({ status: 'open', remainingQty: 10, reviewedByName: 'quality' });
    const done = await quality.post(`/api/inventory/quality-holds/${hold.id}/review`, {
      note: '包装渗漏',
      lines: [{ lineId: lineB.id, damaged: 6, scrap: 4 }],
    });
    expect(done.body).toMatchObject({ status: 'closed', remainingQty: 0 });
    expect(
      (
        await quality.post(`/api/inventory/quality-holds/${hold.id}/review`, {
          note: 'x',
          lines: [{ lineId: lineB.id, scrap: 1 }],
        })
      ).body.code,
    ).toBe('inventory.hold_closed');
    const stock = await stockOf(skus.MILK.id);
    expect(stock.map((r) => [r.lotCode, r.status, r.onHand]).sort()).toEqual([
      ['M-A', 'available', 20],
      ['M-B', 'damaged', 6],
    ]);
    const scrap = (
      await cc.admin.get(
        `/api/inventory/movements?warehouseId=${cc.wh.id}&type=scrap&sourceType=quality_hold`,
      )
    ).body.items;
    expect(scrap.map((m: { qty: number }) => m.qty)).toEqual([4]);
    const ok = await cc.admin.post('/api/inventory/reservations', {
      orderRef: 'SO-T3',
      lines: [{ skuId: skus.MILK.id, qty: 5, warehouseId: cc.wh.id }],
    });
    expect(ok.status, ok.text).toBe(201);
    const audit = (await cc.admin.get(`/api/audit?entity=quality_hold&entityId=${hold.id}`)).body.items;
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual(['hold', 'review', 'review']);
  });
});

describe('bad input and warehouse scope', () => {
  it('answers problem+json with field issues, never a 500', async () => {
    const zoneId = zoneOf('chilled');
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', '/api/inventory/temperature-readings', { zoneId, at: iso(0), tempDc: 9999 }, 'body.tempDc'],
      [
        'POST',
        '/api/inventory/temperature-readings',
        { zoneId, vehicleId: 'TRUCK-1', at: iso(0), tempDc: 20 },
        'body.zoneId',
      ],
      ['POST', '/api/inventory/temperature-readings', { zoneId, at: iso(HOUR), tempDc: 20 }, 'body.at'],
      ['POST', '/api/inventory/temperature-readings/batch', { readings: [] }, 'body.readings'],
      ['GET', `/api/inventory/near-expiry?withinDays=-1`, undefined, 'querystring.withinDays'],
      ['GET', '/api/inventory/alerts?cursor=bm9wZQ', undefined, 'querystring.cursor'],
      [
        'POST',
        '/api/inventory/incidents',
        { warehouseId: cc.wh.id, kind: 'flood', occurredAt: iso(0), description: 'x', lines: [] },
        'body.kind',
      ],
      [
        'PUT',
        '/api/inventory/temperature-rules/chilled',
        { toleranceMinutes: -5, hardMarginDc: 10 },
        'body.toleranceMinutes',
      ],
      [
        'GET',
        `/api/inventory/zones/${zoneId}/temperature?from=${iso(0)}&to=${iso(-HOUR)}`,
        undefined,
        'querystring.from',
      ],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await cc.admin.request(method, url, body);
      expect(res.status, `${method} ${url}: ${res.text}`).toBe(400);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      expect(
        res.body.issues.map((i: { field: string }) => i.field),
        url,
      ).toContain(field);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            zoneId: fc.oneof(fc.constant(zoneId), fc.uuid(), fc.string()),
            at: fc.oneof(
              fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
              fc.string(),
            ),
            tempDc: fc.oneof(fc.integer(), fc.double()),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const res = await cc.admin.post('/api/inventory/temperature-readings', body);
          expect([201, 400, 404]).toContain(res.status);
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  });

  it('users outside the warehouse get 404, and a clerk may not post a write-off', async () => {
    const fresh = await scopedUser('fresh_goods_manager', 'freshmgr', 'WH-SH');
    const zoneId = zoneOf('chilled');
    expect(
      (await fresh.post('/api/inventory/temperature-readings', { zoneId, at: iso(0), tempDc: 20 })).status,
    ).toBe(404);
    expect((await fresh.get(`/api/inventory/zones/${zoneId}/temperature`)).status).toBe(404);
    expect((await fresh.get(`/api/inventory/alerts?warehouseId=${cc.wh.id}`)).body.items).toEqual([]);
    expect(
      (await fresh.get('/api/inventory/alerts?limit=500')).body.items.every(
        (a: { warehouseId: string }) => a.warehouseId !== cc.wh.id,
      ),
    ).toBe(true);
    const [alert] = (await cc.admin.get(`/api/inventory/alerts?warehouseId=${cc.wh.id}`)).body.items;
    expect((await fresh.post(`/api/inventory/alerts/${alert.id}/acknowledge`, {})).status).toBe(404);
    const [hold] = (await cc.admin.get(`/api/inventory/quality-holds?warehouseId=${cc.wh.id}`)).body.items;
    expect((await fresh.get(`/api/inventory/quality-holds/${hold.id}`)).status).toBe(404);
    expect(
      (
        await fresh.post(`/api/inventory/quality-holds/${hold.id}/review`, {
          note: 'x',
          lines: [{ lineId: 1, release: 1 }],
        })
      ).status,
    ).toBe(404);
    expect((await fresh.post('/api/inventory/expiry-runs', { warehouseId: cc.wh.id })).status).toBe(404);
    expect((await fresh.get(`/api/inventory/near-expiry?warehouseId=${cc.wh.id}`)).body.items).toEqual([]);
    const incident = {
      warehouseId: cc.wh.id,
      kind: 'loss',
      occurredAt: iso(0),
      description: 'x',
      lines: [{ skuId: skus.DRY.id, binId: bins.ambient[0], qty: 1 }],
    };
    expect((await fresh.post('/api/inventory/incidents', incident)).status).toBe(404);
    // A scoped run covers only the user's own warehouses.
    const own = await waitForJob(fresh, (await fresh.post('/api/inventory/expiry-runs', {})).body.id);
    expect(own.result.warehouses.map((w: { warehouseId: string }) => w.warehouseId)).not.toContain(cc.wh.id);

    const clerk = await scopedUser('warehouse_clerk', 'ccclerk', 'WH-CC');
    const denied = await clerk.post('/api/inventory/incidents', { ...incident, post: true });
    expect(denied.status).toBe(403);
    expect((await clerk.post('/api/inventory/incidents', incident)).status).toBe(201);
    expect((await clerk.post('/api/inventory/expiry-runs', {})).status).toBe(403);
  });
});
