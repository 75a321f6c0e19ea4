import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { type World, worldOf } from './orders.support';

/**
 * By default a webhook may not point at the server's own network: loopback, private, link-local
 * (cloud metadata) and reserved addresses are refused when the endpoint is saved, with the reason
 * field by field in the caller's language, and nothing is stored.
 */
let sys: TestSystem;
let w: World;

beforeAll(async () => {
  sys = await startTestSystem();
  w = await worldOf(sys);
});
afterAll(async () => sys?.close());

describe('webhook endpoints and private addresses', () => {
  it('refuses private, loopback and metadata addresses and keeps what was there', async () => {
    const cs = await sys.login('cssupervisor');
    const before = await cs.get('/api/notifications/webhooks');
    for (const url of [
      'http://127.0.0.1:9/hooks',
      'http://10.0.0.5/hooks',
      'http://[::1]:8080/hooks',
      'http://localhost:5432/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:192.168.1.10]/hooks',
    ]) {
      const r = await cs.post('/api/notifications/webhooks', { merchantId: w.merchants.FRESH, url });
      expect(r.status, url).toBe(400);
      expect(String(r.headers['content-type'])).toContain('application/problem+json');
      expect(r.body.code).toBe('notifications.url_private');
      expect(r.body.issues).toEqual([expect.objectContaining({ field: 'body.url', code: 'url_private' })]);
      expect(r.body.issues[0].message).toContain('内网');
    }
    cs.lang = 'en';
    const en = await cs.post('/api/notifications/webhooks', {
      merchantId: w.merchants.FRESH,
      url: 'http://192.168.0.7/x',
    });
    expect(en.body.issues[0].message).toContain('private or local address (192.168.0.7)');
    expect((await cs.get('/api/notifications/webhooks')).body).toEqual(before.body);

    const made = await cs.post('/api/notifications/webhooks', {
      merchantId: w.merchants.FRESH,
      url: 'https://hooks.example.com/wayline',
    });
    expect(made.status, made.text).toBe(201);
    const moved = await cs.patch(`/api/notifications/webhooks/${made.body.id}`, { url: 'http://10.9.8.7/x' });
    expect(moved.status).toBe(400);
    expect(moved.body.code).toBe('notifications.url_private');
    const kept = (await cs.get('/api/notifications/webhooks')).body;
    expect(JSON.stringify(kept)).toContain('https://hooks.example.com/wayline');
    expect(JSON.stringify(kept)).not.toContain('10.9.8.7');
  });
});
