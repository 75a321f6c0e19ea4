import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => sys?.close());

describe('sign-in and sessions', () => {
  it('signs in, answers /me with roles and permissions, and signs out', async () => {
    const admin = await sys.login('admin');
    const me = await admin.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
    expect(me.body.department.code).toBe('it');
    expect(me.body.permissions).toContain('org.user.write');
    expect(me.body.warehouseIds).toBe('all');

    const out = await admin.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect((await admin.get('/api/auth/me')).status).toBe(401);
  });

  it('scopes a warehouse clerk to the assigned warehouse', async () => {
    const clerk = await sys.login('clerk');
    const me = await clerk.get('/api/auth/me');
    expect(me.body.warehouseIds).toHaveLength(1);
    const list = await clerk.get('/api/inventory/warehouses');
    expect(list.status).toBe(200);
    expect(list.body.items.map((w: { code: string }) => w.code)).toEqual(['WH-SH']);
    const admin = await sys.login('admin');
    const all = await admin.get('/api/inventory/warehouses');
    const beijing = all.body.items.find((w: { code: string }) => w.code === 'WH-BJ');
    expect((await clerk.get(`/api/inventory/warehouses/${beijing.id}`)).status).toBe(404);
  });

  it('rejects a wrong password with a localised problem and locks after repeated failures', async () => {
    const anon = sys.anonymous();
    anon.lang = 'en';
    const wrong = await anon.post('/api/auth/login', { username: 'driver', password: 'nope-1234' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.body.code).toBe('org.invalid_credentials');
    expect(wrong.body.detail).toBe('Wrong username or password.');
    anon.lang = 'zh-CN';
    const zh = await anon.post('/api/auth/login', { username: 'driver', password: 'nope-1234' });
    expect(zh.body.detail).toBe('用户名或密码错误。');
    for (let i = 0; i < 2; i++)
      await anon.post('/api/auth/login', { username: 'driver', password: 'nope-1234' });
    const fifth = await anon.post('/api/auth/login', { username: 'driver', password: 'nope-1234' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('org.account_locked');
    // Even the right password is refused while locked.
    const right = await anon.post('/api/auth/login', { username: 'driver', password: 'Wayline2026' });
    expect(right.status).toBe(423);
    // IT unlocks it; the lock was audited.
    const admin = await sys.login('admin');
    const users = await admin.get('/api/org/users?q=driver');
    const driver = users.body.items.find((u: { username: string }) => u.username === 'driver');
    expect(driver.lockedUntil).not.toBeNull();
    const audit = await admin.get(`/api/audit?entity=user&entityId=${driver.id}&action=lock`);
    expect(audit.body.items).toHaveLength(1);
    expect((await admin.post(`/api/org/users/${driver.id}/unlock`)).status).toBe(200);
    expect(
      (await sys.anonymous().post('/api/auth/login', { username: 'driver', password: 'Wayline2026' })).status,
    ).toBe(200);
  });

  it('throttles an address that keeps failing, whatever usernames it tries', async () => {
    const attacker = sys.anonymous();
    const from = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 30; i++) {
      const res = await attacker.post(
        '/api/auth/login',
        { username: `guess${i}`, password: 'password1' },
        from,
      );
      expect(res.status).toBe(401);
    }
    const blocked = await attacker.post(
      '/api/auth/login',
      { username: 'admin', password: 'Wayline2026' },
      from,
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('org.login_rate_limited');
    // Another address is not affected.
    const other = await sys
      .anonymous()
      .post(
        '/api/auth/login',
        { username: 'admin', password: 'Wayline2026' },
        { 'x-forwarded-for': '198.51.100.2' },
      );
    expect(other.status).toBe(200);
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const admin = await sys.login('admin');
    const without = await admin.post(
      '/api/org/merchants',
      { code: 'CSRF1', name: 'x' },
      { 'x-csrf-token': 'forged' },
    );
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('csrf_failed');
    const list = await admin.get('/api/org/merchants');
    expect(list.body.items.some((m: { code: string }) => m.code === 'CSRF1')).toBe(false);
  });

  it('an admin password reset ends the user’s sessions and forces a change', async () => {
    const admin = await sys.login('admin');
    const agent = await sys.login('agent');
    const id = (await agent.get('/api/auth/me')).body.id;
    const weak = await admin.post(`/api/org/users/${id}/reset-password`, { newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.issues[0].field).toBe('body.newPassword');
    const reset = await admin.post(`/api/org/users/${id}/reset-password`, { newPassword: 'NewPassw0rd' });
    expect(reset.status).toBe(200);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    const again = await sys.login('agent', 'NewPassw0rd');
    expect((await again.get('/api/auth/me')).body.mustChangePassword).toBe(true);
    const changed = await again.post('/api/auth/change-password', {
      currentPassword: 'NewPassw0rd',
      newPassword: 'Another1pass',
    });
    expect(changed.status).toBe(200);
    expect((await again.get('/api/auth/me')).body.mustChangePassword).toBe(false);
  });
});

describe('API tokens', () => {
  it('creates a scoped token, uses it as a bearer, and revokes it', async () => {
    const admin = await sys.login('admin');
    const created = await admin.post('/api/org/tokens', {
      name: 'ERP sync',
      permissions: ['catalog.sku.read'],
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^wl_/);
    const bot = sys.bearer(created.body.token);
    expect((await bot.get('/api/catalog/skus')).status).toBe(200);
    // Outside its scope even though its owner holds the permission.
    expect((await bot.get('/api/org/users')).status).toBe(403);
    // Bearer calls need no CSRF token.
    expect((await bot.get('/api/auth/me')).body.permissions).toEqual(['catalog.sku.read']);
    const list = await admin.get('/api/org/tokens');
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect((await admin.delete(`/api/org/tokens/${created.body.id}`)).status).toBe(200);
    expect((await bot.get('/api/catalog/skus')).status).toBe(401);
  });

  it('refuses a token wider than its owner', async () => {
    const clerk = await sys.login('whmanager');
    const res = await clerk.post('/api/org/tokens', { name: 'x', permissions: ['org.user.write'] });
    expect(res.status).toBe(403); // whmanager may not manage tokens at all
    const admin = await sys.login('admin');
    const bad = await admin.post('/api/org/tokens', { name: 'x', permissions: ['no.such.permission'] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({
      field: 'body.permissions.0',
      code: 'org.token_scope_exceeds',
    });
  });
});
