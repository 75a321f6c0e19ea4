import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

/** Saved views of console lists: personal, shared within staff or within one merchant, never across. */
let sys: TestSystem;
let cs: Agent;
let supervisor: Agent;
let fresh: Agent;
let home: Agent;
beforeAll(async () => {
  sys = await startTestSystem();
  [cs, supervisor, fresh, home] = await Promise.all(
    ['agent', 'cssupervisor', 'fresh', 'home'].map((u) => sys.login(u)),
  );
  cs.lang = 'en';
});
afterAll(async () => sys?.close());

const names = (res: { status: number; text: string; body: { items: Array<{ name: string }> } }) => {
  expect(res.status, res.text).toBe(200);
  return res.body.items.map((v) => v.name);
};

describe('saved views', () => {
  it('keeps a user’s views, shares them on request, and refuses duplicates and bad input', async () => {
    const mine = await cs.post('/api/me/views', {
      page: 'orders/exceptions',
      name: '超时的地址异常',
      query: '?reason=address_unresolved&status=exception',
    });
    expect(mine.status, mine.text).toBe(201);
    expect(mine.body).toMatchObject({
      query: 'reason=address_unresolved&status=exception',
      mine: true,
      shared: false,
    });
    const shared = await cs.post('/api/me/views', {
      page: 'orders/exceptions',
      name: 'COD today',
      query: 'reason=cod_amount_mismatch',
      shared: true,
    });
    expect(shared.status, shared.text).toBe(201);
    // Another page's list is separate.
    expect(names(await cs.get('/api/me/views?page=orders'))).toEqual([]);
    expect(names(await cs.get('/api/me/views?page=orders/exceptions')).sort()).toEqual(
      ['COD today', '超时的地址异常'].sort(),
    );
    // A colleague sees only the shared one, marked as someone else's, and cannot delete it.
    const theirs = await supervisor.get('/api/me/views?page=orders/exceptions');
    expect(theirs.body.items).toEqual([expect.objectContaining({ name: 'COD today', mine: false })]);
    expect((await supervisor.request('DELETE', `/api/me/views/${shared.body.id}`)).status).toBe(404);
    // Merchants never see staff views, and staff never see a merchant's.
    expect(names(await fresh.get('/api/me/views?page=orders/exceptions'))).toEqual([]);
    const freshView = await fresh.post('/api/me/views', {
      page: 'orders',
      name: 'Mine',
      query: 'status=shipped',
      shared: true,
    });
    expect(freshView.status, freshView.text).toBe(201);
    expect(names(await home.get('/api/me/views?page=orders'))).toEqual([]);
    expect(names(await cs.get('/api/me/views?page=orders'))).toEqual([]);

    const dup = await cs.post('/api/me/views', {
      page: 'orders/exceptions',
      name: 'COD today',
      query: 'q=1',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('org.view.name_taken');
    expect(dup.body.detail).toContain('COD today');
    expect(dup.body.errors?.[0]?.field ?? dup.body.issues?.[0]?.field).toBe('body.name');
    for (const bad of [
      { page: 'Orders!', name: 'x', query: 'a=1' },
      { page: 'orders', name: '', query: 'a=1' },
      { page: 'orders', name: 'x', query: 'a=1#frag' },
      { page: 'orders', name: 'x'.repeat(61), query: 'a=1' },
    ]) {
      const res = await cs.post('/api/me/views', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
    }
    expect(names(await cs.get('/api/me/views?page=orders/exceptions'))).toHaveLength(2);

    expect((await cs.request('DELETE', `/api/me/views/${mine.body.id}`)).status).toBe(204);
    expect(names(await cs.get('/api/me/views?page=orders/exceptions'))).toEqual(['COD today']);
    expect((await cs.request('DELETE', `/api/me/views/${mine.body.id}`)).status).toBe(404);
  });
});
