import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => sys?.close());

describe('platform', () => {
  it('serves health, readiness, metrics and the OpenAPI document', async () => {
    const anon = sys.anonymous();
    expect((await anon.get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await anon.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.pendingMigrations).toBe(0);
    const metrics = await anon.get('/metrics');
    expect(metrics.text).toContain('wayline_http_request_duration_seconds');
    const doc = await anon.get('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/api/auth/login'].post).toBeDefined();
    expect(doc.body.paths['/api/org/users'].get.description).toContain('org.user.read');
    expect((await anon.get('/api/docs/')).status).toBe(200);
  });

  it('answers unknown routes and bad JSON with problem+json, never 500', async () => {
    const admin = await sys.login('admin');
    const missing = await admin.get('/api/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('route_not_found');
    const bad = await admin.request('POST', '/api/org/merchants', '{"code":', {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_json');
    expect(bad.body.requestId).toBeTruthy();
  });

  it('reports bad input field by field in the user’s language and changes nothing', async () => {
    const admin = await sys.login('admin');
    admin.lang = 'en';
    const res = await admin.post('/api/org/users', {
      username: 'x',
      displayName: '',
      password: 'abc',
      roleCodes: 'no',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    const fields = res.body.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['body.displayName', 'body.roleCodes', 'body.username']);
    expect(res.body.issues.find((i: { field: string }) => i.field === 'body.username').message).toBe(
      'Must have at least 3 characters.',
    );
    admin.lang = 'zh-CN';
    const zh = await admin.post('/api/org/users', {
      username: 'x',
      displayName: 'a',
      password: 'abc',
      roleCodes: [],
    });
    expect(zh.body.issues[0].message).toBe('至少 3 个字符。');
    const users = await admin.get('/api/org/users?q=x&limit=500');
    expect(users.body.items.some((u: { username: string }) => u.username === 'x')).toBe(false);
  });

  it('replays an idempotent POST and refuses the same key with another body', async () => {
    const admin = await sys.login('admin');
    const key = { 'idempotency-key': 'merchant-create-0001' };
    const first = await admin.post('/api/org/merchants', { code: 'IDEM', name: '幂等商家' }, key);
    expect(first.status).toBe(201);
    const replay = await admin.post('/api/org/merchants', { code: 'IDEM', name: '幂等商家' }, key);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    const other = await admin.post('/api/org/merchants', { code: 'IDEM2', name: 'other' }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    const merchants = await admin.get('/api/org/merchants');
    expect(merchants.body.items.filter((m: { code: string }) => m.code.startsWith('IDEM'))).toHaveLength(1);
    // Without a key a second create is a real second attempt: a conflict on the code.
    expect((await admin.post('/api/org/merchants', { code: 'IDEM', name: 'again' })).status).toBe(409);
  });

  it('answers before the answer is stored, and a retry meanwhile waits for it instead of a 409', async () => {
    const { sql } = await import('kysely');
    // Storing this key's answer takes half a second.
    await sql`create function platform.test_slow_store() returns trigger language plpgsql as $$
      begin if new.key = 'slow-store-0001' and new.status = 'completed' then perform pg_sleep(0.5); end if;
      return new; end $$`.execute(sys.database.db);
    await sql`create trigger test_slow_store before update on platform.idempotency_key
      for each row execute function platform.test_slow_store()`.execute(sys.database.db);
    try {
      const admin = await sys.login('admin');
      const key = { 'idempotency-key': 'slow-store-0001' };
      const body = { code: 'SLOW', name: '慢存商家' };
      const first = await admin.post('/api/org/merchants', body, key);
      expect(first.status).toBe(201);
      const retry = await admin.post('/api/org/merchants', body, key);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
    } finally {
      await sql`drop trigger test_slow_store on platform.idempotency_key`.execute(sys.database.db);
      await sql`drop function platform.test_slow_store`.execute(sys.database.db);
    }
  });

  it('audits a change with before and after, searchable by IT and quality but not by a clerk', async () => {
    const admin = await sys.login('admin');
    const users = await admin.get('/api/org/users?q=dispatcher');
    const target = users.body.items[0];
    const patched = await admin.patch(`/api/org/users/${target.id}`, {
      displayName: '吴刚（夜班）',
      version: target.version,
    });
    expect(patched.status).toBe(200);
    const stale = await admin.patch(`/api/org/users/${target.id}`, {
      displayName: 'x',
      version: target.version,
    });
    expect(stale.status).toBe(409);
    const quality = await sys.login('quality');
    const audit = await quality.get(`/api/audit?entity=user&entityId=${target.id}&action=update`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    const entry = audit.body.items[0];
    expect(entry.actorName).toBe('admin');
    expect(entry.before.displayName).toBe('吴刚');
    expect(entry.after.displayName).toBe('吴刚（夜班）');
    const text = await quality.get(`/api/audit?q=${encodeURIComponent('夜班')}`);
    expect(text.body.items.map((i: { id: string }) => i.id)).toContain(entry.id);
    expect((await (await sys.login('clerk')).get('/api/audit')).status).toBe(403);
  });

  it('pages through a list with a cursor without gaps or repeats', async () => {
    const admin = await sys.login('admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await admin.get(
        `/api/org/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((u: { username: string }) => u.username));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await admin.get('/api/org/users?limit=500');
    expect(seen).toEqual(all.body.items.map((u: { username: string }) => u.username));
    expect(new Set(seen).size).toBe(seen.length);
    expect((await admin.get('/api/org/users?cursor=garbage')).status).toBe(400);
  });
});
