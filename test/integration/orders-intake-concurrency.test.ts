import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { newSku, orderBody, stock, stockOf, type TestSku, type World, worldOf } from './orders.support';

/**
 * Order placement at the pace integrations send it: numbers taken ahead of the intake transaction,
 * intake and allocation writing what they have in hand instead of reading it back, the bearer
 * token looked up once for a moment. Every order still gets its own number, history, audit entries
 * and event; a channel order sent many times at once is taken in once.
 */
let sys: TestSystem;
let w: World;
let sku: TestSku;
let lotted: TestSku;
let token: string;

beforeAll(async () => {
  sys = await startTestSystem();
  w = await worldOf(sys);
  sku = await newSku(w, 'FRESH');
  lotted = await newSku(w, 'FRESH', 'chilled');
  await stock(w, sku, 'WH-SH', 100);
  await stock(w, lotted, 'WH-SH', 100, 'chilled');
  const created = await w.admin.post('/api/org/tokens', {
    name: 'channel sync',
    permissions: ['orders.order.write', 'orders.order.read'],
  });
  expect(created.status, created.text).toBe(201);
  token = created.body.token;
});
afterAll(async () => sys?.close());

describe('many orders at once through a bearer token', () => {
  it('gives each order its own number, history, audit entries and allocation event', async () => {
    const bot = sys.bearer(token);
    const bodies = Array.from({ length: 12 }, (_, i) =>
      orderBody(w, 'FRESH', i % 3 ? [[sku, 1]] : [[lotted, 1]], i % 3 ? {} : { serviceType: 'cold_chain' }),
    );
    const replies = await Promise.all(
      bodies.map((b, i) => bot.post('/api/orders', b, { 'idempotency-key': `conc-${b.externalNo}-${i}` })),
    );
    for (const r of replies) expect(r.status, r.text).toBe(201);
    const numbers = replies.map((r) => r.body.number);
    expect(new Set(numbers).size).toBe(12);
    for (const r of replies) {
      expect(r.body.status).toBe('allocated');
      expect(r.body.history.map((h: any) => h.toStatus)).toEqual(['created', 'validated', 'allocated']);
      expect(r.body.history.every((h: any) => h.actorName === 'admin')).toBe(true);
      expect(r.body.allocations).toHaveLength(1);
    }
    // Chilled goods reserve a lot (FEFO), as before.
    expect(replies[0].body.allocations[0].lotCode).toBeTruthy();
    expect(await stockOf(w, sku, 'WH-SH')).toMatchObject({ reserved: 8 });
    expect(await stockOf(w, lotted, 'WH-SH')).toMatchObject({ reserved: 4 });

    const { tablesOf } = await import('../../src/platform/db');
    const db = tablesOf<any>(sys.database.db);
    const ids = replies.map((r) => r.body.id);
    const audits = await db
      .selectFrom('platform.audit_log')
      .select(['entity_id', 'action', 'actor_kind'])
      .where('entity_id', 'in', ids)
      .execute();
    for (const id of ids)
      expect(
        audits
          .filter((a) => a.entity_id === id)
          .map((a) => a.action)
          .sort(),
      ).toEqual(['allocate', 'create']);
    expect(audits.every((a) => a.actor_kind === 'token')).toBe(true);
    const events = await db
      .selectFrom('platform.outbox_event')
      .select(['payload'])
      .where('topic', '=', 'orders.order_allocated')
      .execute();
    const announced = new Set(
      events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload).orderId),
    );
    expect(ids.every((id) => announced.has(id))).toBe(true);
  });

  it('takes a channel order sent many times at once in only once', async () => {
    const bot = sys.bearer(token);
    const body = orderBody(w, 'FRESH', [[sku, 2]]);
    const before = await stockOf(w, sku, 'WH-SH');
    const replies = await Promise.all(Array.from({ length: 6 }, () => bot.post('/api/orders', body)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(replies.filter((r) => r.body.resent)).toHaveLength(5);
    expect(await stockOf(w, sku, 'WH-SH')).toMatchObject({ reserved: before.reserved + 2 });
  });

  it('shares the last units among orders placed at the same moment and queues the rest as out of stock', async () => {
    const scarce = await newSku(w, 'FRESH');
    await stock(w, scarce, 'WH-SH', 5);
    const bot = sys.bearer(token);
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => bot.post('/api/orders', orderBody(w, 'FRESH', [[scarce, 1]]))),
    );
    for (const r of replies) expect(r.status, r.text).toBe(201);
    const allocated = replies.filter((r) => r.body.status === 'allocated');
    const queued = replies.filter((r) => r.body.status === 'exception');
    expect(allocated).toHaveLength(5);
    expect(queued).toHaveLength(3);
    for (const r of allocated) expect(r.body.allocations).toEqual([expect.objectContaining({ qty: 1 })]);
    for (const r of queued) {
      expect(r.body.issues.map((i: any) => i.code)).toEqual(['out_of_stock']);
      expect(r.body.history.map((h: any) => h.toStatus)).toEqual(['created', 'validated', 'exception']);
      expect(r.body.decisions.map((d: any) => d.code)).toEqual(['out_of_stock']);
      expect(r.body.allocations).toEqual([]);
    }
    expect(await stockOf(w, scarce, 'WH-SH')).toMatchObject({ reserved: 5 });
  });

  it('shares the last units between two groups taken in at the same moment, nothing reserved twice', async () => {
    // Each group plans against the stock it read, then reserves after writing its orders; the group
    // that finds its units gone is taken in again, reserving first.
    const scarce = await newSku(w, 'FRESH');
    await stock(w, scarce, 'WH-SH', 5);
    const { intakeTogether } = await import('../../src/modules/orders/order.create');
    const { orderInput } = await import('../../src/modules/orders/order.input');
    const { systemActor } = await import('../../src/platform/auth/principal');
    const ctx = () => ({
      actor: systemActor('race'),
      now: new Date(),
      lang: 'en' as const,
      merchantScope: null,
      source: 'api' as const,
    });
    const drafts = () =>
      Array.from({ length: 4 }, () => orderInput.parse(orderBody(w, 'FRESH', [[scarce, 1]])) as any);
    const groups = await Promise.all([
      intakeTogether(sys.database.db, drafts(), ctx()),
      intakeTogether(sys.database.db, drafts(), ctx()),
    ]);
    const taken = groups.flat();
    expect(taken.map((o) => o.result)).toEqual(Array(8).fill('created'));
    const stored = await Promise.all(taken.map((o) => w.admin.get(`/api/orders/${o.id}`)));
    const allocated = stored.filter((r) => r.body.status === 'allocated');
    expect(allocated).toHaveLength(5);
    expect(stored.filter((r) => r.body.status === 'exception')).toHaveLength(3);
    for (const r of stored)
      expect(r.body.allocations).toEqual(
        r.body.status === 'allocated' ? [expect.objectContaining({ qty: 1 })] : [],
      );
    expect(await stockOf(w, scarce, 'WH-SH')).toMatchObject({ reserved: 5 });
    const { auditStock } = await import('../../src/modules/inventory');
    expect((await auditStock(sys.database.db)).discrepancies).toEqual([]);
  });

  it('takes in a channel order two groups hold at once only once, and gives back what the loser reserved', async () => {
    // Both groups plan against the same free stock; the one that commits second finds two of its
    // channel orders taken in by the other and its own orders short, and is taken in again
    // reserving first — the units it reserves for the two it then cannot write go back.
    const scarce = await newSku(w, 'FRESH');
    await stock(w, scarce, 'WH-SH', 6);
    const { intakeTogether } = await import('../../src/modules/orders/order.create');
    const { orderInput } = await import('../../src/modules/orders/order.input');
    const { systemActor } = await import('../../src/platform/auth/principal');
    const ctx = () => ({
      actor: systemActor('race'),
      now: new Date(),
      lang: 'en' as const,
      merchantScope: null,
      source: 'api' as const,
    });
    const draft = () => orderInput.parse(orderBody(w, 'FRESH', [[scarce, 1]])) as any;
    const shared = [draft(), draft()];
    const [first, second] = await Promise.all([
      intakeTogether(sys.database.db, [...shared, draft(), draft()], ctx()),
      intakeTogether(sys.database.db, [...shared, draft(), draft(), draft()], ctx()),
    ]);
    // Each shared channel order is one order, created by one group and recognised by the other.
    for (const k of [0, 1]) {
      expect([first[k].result, second[k].result].sort()).toEqual(['created', 'existing']);
      expect(first[k].id).toBe(second[k].id);
    }
    const own = [...first.slice(2), ...second.slice(2)];
    const stored = await Promise.all(
      [first[0], first[1], ...own].map((o) => w.admin.get(`/api/orders/${o.id}`)),
    );
    const allocated = stored.filter((r) => r.body.status === 'allocated');
    expect(allocated).toHaveLength(6);
    expect(stored.filter((r) => r.body.status === 'exception')).toHaveLength(1);
    expect(await stockOf(w, scarce, 'WH-SH')).toMatchObject({ reserved: 6, onHand: 6 });
    const { auditStock } = await import('../../src/modules/inventory');
    expect((await auditStock(sys.database.db)).discrepancies).toEqual([]);
  });

  it('splits an order in its group, its parcels reserved all or none against a group racing for them', async () => {
    const { intakeTogether } = await import('../../src/modules/orders/order.create');
    const { orderInput } = await import('../../src/modules/orders/order.input');
    const { systemActor } = await import('../../src/platform/auth/principal');
    const ctx = () => ({
      actor: systemActor('race'),
      now: new Date(),
      lang: 'en' as const,
      merchantScope: null,
      source: 'api' as const,
    });
    const onlySh = await newSku(w, 'FRESH');
    const scarceGz = await newSku(w, 'FRESH');
    await stock(w, onlySh, 'WH-SH', 10);
    await stock(w, scarceGz, 'WH-GZ', 3);
    const draft = (lines: Array<[TestSku, number]>) => orderInput.parse(orderBody(w, 'FRESH', lines)) as any;
    // In the group's own transaction: answered from what it wrote, parts and all.
    const [alone] = await intakeTogether(
      sys.database.db,
      [
        draft([
          [onlySh, 1],
          [scarceGz, 1],
        ]),
      ],
      ctx(),
    );
    expect(alone.allocating).toBeUndefined();
    expect(alone.status).toBe('allocated');
    expect(alone.parts?.family.map((f) => f.number)).toEqual([alone.number, `${alone.number}-2`]);
    expect(alone.parts?.lines.map((l) => l.sku_id)).toEqual([onlySh.id]);

    // Two units left at WH-GZ, wanted whole by both groups: the split order gets both parcels or neither.
    const [split, rival] = await Promise.all([
      intakeTogether(
        sys.database.db,
        [
          draft([
            [onlySh, 1],
            [scarceGz, 2],
          ]),
        ],
        ctx(),
      ),
      intakeTogether(sys.database.db, [draft([[scarceGz, 2]])], ctx()),
    ]);
    expect([split[0].status, rival[0].status].sort()).toEqual(['allocated', 'exception']);
    expect(await stockOf(w, scarceGz, 'WH-GZ')).toMatchObject({ reserved: 3 });
    expect(await stockOf(w, onlySh, 'WH-SH')).toMatchObject({
      reserved: split[0].status === 'allocated' ? 2 : 1,
    });
    const parts = await w.admin.get(`/api/orders?q=${split[0].number}-`);
    expect(parts.body.items).toHaveLength(split[0].status === 'allocated' ? 1 : 0);
    const { auditStock } = await import('../../src/modules/inventory');
    expect((await auditStock(sys.database.db)).discrepancies).toEqual([]);
  });

  it("plans no stock for channel orders taken in before, so the group's own orders get it", async () => {
    // With duplicate detection off, channel orders sent again reach the plan (with it on, they
    // reach it only in a race: stored by another process between the duplicate check and the plan).
    // The second group's first plan gives the last two units to the two channel orders the first
    // group took in already (the insert then finds them stored) and none to its own; it is planned
    // again without them.
    const before = (await w.admin.get('/api/orders/settings')).body.duplicateWindowHours;
    expect((await w.admin.put('/api/orders/settings', { duplicateWindowHours: 0 })).status).toBe(200);
    try {
      const scarce = await newSku(w, 'FRESH');
      await stock(w, scarce, 'WH-SH', 6);
      const { intakeTogether } = await import('../../src/modules/orders/order.create');
      const { orderInput } = await import('../../src/modules/orders/order.input');
      const { systemActor } = await import('../../src/platform/auth/principal');
      const ctx = () => ({
        actor: systemActor('resend'),
        now: new Date(),
        lang: 'en' as const,
        merchantScope: null,
        source: 'api' as const,
      });
      const draft = () => orderInput.parse(orderBody(w, 'FRESH', [[scarce, 1]])) as any;
      const shared = [draft(), draft()];
      const first = await intakeTogether(sys.database.db, [...shared, draft(), draft()], ctx());
      const second = await intakeTogether(sys.database.db, [...shared, draft(), draft(), draft()], ctx());
      expect(first.map((o) => o.status)).toEqual(Array(4).fill('allocated'));
      expect(second.map((o) => o.result)).toEqual(['existing', 'existing', 'created', 'created', 'created']);
      expect(second.slice(2).map((o) => o.status)).toEqual(['allocated', 'allocated', 'exception']);
      expect(await stockOf(w, scarce, 'WH-SH')).toMatchObject({ reserved: 6, onHand: 6 });
    } finally {
      await w.admin.put('/api/orders/settings', { duplicateWindowHours: before });
    }
  });

  it('answers each placement with the order exactly as stored', async () => {
    const scarce = await newSku(w, 'FRESH');
    await stock(w, scarce, 'WH-SH', 1);
    // Nowhere together: an order of both is split by its group, in its transaction.
    const onlySh = await newSku(w, 'FRESH');
    const onlyGz = await newSku(w, 'FRESH');
    await stock(w, onlySh, 'WH-SH', 5);
    await stock(w, onlyGz, 'WH-GZ', 5);
    const bot = sys.bearer(token);
    const bodies = [
      orderBody(w, 'FRESH', [[sku, 1]]),
      orderBody(
        w,
        'FRESH',
        [
          [sku, 2],
          [lotted, 1],
        ],
        { serviceType: 'cold_chain', notes: '轻放' },
      ),
      orderBody(w, 'FRESH', [[scarce, 1]]),
      orderBody(w, 'FRESH', [[scarce, 1]]),
      orderBody(w, 'FRESH', [[sku, 1]], { consignee: { address: '请放在门口，谢谢' } }),
      orderBody(w, 'FRESH', [
        [onlySh, 1],
        [sku, 1],
        [onlyGz, 2],
      ]),
    ];
    const replies = await Promise.all(bodies.map((b) => bot.post('/api/orders', b)));
    expect(replies.map((r) => r.body.status).sort()).toEqual([
      'allocated',
      'allocated',
      'allocated',
      'allocated',
      'exception',
      'exception',
    ]);
    const split = replies[5].body;
    expect(split.decisions[0].code).toBe('split_required');
    expect(split.history.map((h: any) => h.action)).toEqual(['created', 'validate', 'split', 'allocate']);
    expect(split.family).toEqual([
      expect.objectContaining({ number: `${split.number}-2`, status: 'allocated' }),
    ]);
    const part = (await w.admin.get(`/api/orders/${split.family[0].id}`)).body;
    expect(part).toMatchObject({
      parentId: split.id,
      warehouseId: w.warehouses['WH-GZ'].id,
      totalFen: 2 * 1990,
    });
    expect(part.lines).toEqual([expect.objectContaining({ skuId: onlyGz.id, qty: 2, lineNo: 1 })]);
    expect(part.history.map((h: any) => [h.action, h.toStatus])).toEqual([
      ['created', 'validated'],
      ['allocate', 'allocated'],
    ]);
    expect(part.decisions[0].code).toBe('split_part');
    expect(part.allocations).toEqual([expect.objectContaining({ qty: 2 })]);
    expect((await stockOf(w, onlySh, 'WH-SH')).reserved).toBe(1);
    expect((await stockOf(w, onlyGz, 'WH-GZ')).reserved).toBe(2);
    for (const r of replies) {
      expect(r.status, r.text).toBe(201);
      const { resent, ...answer } = r.body;
      expect(resent).toBe(false);
      const stored = await w.admin.get(`/api/orders/${r.body.id}`);
      expect(answer).toEqual(stored.body);
    }
  });

  it('keeps each request its own id in the audit log and on the ledger when orders go in together', async () => {
    const bot = sys.bearer(token);
    const bodies = Array.from({ length: 6 }, () => orderBody(w, 'FRESH', [[sku, 1]]));
    const replies = await Promise.all(
      bodies.map((b, i) => bot.post('/api/orders', b, { 'x-request-id': `group-${b.externalNo}-${i}` })),
    );
    for (const r of replies) expect(r.status, r.text).toBe(201);
    const { tablesOf } = await import('../../src/platform/db');
    const db = tablesOf<any>(sys.database.db);
    for (const [i, r] of replies.entries()) {
      const requestId = `group-${bodies[i].externalNo}-${i}`;
      const audits = await db
        .selectFrom('platform.audit_log')
        .select(['action', 'request_id'])
        .where('entity_id', '=', r.body.id)
        .execute();
      expect(audits.map((a) => a.action).sort()).toEqual(['allocate', 'create']);
      expect(audits.every((a) => a.request_id === requestId)).toBe(true);
      const moves = await db
        .selectFrom('inventory.movement')
        .select(['type', 'request_id'])
        .where('source_id', '=', r.body.number)
        .execute();
      expect(moves).toEqual([{ type: 'reserve', request_id: requestId }]);
    }
  });

  it('keeps each request its own id in the audit log when the desk allocates by hand', async () => {
    const logistics = w.admin;
    expect((await logistics.put('/api/orders/settings', { autoAllocate: false })).status).toBe(200);
    try {
      const bot = sys.bearer(token);
      const bodies = Array.from({ length: 6 }, () => orderBody(w, 'FRESH', [[sku, 1]]));
      const replies = await Promise.all(
        bodies.map((b, i) => bot.post('/api/orders', b, { 'x-request-id': `manual-${b.externalNo}-${i}` })),
      );
      const { tablesOf } = await import('../../src/platform/db');
      const db = tablesOf<any>(sys.database.db);
      for (const [i, r] of replies.entries()) {
        expect(r.status, r.text).toBe(201);
        expect(r.body.status).toBe('validated');
        const audits = await db
          .selectFrom('platform.audit_log')
          .select(['action', 'request_id'])
          .where('entity_id', '=', r.body.id)
          .execute();
        expect(audits).toEqual([{ action: 'create', request_id: `manual-${bodies[i].externalNo}-${i}` }]);
      }
    } finally {
      await logistics.put('/api/orders/settings', { autoAllocate: true });
    }
  });

  it('stops a revoked token at once', async () => {
    const created = await w.admin.post('/api/org/tokens', {
      name: 'short-lived',
      permissions: ['orders.order.read'],
    });
    const bot = sys.bearer(created.body.token);
    expect((await bot.get('/api/orders?limit=1')).status).toBe(200);
    expect((await w.admin.delete(`/api/org/tokens/${created.body.id}`)).status).toBe(200);
    expect((await bot.get('/api/orders?limit=1')).status).toBe(401);
  });
});
