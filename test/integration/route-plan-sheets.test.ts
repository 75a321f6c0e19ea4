import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDemoPlan, XLSX_STOP_HEADER_ROW, XLSX_SUMMARY_HEADER_ROW } from '../../src/modules/transport';
import { downloadAs, expectFeasible, pdfPageCount, startPlan, waitForPlan } from '../helpers/route-plans';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

/** Route sheets (PDF, Excel), the list of plans, who may see which plan, and plan files. */
let sys: TestSystem;
let dispatcher: Agent;
let admin: Agent;
let warehouses: Record<string, { id: string; latitude: number; longitude: number }>;
let shPlan: { id: string; number: string; result: any; plan: any };

beforeAll(async () => {
  sys = await startTestSystem();
  dispatcher = await sys.login('dispatcher');
  admin = await sys.login('admin');
  const list = await admin.get('/api/inventory/warehouses');
  warehouses = Object.fromEntries(list.body.items.map((w: { code: string }) => [w.code, w]));
  const demo = shanghaiDemoPlan({ stops: 24, warehouseId: warehouses['WH-SH'].id, timeLimitSeconds: 2 });
  const started = await startPlan(dispatcher, { ...demo, depot: undefined });
  const done = await waitForPlan(dispatcher, started.routePlan.id);
  expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
  shPlan = done;
});
afterAll(async () => sys?.close());

describe('route sheets', () => {
  it('renders a PDF with a page per vehicle and a summary page, embedding only a font subset', async () => {
    const res = await downloadAs(sys, 'dispatcher', `/api/route-plans/${shPlan.id}/sheets?format=pdf`);
    expect(res.status, res.body.toString()).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(`${shPlan.number}.pdf`);
    expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const routes = shPlan.result.routes.length;
    expect(routes).toBeGreaterThan(1);
    // Each route of ≤ 12 stops fits one page, plus the summary.
    expect(shPlan.result.routes.every((r: { stops: unknown[] }) => r.stops.length <= 12)).toBe(true);
    expect(pdfPageCount(res.body)).toBe(routes + 1);
    // A subset of Noto Sans SC, not the 10 MB font.
    expect(res.body.toString('latin1')).toMatch(/\/FontFile2/);
    expect(res.body.length).toBeLessThan(250_000);

    const one = await downloadAs(
      sys,
      'dispatcher',
      `/api/route-plans/${shPlan.id}/sheets?format=pdf&route=2`,
    );
    expect(one.status).toBe(200);
    expect(pdfPageCount(one.body)).toBe(1);
    expect(String(one.headers['content-disposition'])).toContain(`${shPlan.number}-2.pdf`);
  });

  it('continues a long route on further pages', async () => {
    const plan = {
      ...shanghaiDemoPlan({ stops: 40, oversizeOrder: false, timeLimitSeconds: 1 }),
      vehicles: [{ id: 'truck', count: 1, shiftStart: '00:00', shiftEnd: '48:00' }],
    };
    plan.stops = plan.stops.map(({ windows: _w, skills: _s, ...s }) => s);
    const started = await startPlan(dispatcher, plan);
    const done = await waitForPlan(dispatcher, started.routePlan.id);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.result.routes).toHaveLength(1);
    expect(done.result.routes[0].stops).toHaveLength(40);
    const res = await downloadAs(sys, 'dispatcher', `/api/route-plans/${done.id}/sheets?route=1`);
    expect(pdfPageCount(res.body)).toBeGreaterThanOrEqual(3);
  });

  it('renders an Excel workbook: a summary sheet and a sheet per vehicle with every stop in order', async () => {
    const res = await downloadAs(sys, 'dispatcher', `/api/route-plans/${shPlan.id}/sheets?format=xlsx`, 'en');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const routes = shPlan.result.routes;
    expect(wb.worksheets).toHaveLength(routes.length + 1);
    const summary = wb.worksheets[0];
    expect(summary.name).toBe('Route plan summary');
    expect(summary.getRow(XLSX_SUMMARY_HEADER_ROW).getCell(2).value).toBe('Vehicle');
    routes.forEach((route: { stops: { id: string }[]; km: number; costFen: number }, i: number) => {
      const row = summary.getRow(XLSX_SUMMARY_HEADER_ROW + 1 + i);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(3).value).toBe(route.stops.length);
      expect(row.getCell(6).value).toBe(route.km);
      expect(row.getCell(14).value).toBe(route.costFen / 100);

      const sheet = wb.worksheets[i + 1];
      expect(sheet.getCell('A4').value).toMatch(/Driver: _+/);
      expect(sheet.getRow(XLSX_STOP_HEADER_ROW).getCell(13).value).toBe('Signature');
      const ids = route.stops.map((_, k) => sheet.getRow(XLSX_STOP_HEADER_ROW + 1 + k).getCell(2).value);
      expect(ids).toEqual(route.stops.map((s) => s.id));
      expect(sheet.getRow(XLSX_STOP_HEADER_ROW + 1 + route.stops.length).getCell(2).value).toBeNull();
    });
    const unassigned = shPlan.result.unassigned;
    const lastRows: unknown[] = [];
    summary.eachRow((row) => lastRows.push(row.getCell(1).value));
    for (const u of unassigned) expect(lastRows).toContain(u.id);
  });

  it('refuses sheets for a plan that has not succeeded, and unknown routes', async () => {
    const long = { ...shanghaiDemoPlan({ stops: 30 }), timeLimitSeconds: 60 };
    const started = await startPlan(dispatcher, long);
    const early = await dispatcher.get(`/api/route-plans/${started.routePlan.id}/sheets`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('transport.route_plan.not_finished');
    await dispatcher.post(`/api/route-plans/${started.routePlan.id}/cancel`);
    const missing = await dispatcher.get(`/api/route-plans/${shPlan.id}/sheets?route=99`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('transport.route_plan.no_such_route');
  });
});

