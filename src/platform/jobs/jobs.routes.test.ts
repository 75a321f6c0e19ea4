import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { sendProblem, toProblem } from '../http/problem';
import '../http/types';
import { registerMessages } from '../i18n/i18n';
import { platformMessages } from '../i18n/platform.messages';
import { openTestDatabase, type TestDatabase } from '../lib/test-database';
import { fixedClock } from '../time/clock';
import { createJobRunner, enqueueJob, getJob, jobRoutes, READ_ALL_JOBS } from './index';

const alice = '0193a000-0000-7000-8000-00000000000a';
const bob = '0193a000-0000-7000-8000-00000000000b';
const auditor = '0193a000-0000-7000-8000-00000000000c';

const principal = (userId: string, permissions: string[] = []): Principal => ({
  via: 'token',
  userId,
  username: userId.slice(-1),
  displayName: userId,
  permissions: new Set(permissions),
  merchantId: null,
  warehouseIds: 'all',
  sessionId: null,
  csrfToken: null,
  tokenId: 't',
});
const users: Record<string, Principal> = {
  alice: principal(alice),
  bob: principal(bob),
  auditor: principal(auditor, [READ_ALL_JOBS]),
};

describe('job routes', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const clock = fixedClock('2026-11-22T03:00:00Z');
  const routeConfigs: Array<{
    url: string;
    method: string;
    permission: unknown;
    tags: unknown;
    summary: unknown;
  }> = [];

  beforeAll(async () => {
    t = await openTestDatabase('pglite');
    registerMessages(platformMessages);
    // A stand-in for platform/http's app: the same compilers, decorations and error handler.
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.decorate('db', t.db);
    app.decorate('now', clock.now);
    app.decorateRequest('principal', null);
    app.decorateRequest('lang', 'en');
    app.addHook('onRoute', (route) => {
      const schema = (route.schema ?? {}) as { tags?: unknown; summary?: unknown };
      routeConfigs.push({
        url: route.url,
        method: String(route.method),
        permission: route.config?.permission,
        tags: schema.tags,
        summary: schema.summary,
      });
    });
    app.addHook('onRequest', async (request) => {
      request.lang = 'en';
      const who = request.headers['x-user'];
      request.principal = typeof who === 'string' ? (users[who] ?? null) : null;
    });
    app.setErrorHandler((error, request, reply) => {
      const { status, problem } = toProblem(error, request);
      return sendProblem(reply, status, problem);
    });
    await app.register(jobRoutes);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.db.deleteFrom('platform.job').execute();
  });

  const as = (who: string, method: 'GET' | 'POST', url: string) =>
    app.inject({ method, url, headers: { 'x-user': who } });

  it('declares access and OpenAPI metadata on every route', () => {
    const routes = routeConfigs.filter((r) => r.method !== 'HEAD');
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /api/jobs',
      'GET /api/jobs/:id',
      'GET /api/jobs/:id/events',
      'POST /api/jobs/:id/cancel',
    ]);
    for (const r of routes) {
      expect(r.permission).toBe('authenticated');
      expect(r.tags).toEqual(['jobs']);
      expect(typeof r.summary).toBe('string');
    }
  });

  it('lists only the caller’s jobs unless they may read all', async () => {
    await enqueueJob(t.db, { kind: 'report.a', payload: {}, createdBy: alice, now: clock.now() });
    await enqueueJob(t.db, { kind: 'report.b', payload: {}, createdBy: bob, now: clock.now() });
    const mine = await as('alice', 'GET', '/api/jobs');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((j: { kind: string }) => j.kind)).toEqual(['report.a']);
    expect(mine.json().items[0]).toEqual({
      id: expect.any(String),
      kind: 'report.a',
      status: 'queued',
      progress: 0,
      progressMessage: null,
      result: null,
      error: null,
      createdAt: '2026-11-22T03:00:00.000Z',
      startedAt: null,
      finishedAt: null,
      cancelRequested: false,
    });
    expect((await as('alice', 'GET', '/api/jobs?scope=all')).statusCode).toBe(403);
    const all = await as('auditor', 'GET', '/api/jobs?scope=all');
    expect(all.json().items).toHaveLength(2);
    const auditorsOwn = await as('auditor', 'GET', '/api/jobs');
    expect(auditorsOwn.json().items).toHaveLength(0);
  });

  it('hides other users’ jobs behind 404, except from holders of platform.job.read_all', async () => {
    const job = await enqueueJob(t.db, { kind: 'report.a', payload: {}, createdBy: alice, now: clock.now() });
    expect((await as('alice', 'GET', `/api/jobs/${job.id}`)).json()).toMatchObject({
      id: job.id,
      status: 'queued',
    });
    const hidden = await as('bob', 'GET', `/api/jobs/${job.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toContain('application/problem+json');
    expect(hidden.json()).toMatchObject({ code: 'job_not_found', detail: `Job ${job.id} was not found.` });
    expect((await as('bob', 'POST', `/api/jobs/${job.id}/cancel`)).statusCode).toBe(404);
    expect((await as('bob', 'GET', `/api/jobs/${job.id}/events`)).statusCode).toBe(404);
    expect((await getJob(t.db, job.id))?.status).toBe('queued');
    expect((await as('auditor', 'GET', `/api/jobs/${job.id}`)).statusCode).toBe(200);
    expect((await as('alice', 'GET', '/api/jobs/not-a-uuid')).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: `/api/jobs/${job.id}` })).statusCode).toBe(401);
  });

  it('cancels the caller’s job; a finished one is a 409', async () => {
    const job = await enqueueJob(t.db, { kind: 'report.a', payload: {}, createdBy: alice, now: clock.now() });
    const res = await as('alice', 'POST', `/api/jobs/${job.id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      cancelRequested: true,
      finishedAt: '2026-11-22T03:00:00.000Z',
    });
    const done = await enqueueJob(t.db, {
      kind: 'report.a',
      payload: {},
      createdBy: alice,
      now: clock.now(),
    });
    await createJobRunner({
      db: t.db,
      now: clock.now,
      handlers: { 'report.a': async () => ({ ok: true }) },
    }).runOnce();
    const late = await as('alice', 'POST', `/api/jobs/${done.id}/cancel`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('job_not_cancellable');
  });

  it('streams progress as server-sent events until the job finishes', async () => {
    const job = await enqueueJob(t.db, { kind: 'import.x', payload: {}, createdBy: alice, now: clock.now() });
    let step!: () => void;
    const stepGate = new Promise<void>((resolve) => {
      step = resolve;
    });
    const runner = createJobRunner({
      db: t.db,
      now: clock.now,
      progressThrottleMs: 0,
      handlers: {
        'import.x': async (ctx) => {
          ctx.progress(0.5, 'half way');
          await stepGate;
          return { imported: 7 };
        },
      },
    });
    const run = runner.runOnce();
    const stream = as('alice', 'GET', `/api/jobs/${job.id}/events`);
    // Let the stream see the running state for a poll or two, then finish the job.
    setTimeout(step, 1200);
    const res = await stream;
    await run;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const events = res.body
      .split('\n\n')
      .filter((block) => block.startsWith('event:'))
      .map((block) => {
        const [eventLine, dataLine] = block.split('\n');
        return {
          event: eventLine.slice('event: '.length),
          data: JSON.parse(dataLine.slice('data: '.length)),
        };
      });
    const states = events.map((e) => `${e.event}:${e.data.status}:${e.data.progress}`);
    expect(states).toContain('job:running:0.5');
    expect(states.at(-1)).toBe('end:succeeded:1');
    expect(states.at(-2)).toBe('job:succeeded:1');
    expect(events.at(-1)?.data).toMatchObject({ result: { imported: 7 }, progressMessage: 'half way' });
    // One event per change, not one per poll.
    expect(states.filter((s) => s === 'job:running:0.5')).toHaveLength(1);
  });

  it('ends the stream at once for a job that has already finished', async () => {
    const job = await enqueueJob(t.db, { kind: 'report.a', payload: {}, createdBy: alice, now: clock.now() });
    await as('alice', 'POST', `/api/jobs/${job.id}/cancel`);
    const res = await as('alice', 'GET', `/api/jobs/${job.id}/events`);
    expect(res.body).toContain('event: end');
    expect(res.body.match(/event: job/g)).toHaveLength(1);
  });
});

