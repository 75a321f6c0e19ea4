import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { newSku, orderBody, stock, type TestSku, type World, worldOf } from './orders.support';

/**
 * Order placement writes its Idempotency-Key in the order's own transaction (decision 0012). Random
 * rounds of placements — a few keys and a few channel orders mixed at random, sent all at once and
 * then all again one after another — must keep what the key promises, whatever lands in one group:
 * never a 5xx; one order per channel order; a key never serves two bodies; every successful answer
 * under one key is the same answer, byte for byte.
 */
let sys: TestSystem;
let w: World;
let sku: TestSku;
let round = 0;

beforeAll(async () => {
  sys = await startTestSystem();
  w = await worldOf(sys);
  sku = await newSku(w, 'FRESH');
  await stock(w, sku, 'WH-SH', 100_000);
});
afterAll(async () => sys?.close());

describe('Idempotency-Key on order placement', () => {
  it('holds its promises under random mixes of keys and bodies, at once and one by one', async () => {
    const send = fc.record({ key: fc.integer({ min: 0, max: 3 }), body: fc.integer({ min: 0, max: 2 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(send, { minLength: 1, maxLength: 8 }), async (sends) => {
        round++;
        const bodies = [0, 1, 2].map(() => orderBody(w, 'FRESH', [[sku, 1]]));
        const keyOf = (k: number) => `prop-${round}-${k}`;
        const post = (s: { key: number; body: number }) =>
          w.admin
            .post('/api/orders', bodies[s.body], { 'idempotency-key': keyOf(s.key) })
            .then((res) => ({ ...s, res }));
        const answers = [...(await Promise.all(sends.map(post)))];
        for (const s of sends) answers.push(await post(s));

        const idOfBody = new Map<number, string>();
        const bodyOfKey = new Map<number, number>();
        const textOfKey = new Map<number, string>();
        for (const { key, body, res } of answers) {
          expect(res.status, res.text).toBeLessThan(500);
          if (res.status === 422) expect(res.body.code).toBe('idempotency_key_reused');
          if (res.status === 409) expect(res.body.code).toBe('idempotency_in_progress');
          if (res.status >= 300) continue;
          // One order per channel order, whichever key placed it.
          expect(idOfBody.get(body) ?? res.body.id).toBe(res.body.id);
          idOfBody.set(body, res.body.id);
          // A key serves one body, and always with the same answer.
          expect(bodyOfKey.get(key) ?? body).toBe(body);
          bodyOfKey.set(key, body);
          expect(textOfKey.get(key) ?? res.text).toBe(res.text);
          textOfKey.set(key, res.text);
        }
        // A channel order is taken in once if any placement of it succeeded, else not at all (its
        // keys all belonged to other bodies).
        for (const [index, body] of bodies.entries()) {
          const listed = await w.admin.get(`/api/orders?q=${body.externalNo}`);
          const id = idOfBody.get(index);
          expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual(id ? [id] : []);
        }
      }),
      { numRuns: 12 },
    );
  });
});
