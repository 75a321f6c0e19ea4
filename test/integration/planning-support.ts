import { sql } from 'kysely';
import { expect } from 'vitest';
import { eventCalendar } from '../../src/solvers/forecast';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

/** Shared set-up of the planning integration tests: users, warehouses, a fresh SKU, dates, jobs. */

const DAY = 86_400_000;
export const UNKNOWN_ID = '0190a0a0-0000-7000-8000-000000000002';
export const epoch = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;
export const dateOf = (e: number) => new Date(e * DAY).toISOString().slice(0, 10);
export const plus = (d: string, n: number) => dateOf(epoch(d) + n);

export async function waitForJob(agent: Agent, id: string) {
  for (let i = 0; i < 1200; i++) {
    const job = await agent.get(`/api/jobs/${id}`);
    if (['succeeded', 'failed', 'cancelled'].includes(job.body.status)) return job.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

export async function runJob(agent: Agent, url: string, body: unknown) {
  const started = await agent.post(url, body);
  expect(started.status, started.text).toBe(202);
  const job = await waitForJob(agent, started.body.id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  return job.result;
}

export const csv = (rows: Array<Array<string | number>>) =>
  Buffer.from(rows.map((r) => r.join(',')).join('\n'));
export const importCsv = (agent: Agent, body: Buffer, query: string) =>
  agent.request('POST', `/api/planning/demand/imports?${query}`, body, { 'content-type': 'text/csv' });

/**
 * The hand-computable series: 400 days of 10 a day ending yesterday, one event-free week of 17 near
 * the start (so the naive scale is not 0), and the last 28 days at 12.
 */
export function handSeries(yesterday: string): { first: string; values: number[]; noiseStart: number } {
  const first = plus(yesterday, -399);
  const calendar = eventCalendar(epoch(first), epoch(first) + 80);
  let noiseStart = 14;
  while ([...Array(7).keys()].some((k) => calendar.has(epoch(first) + noiseStart + k))) noiseStart++;
  const values = Array.from({ length: 400 }, (_, t) =>
    t >= noiseStart && t < noiseStart + 7 ? 17 : t >= 372 ? 12 : 10,
  );
  return { first, values, noiseStart };
}

export interface PlanningWorld {
  sys: TestSystem;
  planner: Agent; // logistics manager: every planning permission
  buyer: Agent; // procurement officer
  whmanager: Agent; // warehouse manager, WH-SH only
  dispatcher: Agent; // no planning permission
  admin: Agent;
  sh: { id: string; code: string };
  bj: { id: string; code: string };
  sku: { id: string; code: string };
  today: string;
  yesterday: string;
}

/** A test system with the demo company and one new ambient SKU (`code`) without history or stock. */
export async function startPlanningWorld(code: string): Promise<PlanningWorld> {
  const sys = await startTestSystem();
  const [planner, buyer, whmanager, dispatcher, admin] = await Promise.all([
    sys.login('logistics'),
    sys.login('buyer'),
    sys.login('whmanager'),
    sys.login('dispatcher'),
    sys.login('admin'),
  ]);
  for (const a of [planner, buyer, whmanager, dispatcher]) a.lang = 'en';
  const warehouses = (await admin.get('/api/inventory/warehouses')).body.items;
  const anySku = (await admin.get('/api/catalog/skus?limit=1')).body.items[0];
  const created = await admin.post('/api/catalog/skus', {
    code,
    nameZh: '计划测试商品',
    nameEn: 'Planning test item',
    unit: 'piece',
    weightG: 500,
    lengthMm: 200,
    widthMm: 150,
    heightMm: 100,
    storageClass: 'ambient',
    merchantId: anySku.merchantId,
    barcodes: [],
  });
  expect(created.status, created.text).toBe(201);
  const { rows } = await sql<{ d: string }>`
    select to_char((now() at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') d`.execute(sys.database.db);
  const today = rows[0].d;
  return {
    sys,
    planner,
    buyer,
    whmanager,
    dispatcher,
    admin,
    sh: warehouses.find((w: { code: string }) => w.code === 'WH-SH'),
    bj: warehouses.find((w: { code: string }) => w.code === 'WH-BJ'),
    sku: created.body,
    today,
    yesterday: plus(today, -1),
  };
}
