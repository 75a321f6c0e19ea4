import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

/**
 * Merchant A (鲜丰生鲜, user `fresh`) can never read or change merchant B's (优品家居, user `home`)
 * data through any route: every route is called with B's ids, and nothing of B comes back or changes.
 */
let sys: TestSystem;
let admin: Agent;
let fresh: Agent;
let home: Agent;
beforeAll(async () => {
  sys = await startTestSystem();
  admin = await sys.login('admin');
  fresh = await sys.login('fresh');
  home = await sys.login('home');
});
afterAll(async () => sys?.close());

async function snapshotOfB() {
  const merchants = (await admin.get('/api/org/merchants')).body.items;
  const b = merchants.find((m: { code: string }) => m.code === 'HOME');
  const skus = await admin.get(`/api/catalog/skus?merchantId=${b.id}&limit=500`);
  return { merchant: b, skus: skus.body.items as Array<{ id: string; code: string; version: number }> };
}

describe('merchant isolation', () => {
  it('no route gives merchant A anything of merchant B, and no write reaches B', async () => {
    const before = await snapshotOfB();
    expect(before.skus.length).toBeGreaterThan(10);
    const homeMe = (await home.get('/api/auth/me')).body;
    // A job of B's: an import started by B.
    const csv = `code,name_zh,name_en,unit,weight_g,length_mm,width_mm,height_mm,storage_class\nHOME-SECRET-1,机密商品,Secret item,each,100,10,10,10,ambient\n`;
    const job = await home.request('POST', '/api/catalog/imports?format=csv&mode=validate', csv, {
      'content-type': 'text/csv',
    });
    expect(job.status).toBe(202);

    const bIds = [before.merchant.id, homeMe.id, job.body.id, ...before.skus.slice(0, 3).map((s) => s.id)];
    const markers = [
      before.merchant.id,
      '优品家居',
      'Youpin',
      ...before.skus.map((s) => s.code),
      job.body.id,
    ];
    const freshPermissions: string[] = (await fresh.get('/api/auth/me')).body.permissions;
    const reachable = sys.app.routeCatalogue.filter(
      (r) =>
        r.permission === 'authenticated' ||
        freshPermissions.includes(r.permission) ||
        r.permission === 'public',
    );
    expect(reachable.some((r) => r.url === '/api/catalog/skus/:id')).toBe(true);

    for (const route of reachable) {
      if (route.url === '/api/auth/logout') continue;
      const urls = route.url.includes(':')
        ? bIds.map((id) => route.url.replace(/:\w+/g, id))
        : [route.url, `${route.url}?merchantId=${before.merchant.id}`];
      for (const url of urls) {
        const body =
          route.method === 'GET' || route.method === 'DELETE'
            ? undefined
            : { nameZh: 'hijack', name: 'hijack', version: 1 };
        const res = await fresh.request(route.method, url, body);
        // An id the caller sent may be echoed back ("job X not found"); anything else of B's is a leak.
        const leaked = markers.find((m) => !url.includes(m) && res.text.includes(m));
        expect(leaked, `${route.method} ${url} leaked ${leaked}`).toBeUndefined();
        if (route.url.includes(':')) expect(res.status, `${route.method} ${url}`).toBeGreaterThanOrEqual(400);
      }
    }
    const after = await snapshotOfB();
    expect(after).toEqual(before);
  });

  it('a merchant user cannot create SKUs for another merchant', async () => {
    const b = (await snapshotOfB()).merchant;
    const res = await fresh.post('/api/catalog/skus', {
      code: 'FRESH-XX-1',
      merchantId: b.id,
      nameZh: '测试',
      nameEn: 'Test',
      barcodes: [],
      unit: 'each',
      weightG: 100,
      lengthMm: 10,
      widthMm: 10,
      heightMm: 10,
      storageClass: 'ambient',
      lotTracked: false,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const skus = await admin.get(`/api/catalog/skus?merchantId=${b.id}&q=FRESH-XX-1`);
    expect(skus.body.items).toHaveLength(0);
  });
});
