import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, type Db, openDatabase } from '../db/database';
import { inTransaction } from '../db/transaction';
import { openTestDatabase, type TestDatabase, testPostgresUrl } from '../lib/test-database';
import { fixedClock, systemClock, type TestClock } from '../time/clock';
import {
  createOutboxDispatcher,
  type DeliveredEvent,
  getDeliveries,
  type OutboxHandler,
  pruneOutbox,
  publish,
  retryAbandonedDeliveries,
} from './index';

const quiet = () => {};

function recorder(name: string, topics: string[]) {
  const seen: DeliveredEvent[] = [];
  const handler: OutboxHandler = {
    name,
    topics,
    async handle(_db, event) {
      seen.push(event);
    },
  };
  return { handler, seen };
}

const publishNow = (db: Db, topic: string, payload: unknown, now: Date, availableAt?: Date) =>
  inTransaction(db, (trx) => publish(trx, topic, payload, now, { availableAt }));

describe('outbox on PGlite', () => {
  let t: TestDatabase;
  let clock: TestClock;
  beforeAll(async () => {
    t = await openTestDatabase('pglite');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    clock = fixedClock('2026-11-22T01:00:00Z');
    await t.db.deleteFrom('platform.outbox_event').execute();
    await t.db.deleteFrom('platform.outbox_subscription').execute();
  });

  it('delivers committed events to every subscribed handler, and nothing from a rolled-back transaction', async () => {
    const a = recorder('notify', ['orders.confirmed']);
    const b = recorder('kpi', ['orders.confirmed', 'orders.shipped']);
    const c = recorder('other', ['stock.moved']);
    const dispatcher = createOutboxDispatcher({
      db: t.db,
      handlers: [a.handler, b.handler, c.handler],
      now: clock.now,
      onError: quiet,
    });

    const event = await publishNow(
      t.db,
      'orders.confirmed',
      { orderId: 'o-1', totalMinor: 1990 },
      clock.now(),
    );
    await expect(
      inTransaction(t.db, async (trx) => {
        await publish(trx, 'orders.confirmed', { orderId: 'ghost' }, clock.now());
        throw new Error('business change failed');
      }),
    ).rejects.toThrow('business change failed');

    const result = await dispatcher.drainOnce();
    expect(result).toMatchObject({ fannedOut: 1, claimed: 2, delivered: 2, failed: 0 });
    expect(a.seen.map((e) => e.payload)).toEqual([{ orderId: 'o-1', totalMinor: 1990 }]);
    expect(a.seen[0]).toMatchObject({
      id: event.id,
      topic: 'orders.confirmed',
      handler: 'notify',
      attempt: 1,
    });
    expect(b.seen.map((e) => e.id)).toEqual([event.id]);
    expect(c.seen).toEqual([]);

    // Delivered work is not delivered again.
    expect(await dispatcher.drainOnce()).toMatchObject({ claimed: 0, delivered: 0 });
    expect(a.seen).toHaveLength(1);
    const states = await getDeliveries(t.db, event.id);
    expect(states.map((s) => [s.handler, s.deliveredAt?.toISOString(), s.attempts])).toEqual([
      ['kpi', '2026-11-22T01:00:00.000Z', 1],
      ['notify', '2026-11-22T01:00:00.000Z', 1],
    ]);
  });

  it('retries a handler that fails once, after a backoff, and records the error meanwhile', async () => {
    let calls = 0;
    const flaky: OutboxHandler = {
      name: 'webhook',
      topics: ['orders.shipped'],
      async handle() {
        calls++;
        if (calls === 1) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      },
    };
    const dispatcher = createOutboxDispatcher({
      db: t.db,
      handlers: [flaky],
      now: clock.now,
      retry: { baseMs: 30_000 },
      onError: quiet,
    });
    const event = await publishNow(t.db, 'orders.shipped', { shipmentId: 's-1' }, clock.now());

    expect(await dispatcher.drainOnce()).toMatchObject({ claimed: 1, delivered: 0, failed: 1 });
    let [state] = await getDeliveries(t.db, event.id);
    expect(state).toMatchObject({
      deliveredAt: null,
      attempts: 1,
      lastError: 'ECONNREFUSED: connect ECONNREFUSED',
    });
    expect(state.nextAttemptAt.toISOString()).toBe('2026-11-22T01:00:30.000Z');

    // Not before the backoff has passed.
    clock.advance(29_000);
    expect(await dispatcher.drainOnce()).toMatchObject({ claimed: 0 });
    expect(calls).toBe(1);

    clock.advance(1_000);
    expect(await dispatcher.drainOnce()).toMatchObject({ claimed: 1, delivered: 1, failed: 0 });
    [state] = await getDeliveries(t.db, event.id);
    expect(state).toMatchObject({ attempts: 2, lastError: null });
    expect(state.deliveredAt?.toISOString()).toBe('2026-11-22T01:00:30.000Z');
    expect(calls).toBe(2);
  });

  it('gives up after maxAttempts, and an operator can retry abandoned deliveries', async () => {
    let fail = true;
    const handler: OutboxHandler = {
      name: 'broken',
      topics: ['x.y'],
      async handle() {
        if (fail) throw new Error('still broken');
      },
    };
    const dispatcher = createOutboxDispatcher({
      db: t.db,
      handlers: [handler],
      now: clock.now,
      retry: { baseMs: 1000, maxAttempts: 2 },
      onError: quiet,
    });
    const event = await publishNow(t.db, 'x.y', {}, clock.now());
    await dispatcher.drainOnce();
    clock.advance(1000);
    await dispatcher.drainOnce();
    clock.advance(3_600_000);
    expect(await dispatcher.drainOnce()).toMatchObject({ claimed: 0 });
    let [state] = await getDeliveries(t.db, event.id);
    expect(state.attempts).toBe(2);
    expect(state.gaveUpAt).not.toBeNull();

    fail = false;
    expect(await retryAbandonedDeliveries(t.db, clock.now())).toBe(1);
    expect(await dispatcher.drainOnce()).toMatchObject({ delivered: 1 });
    [state] = await getDeliveries(t.db, event.id);
    expect(state.deliveredAt).not.toBeNull();
  });

  it('holds delayed events until they are available', async () => {
    const r = recorder('sla', ['orders.sla_due']);
    const dispatcher = createOutboxDispatcher({
      db: t.db,
      handlers: [r.handler],
      now: clock.now,
      onError: quiet,
    });
    await publishNow(
      t.db,
      'orders.sla_due',
      { orderId: 'o-9' },
      clock.now(),
      new Date('2026-11-22T03:00:00Z'),
    );
    expect(await dispatcher.drainOnce()).toMatchObject({ fannedOut: 1, claimed: 0 });
    clock.set('2026-11-22T03:00:00Z');
    expect(await dispatcher.drainOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(r.seen[0].payload).toEqual({ orderId: 'o-9' });
  });

  it('a handler that subscribes later still gets the events already fanned out', async () => {
    const early = recorder('early', ['catalog.sku_created']);
    await publishNow(t.db, 'catalog.sku_created', { sku: 'A' }, clock.now());
    await createOutboxDispatcher({
      db: t.db,
      handlers: [early.handler],
      now: clock.now,
      onError: quiet,
    }).drainOnce();
    expect(early.seen).toHaveLength(1);

    const late = recorder('search_index', ['catalog.sku_created']);
    const second = createOutboxDispatcher({
      db: t.db,
      handlers: [late.handler],
      now: clock.now,
      onError: quiet,
    });
    expect(await second.drainOnce()).toMatchObject({ fannedOut: 0, delivered: 1 });
    expect(late.seen.map((e) => e.payload)).toEqual([{ sku: 'A' }]);
  });

  it('fans out to handlers registered by another process even if this one does not run them', async () => {
    const remote = recorder('remote', ['orders.cancelled']);
    const remoteDispatcher = createOutboxDispatcher({
      db: t.db,
      handlers: [remote.handler],
      now: clock.now,
      onError: quiet,
    });
    await remoteDispatcher.drainOnce(); // registers its subscription
    await publishNow(t.db, 'orders.cancelled', { orderId: 'o-2' }, clock.now());
    const local = createOutboxDispatcher({ db: t.db, handlers: [], now: clock.now, onError: quiet });
    expect(await local.drainOnce()).toMatchObject({ fannedOut: 1, claimed: 0 });
    expect(await remoteDispatcher.drainOnce()).toMatchObject({ fannedOut: 0, delivered: 1 });
    expect(remote.seen).toHaveLength(1);
  });

  it('start() polls in the background and stop() waits for the delivery in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let finished = false;
    const slow: OutboxHandler = {
      name: 'slow',
      topics: ['reports.ready'],
      async handle() {
        started();
        await gate;
        finished = true;
      },
    };
    const dispatcher = createOutboxDispatcher({
      db: t.db,
      handlers: [slow],
      now: systemClock.now,
      pollMs: 10,
      onError: quiet,
    });
    dispatcher.start();
    const event = await publishNow(t.db, 'reports.ready', {}, systemClock.now());
    dispatcher.wake();
    await handlerStarted;
    const stopped = dispatcher.stop();
    let stopResolved = false;
    void stopped.then(() => {
      stopResolved = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(stopResolved).toBe(false);
    release();
    await stopped;
    expect(finished).toBe(true);
    const [state] = await getDeliveries(t.db, event.id);
    expect(state.deliveredAt).not.toBeNull();
  });

  it('a leased delivery is not handed out again until its lease expires (crashed process)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const calls: string[] = [];
    const handlerFor = (who: string): OutboxHandler => ({
      name: 'mailer',
      topics: ['orders.paid'],
      async handle() {
        calls.push(who);
        if (who === 'a') await gate;
      },
    });
    const options = { db: t.db, now: clock.now, leaseMs: 60_000, onError: quiet };
    const a = createOutboxDispatcher({ ...options, handlers: [handlerFor('a')] });
    const b = createOutboxDispatcher({ ...options, handlers: [handlerFor('b')] });
    const event = await publishNow(t.db, 'orders.paid', {}, clock.now());
    const first = a.drainOnce();
    while (calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(await b.drainOnce()).toMatchObject({ claimed: 0 });
    // Process A is presumed dead once its lease has run out.
    clock.advance(60_000);
    expect(await b.drainOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(calls).toEqual(['a', 'b']);
    release();
    // A's late completion does not overwrite B's record: it no longer holds the lease.
    expect(await first).toMatchObject({ claimed: 1 });
    const [state] = await getDeliveries(t.db, event.id);
    expect(state.attempts).toBe(2);
    expect(state.deliveredAt?.toISOString()).toBe('2026-11-22T01:01:00.000Z');
  });

  it('pruneOutbox deletes only events every handler is done with', async () => {
    let fail = true;
    const h: OutboxHandler = {
      name: 'picky',
      topics: ['a.b'],
      async handle(_db, event) {
        if (fail && (event.payload as { n: number }).n === 2) throw new Error('no');
      },
    };
    const dispatcher = createOutboxDispatcher({ db: t.db, handlers: [h], now: clock.now, onError: quiet });
    const one = await publishNow(t.db, 'a.b', { n: 1 }, clock.now());
    const two = await publishNow(t.db, 'a.b', { n: 2 }, clock.now());
    await dispatcher.drainOnce();
    clock.advance(86_400_000);
    const three = await publishNow(t.db, 'a.b', { n: 3 }, clock.now());
    await dispatcher.drainOnce();
    expect(await pruneOutbox(t.db, new Date(clock.now().getTime() - 1000))).toBe(1);
    const left = await t.db.selectFrom('platform.outbox_event').select('id').orderBy('created_at').execute();
    expect(left.map((r) => r.id).sort()).toEqual([two.id, three.id].sort());
    expect(left.map((r) => r.id)).not.toContain(one.id);
    fail = false;
  });
});

describe.skipIf(!testPostgresUrl)('outbox on PostgreSQL with two dispatcher processes', () => {
  let t: TestDatabase;
  let second: Database;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    second = await openDatabase({ kind: 'postgres', url: t.url!, maxConnections: 10 });
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });
  afterEach(() => {});

  it('never delivers the same (event, handler) twice at once, and delivers each exactly once without failures', async () => {
    const inFlight = new Set<string>();
    const counts = new Map<string, number>();
    const overlaps: string[] = [];
    const byDispatcher = { first: 0, second: 0 };
    const makeHandlers = (who: 'first' | 'second'): OutboxHandler[] =>
      ['mailer', 'ledger'].map((name) => ({
        name,
        topics: ['orders.confirmed'],
        async handle(_db, event) {
          const key = `${event.id}/${name}`;
          if (inFlight.has(key)) overlaps.push(key);
          inFlight.add(key);
          await new Promise((r) => setTimeout(r, (event.payload as { n: number }).n % 3));
          inFlight.delete(key);
          counts.set(key, (counts.get(key) ?? 0) + 1);
          byDispatcher[who]++;
        },
      }));
    const options = { now: systemClock.now, pollMs: 5, batch: 10, concurrency: 4, onError: quiet };
    const a = createOutboxDispatcher({ ...options, db: t.db, handlers: makeHandlers('first') });
    const b = createOutboxDispatcher({ ...options, db: second.db, handlers: makeHandlers('second') });
    await Promise.all([a.drainOnce(), b.drainOnce()]); // both register subscriptions first

    const events = 150;
    await Promise.all(
      Array.from({ length: events }, (_, n) =>
        publishNow(t.db, 'orders.confirmed', { n }, systemClock.now()),
      ),
    );
    a.start();
    b.start();
    const deadline = Date.now() + 30_000;
    while (counts.size < events * 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await Promise.all([a.stop(), b.stop()]);

    expect(overlaps).toEqual([]);
    expect(counts.size).toBe(events * 2);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(byDispatcher.first).toBeGreaterThan(0);
    expect(byDispatcher.second).toBeGreaterThan(0);
    const undelivered = await t.db
      .selectFrom('platform.outbox_delivery')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('delivered_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(undelivered.n)).toBe(0);
  });
});
