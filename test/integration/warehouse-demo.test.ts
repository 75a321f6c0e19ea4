import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

/**
 * What a new user finds on first start (demo data): outbound work in the warehouse — the released demo
 * orders as outbound documents, and a released wave with sequenced pick lists — made through the
 * warehouse's own services.
 */
let sys: TestSystem;
let admin: Agent;

beforeAll(async () => {
  sys = await startTestSystem();
  admin = await sys.login('admin');
});
afterAll(() => sys.close());

describe('demo outbound work', () => {
  it('has a released wave with pick lists, and waiting orders left to wave', async () => {
    // The demo's released orders wait in one warehouse; it got the wave.
    const waves = (await admin.get('/api/warehouse/waves?limit=50')).body.items;
    expect(waves).toEqual([expect.objectContaining({ status: 'released', origin: 'proposal' })]);
    expect(waves[0].orders).toBeGreaterThan(0);
    expect(waves[0].pickLists).toBeGreaterThan(0);
    const wave = (await admin.get(`/api/warehouse/waves/${waves[0].id}`)).body;
    expect(wave.outbounds.every((d: { status: string }) => d.status === 'waved')).toBe(true);
    expect(
      wave.pickLists.every(
        (l: { tasks: number; openTasks: number }) => l.tasks > 0 && l.openTasks === l.tasks,
      ),
    ).toBe(true);
    // Batch picking: one task per bin and lot for all the wave's orders, so at most one per line.
    const lines = wave.outbounds.reduce((s: number, d: { lines: number }) => s + d.lines, 0);
    const tasks = wave.pickLists.reduce((s: number, l: { tasks: number }) => s + l.tasks, 0);
    expect(tasks).toBeGreaterThan(0);
    expect(tasks).toBeLessThanOrEqual(lines);
    expect(wave.routeMm).toBeLessThanOrEqual(wave.sShapeMm);
    const outbounds = (
      await admin.get(`/api/warehouse/outbounds?warehouseId=${waves[0].warehouseId}&limit=100`)
    ).body.items;
    expect(outbounds.length).toBeGreaterThan(wave.outbounds.length);
    expect((await admin.get('/api/inventory/audit')).body).toMatchObject({ ok: true });
  });
});
