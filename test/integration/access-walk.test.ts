import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

/**
 * Walks every /api route the app registered: a user without the route's permission gets 403, a
 * user with only that permission does not; anonymous callers get 401 on every non-public route.
 */
let sys: TestSystem;
let admin: Agent;
beforeAll(async () => {
  sys = await startTestSystem();
  admin = await sys.login('admin');
});
afterAll(async () => sys?.close());

const fill = (url: string) =>
  url.replace(/:id\b/g, '00000000-0000-7000-8000-000000000000').replace(/:(\w+)/g, 'x');

async function userWith(permissions: string[], name: string): Promise<Agent> {
  const role = await admin.post('/api/org/roles', { code: name, nameZh: name, nameEn: name, permissions });
  expect(role.status, role.text).toBe(201);
  const user = await admin.post('/api/org/users', {
    username: name,
    displayName: name,
    password: 'Walk1234pass',
    roleCodes: [name],
  });
  expect(user.status, user.text).toBe(201);
  return sys.login(name, 'Walk1234pass');
}

describe('permission walk', () => {
  it('every route declares access, and the catalogue covers every route', () => {
    const routes = sys.app.routeCatalogue;
    expect(routes.length).toBeGreaterThan(25);
    for (const r of routes) expect(r.permission).toBeTruthy();
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    const anon = sys.anonymous();
    for (const route of sys.app.routeCatalogue.filter((r) => r.permission !== 'public')) {
      const res = await anon.request(
        route.method,
        fill(route.url),
        route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      );
      expect(res.status, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('without the permission: 403; with only it: never 401/403', async () => {
    const all: string[] = (await admin.get('/api/org/permissions')).body.map((p: { code: string }) => p.code);
    const guarded = sys.app.routeCatalogue.filter(
      (r) => r.permission !== 'public' && r.permission !== 'authenticated',
    );
    const permissions = [...new Set(guarded.map((r) => r.permission))];
    expect(permissions.length).toBeGreaterThan(8);
    let n = 0;
    for (const permission of permissions) {
      n++;
      const without = await userWith(
        all.filter((p) => p !== permission),
        `walk_no_${n}`,
      );
      const only = await userWith([permission], `walk_only_${n}`);
      for (const route of guarded.filter((r) => r.permission === permission)) {
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
        const denied = await without.request(route.method, fill(route.url), body);
        expect(denied.status, `${route.method} ${route.url} without ${permission}`).toBe(403);
        expect(denied.body.code).toBe('forbidden');
        const allowed = await only.request(route.method, fill(route.url), body);
        expect([401, 403], `${route.method} ${route.url} with ${permission}: ${allowed.text}`).not.toContain(
          allowed.status,
        );
      }
    }
  });
});
