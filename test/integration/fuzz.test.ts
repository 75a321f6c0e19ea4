import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system';

/** Every route's body, query and path parameters fuzzed: never a 5xx, always problem+json on error. */
let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => sys?.close());

const SKIP = new Set(['POST /api/auth/logout']);
const segment = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  // Any code point, NUL and other control characters included.
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.constantFrom('0', '-1', '%', '..', 'null'),
);
const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'limit',
      'cursor',
      'q',
      'format',
      'mode',
      'active',
      'from',
      'to',
      'storageClass',
      'merchantId',
      'skipInvalid',
    ),
    fc.string({ maxLength: 10 }),
  ),
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ maxLength: 12, unit: 'binary' }),
    fc.integer().map(String),
    fc.constantFrom('true', 'csv', 'xlsx', 'commit', '2026-13-45'),
  ),
  { maxKeys: 4 },
);

const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }));

/** The first path segment after /api: one test per area, so each gets its own time and its own failure. */
const areaOf = (url: string) => url.split('/')[2] ?? '';
const AREAS = ['inventory', 'warehouse', 'orders', 'planning', 'org', 'route-plans', 'catalog', 'returns'];

describe('fuzzing every route', () => {
  it.each([...AREAS, 'other areas'])(
    'never answers 5xx: %s',
    async (area) => {
      const admin = await sys.login('admin');
      const routes = sys.app.routeCatalogue.filter(
        (r) =>
          !SKIP.has(`${r.method} ${r.url}`) &&
          (area === 'other areas' ? !AREAS.includes(areaOf(r.url)) : areaOf(r.url) === area),
      );
      expect(routes.length).toBeGreaterThan(0);
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(body, segment, query, async (body, seg, q) => {
            const url = route.url.replace(/:(\w+)/g, () => encodeURIComponent(seg));
            const qs = new URLSearchParams(q).toString();
            const withBody = route.method !== 'GET' && route.method !== 'DELETE';
            const res = await admin.request(
              route.method,
              qs ? `${url}?${qs}` : url,
              withBody ? (body ?? {}) : undefined,
              withBody ? { 'content-type': 'application/json' } : {},
            );
            if (res.status >= 500)
              throw new Error(
                `${route.method} ${url}?${qs} ${JSON.stringify(body)} → ${res.status} ${res.text}`,
              );
            if (res.status >= 400)
              expect(String(res.headers['content-type'])).toContain('application/problem+json');
          }),
          { numRuns: 25, seed: 20261122 },
        );
      }
    },
    300_000,
  );
});