describe('job event stream over a real socket', () => {
  it('delivers events as they happen and stops polling when the client disconnects', async () => {
    const t = await openTestDatabase('pglite');
    const clock = fixedClock('2026-11-22T03:00:00Z');
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    let reads = 0;
    // Count the stream's polls: every poll reads the job row through app.db.
    const counting = new Proxy(t.db, {
      get(target, prop) {
        if (prop === 'selectFrom') reads++;
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    app.decorate('db', counting);
    app.decorate('now', clock.now);
    app.decorateRequest('principal', null);
    app.decorateRequest('lang', 'en');
    app.addHook('onRequest', async (request) => {
      request.principal = users.alice;
    });
    await app.register(jobRoutes);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const job = await enqueueJob(t.db, {
        kind: 'import.x',
        payload: {},
        createdBy: alice,
        now: clock.now(),
      });
      const controller = new AbortController();
      const res = await fetch(`${address}/api/jobs/${job.id}/events`, { signal: controller.signal });
      expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('event: job')) text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toContain('"status":"queued"');
      // The stream stays open and reports the next change.
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const run = createJobRunner({
        db: t.db,
        now: clock.now,
        progressThrottleMs: 0,
        handlers: {
          'import.x': async (ctx) => {
            ctx.progress(0.5, 'half way');
            await held;
          },
        },
      }).runOnce();
      while (!text.includes('"progress":0.5')) text += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      await new Promise((r) => setTimeout(r, 1200));
      const after = reads;
      await new Promise((r) => setTimeout(r, 1200));
      expect(reads).toBe(after);
      release();
      await run;
    } finally {
      await app.close();
      await t.close();
    }
  });
});