describe('plans list and scope', () => {
  async function scopedUser(name: string, warehouseCode: string) {
    const role = await admin.post('/api/org/roles', {
      code: name,
      nameZh: name,
      nameEn: name,
      departmentCode: 'transport',
      warehouseScoped: true,
      permissions: ['transport.route_plan.read', 'transport.route_plan.run', 'inventory.warehouse.read'],
    });
    expect(role.status, role.text).toBe(201);
    const user = await admin.post('/api/org/users', {
      username: name,
      displayName: name,
      password: 'Scope2026pass',
      roleCodes: [name],
      warehouseIds: [warehouses[warehouseCode].id],
    });
    expect(user.status, user.text).toBe(201);
    return sys.login(name, 'Scope2026pass');
  }

  it('lists plans newest first with filters; warehouse-scoped users see only their warehouses’ plans', async () => {
    const bj = warehouses['WH-BJ'];
    const bjStops = shanghaiDemoPlan({ stops: 6, oversizeOrder: false }).stops.map((s, i) => ({
      ...s,
      lat: bj.latitude + 0.01 * (i % 3),
      lon: bj.longitude + 0.01 * (i % 2),
      skills: undefined,
    }));
    const bjPlan = await startPlan(admin, {
      ...shanghaiDemoPlan(),
      name: '北京顺义 配送',
      warehouseId: bj.id,
      depot: undefined,
      stops: bjStops,
      timeLimitSeconds: 1,
    });
    await waitForPlan(admin, bjPlan.routePlan.id);

    const all = await dispatcher.get('/api/route-plans?limit=50');
    expect(all.status).toBe(200);
    const numbers = all.body.items.map((p: { number: string }) => p.number);
    expect(numbers).toContain(shPlan.number);
    expect(numbers).toContain(bjPlan.routePlan.number);
    const created = all.body.items.map((p: { createdAt: string }) => p.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const sh = all.body.items.find((p: { id: string }) => p.id === shPlan.id);
    expect(sh).toMatchObject({
      status: 'succeeded',
      warehouseCode: 'WH-SH',
      stopCount: 25,
      vehiclesUsed: shPlan.result.totals.vehicles,
      costFen: shPlan.result.totals.costFen,
      createdByName: '吴刚',
    });

    const searched = await dispatcher.get(`/api/route-plans?q=${encodeURIComponent('北京顺义')}`);
    expect(searched.body.items.map((p: { id: string }) => p.id)).toEqual([bjPlan.routePlan.id]);
    const page1 = await dispatcher.get('/api/route-plans?limit=1');
    expect(page1.body.items).toHaveLength(1);
    const page2 = await dispatcher.get(`/api/route-plans?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);

    const bjUser = await scopedUser('rp_bj', 'WH-BJ');
    const seen = await bjUser.get('/api/route-plans?limit=100');
    expect(seen.body.items.map((p: { id: string }) => p.id)).toEqual([bjPlan.routePlan.id]);
    expect((await bjUser.get(`/api/route-plans/${bjPlan.routePlan.id}`)).status).toBe(200);
    expect((await bjUser.get(`/api/route-plans/${shPlan.id}`)).status).toBe(404);
    expect((await bjUser.get(`/api/route-plans/${shPlan.id}/sheets`)).status).toBe(404);
    expect((await bjUser.get(`/api/route-plans/${shPlan.id}/progress`)).status).toBe(404);
    // Nor may they plan for a warehouse that is not theirs.
    const foreign = await bjUser.post('/api/route-plans', {
      ...shanghaiDemoPlan({ stops: 5 }),
      depot: undefined,
      warehouseId: warehouses['WH-SH'].id,
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('transport.warehouse_not_found');
    // A plan they create without a warehouse is theirs to see.
    const own = await startPlan(bjUser, { ...shanghaiDemoPlan({ stops: 5 }), timeLimitSeconds: 1 });
    const after = await bjUser.get('/api/route-plans?limit=100');
    expect(after.body.items.map((p: { id: string }) => p.id).sort()).toEqual(
      [bjPlan.routePlan.id, own.routePlan.id].sort(),
    );

    // Drivers read plans and download sheets.
    const driver = await sys.login('driver');
    expect((await driver.get(`/api/route-plans/${shPlan.id}`)).status).toBe(200);
    expect((await downloadAs(sys, 'driver', `/api/route-plans/${shPlan.id}/sheets`)).status).toBe(200);
  });
});

describe('plan files', () => {
  const parse = (body: string, format = 'auto') =>
    dispatcher.post(`/api/route-plans/parse?format=${format}`, body, {
      'content-type': 'application/octet-stream',
    });

  it('reads Solomon and CVRPLIB files into planar plans the solver can run', async () => {
    const solomon = [
      'C101-MINI',
      '',
      'VEHICLE',
      'NUMBER     CAPACITY',
      '  3         200',
      '',
      'CUSTOMER',
      'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
      '',
      '    0      40         50          0          0       1236          0',
      '    1      45         68         10        912        967         90',
      '    2      45         70         30        825        870         90',
      '    3      42         66         10         65        146         90',
      '    4      42         68         10        727        782         90',
    ].join('\n');
    const s = await parse(solomon);
    expect(s.status, s.text).toBe(200);
    expect(s.body.format).toBe('solomon');
    expect(s.body.plan).toMatchObject({ coordinates: 'planar', speedKmh: 60, depot: { x: 40, y: 50 } });
    expect(s.body.plan.stops[0]).toMatchObject({
      id: '1',
      x: 45,
      y: 68,
      items: 10,
      serviceMin: 90,
      windows: [{ from: '15:12', to: '16:07' }],
    });
    expect(s.body.plan.vehicles[0]).toMatchObject({ count: 3, capacityItems: 200, shiftEnd: '20:36' });
    const run = await startPlan(dispatcher, { ...s.body.plan, timeLimitSeconds: 1 });
    const done = await waitForPlan(dispatcher, run.routePlan.id);
    expect(done.status).toBe('succeeded');
    expect(done.result.totals.served).toBe(4);
    await expectFeasible(done.plan, done.result);

    const cvrp = [
      'NAME : A-mini-k2',
      'TYPE : CVRP',
      'DIMENSION : 4',
      'EDGE_WEIGHT_TYPE : EUC_2D',
      'CAPACITY : 10',
      'NODE_COORD_SECTION',
      '1 0 0',
      '2 3 4',
      '3 -3 4',
      '4 0 -5',
      'DEMAND_SECTION',
      '1 0',
      '2 6',
      '3 6',
      '4 3',
      'DEPOT_SECTION',
      '1',
      '-1',
      'EOF',
    ].join('\n');
    const c = await parse(cvrp);
    expect(c.status, c.text).toBe(200);
    expect(c.body.format).toBe('cvrplib');
    expect(c.body.plan.stops.map((x: { items: number }) => x.items)).toEqual([6, 6, 3]);
    expect(c.body.plan.vehicles[0].capacityItems).toBe(10);
    const json = await parse(JSON.stringify(shanghaiDemoPlan({ stops: 5 })));
    expect(json.body.format).toBe('wayline');
    expect(json.body.plan.stops).toHaveLength(6);
  });

  it('answers bad files with problem+json, never a 500', async () => {
    const unknown = await parse('hello, world');
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('transport.file.unknown_format');
    const badJson = await parse('{"stops": [', 'wayline');
    expect(badJson.body.code).toBe('transport.file.unreadable');
    const invalid = await parse(
      JSON.stringify({ depot: { lat: 31, lon: 121 }, stops: [{ id: 'A' }], vehicles: [] }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('transport.file.invalid_plan');
    const fields = invalid.body.issues.map((i: { field: string; code: string }) => `${i.field} ${i.code}`);
    expect(fields).toEqual(
      expect.arrayContaining(['file.stops.0.lat transport.coordinate_missing', 'file.vehicles too_small']),
    );
    expect((await parse('')).status).toBe(400);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.constantFrom('VEHICLE\nCUSTOMER\n1 2 3', 'NODE_COORD_SECTION\nDEMAND_SECTION\n1 x y'),
        ),
        fc.constantFrom('auto', 'solomon', 'cvrplib', 'wayline'),
        async (text, format) => {
          const res = await parse(text, format);
          expect(
            res.status === 200 || res.status === 400,
            `${format} ${JSON.stringify(text)} → ${res.text}`,
          ).toBe(true);
          if (res.status === 400) expect(String(res.headers['content-type'])).toContain('problem+json');
        },
      ),
      { numRuns: 60, seed: 20261125 },
    );
  });
});
