import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db';
import { inTransaction } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { MERCHANT_A, MERCHANT_B, openCatalogTestDb, skuDraft, writeContext } from './catalog.test-support';
import { withCheckDigit } from './gtin';
import { createSku, getSku, listSkus, skuStats, updateSku } from './sku.service';

const gtin = (n: number) => withCheckDigit(`6920000${String(n).padStart(5, '0')}`);

let database: Database;
beforeAll(async () => {
  database = await openCatalogTestDb();
});
afterAll(async () => {
  await database?.close();
});

const create = (draft: Parameters<typeof createSku>[1], ctx = writeContext()) =>
  inTransaction(database.db, (trx) => createSku(trx, draft, ctx));
const patch = (id: string, draft: Parameters<typeof updateSku>[2], ctx = writeContext()) =>
  inTransaction(database.db, (trx) => updateSku(trx, id, draft, ctx));

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('createSku', () => {
  it('stores a SKU, normalises code and barcodes, and audits it', async () => {
    const sku = await create(skuDraft({ code: 'milk-950', barcodes: ['690 1234 56789 2'] }));
    expect(sku).toMatchObject({
      code: 'MILK-950',
      merchantId: MERCHANT_A,
      barcodes: ['6901234567892'],
      lotTracked: true,
      active: true,
      version: 1,
      createdAt: '2026-11-22T08:00:00.000Z',
    });
    const audit = await sql<{ action: string; after: { code: string } }>`
      select action, after from platform.audit_log where entity = 'catalog.sku' and entity_id = ${sku.id}`.execute(
      database.db,
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({ action: 'create', after: expect.objectContaining({ code: 'MILK-950' }) }),
    ]);
  });

  it('puts cross-field rules on the field to fix, in the caller’s language', async () => {
    const error = await failure(
      create(
        skuDraft({
          code: 'BAD-1',
          barcodes: ['6901234567893', gtin(1), gtin(1)],
          shelfLifeDays: 5,
          minRemainingShelfLifeDays: 9,
          lotTracked: false,
          hazardClass: '3',
        }),
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.kind).toBe('bad_request');
    const byField = Object.fromEntries(error.issues.map((i) => [i.field, i]));
    expect(byField['body.barcodes.0'].code).toBe('catalog.invalid_gtin');
    expect(byField['body.barcodes.0'].message).toContain('6901234567893');
    expect(byField['body.barcodes.2'].code).toBe('catalog.duplicate_barcode');
    expect(byField['body.minRemainingShelfLifeDays']).toMatchObject({
      code: 'catalog.min_remaining_exceeds_shelf_life',
      message: 'Minimum remaining shelf life cannot exceed the shelf life (5 days).',
    });
    expect(byField['body.lotTracked'].code).toBe('catalog.lot_tracking_required');
    expect(byField['body.hazardClass'].code).toBe('catalog.hazard_class_not_allowed');

    const zh = await failure(
      create(
        skuDraft({
          code: 'BAD-2',
          storageClass: 'hazardous',
          shelfLifeDays: null,
          minRemainingShelfLifeDays: null,
        }),
        writeContext({ lang: 'zh-CN' }),
      ),
    );
    expect(zh.issues).toEqual([
      expect.objectContaining({
        field: 'body.hazardClass',
        code: 'catalog.hazard_class_required',
        message: expect.stringContaining('危险品'),
      }),
    ]);
  });

  it('requires a minimum remaining shelf life for fresh goods only', async () => {
    const fresh = await failure(
      create(skuDraft({ code: 'FRESH-1', minRemainingShelfLifeDays: null, barcodes: [] })),
    );
    expect(fresh.issues.map((i) => [i.field, i.code])).toEqual([
      ['body.minRemainingShelfLifeDays', 'catalog.min_remaining_required'],
    ]);
    const rice = await create(
      skuDraft({
        code: 'RICE-5KG',
        storageClass: 'ambient',
        shelfLifeDays: 365,
        minRemainingShelfLifeDays: null,
        barcodes: [],
      }),
    );
    expect(rice.lotTracked).toBe(true);
  });

  it('rejects a code taken in the same merchant and a barcode taken anywhere', async () => {
    const dupCode = await failure(create(skuDraft({ barcodes: [gtin(2)] })));
    expect(dupCode).toMatchObject({
      kind: 'conflict',
      code: 'catalog.duplicate_code',
      issues: [expect.objectContaining({ field: 'body.code' })],
    });
    const other = await create(skuDraft({ merchantId: MERCHANT_B, barcodes: [gtin(3)] }));
    expect(other.code).toBe('MILK-950');
    const taken = await failure(
      create(skuDraft({ merchantId: MERCHANT_B, code: 'X-1', barcodes: [gtin(4), '6901234567892'] })),
    );
    expect(taken).toMatchObject({
      kind: 'conflict',
      code: 'catalog.barcode_taken',
      issues: [expect.objectContaining({ field: 'body.barcodes.1' })],
    });
  });

  it('checks the merchant: staff must name an existing one, portal users get their own', async () => {
    const missing = await failure(create(skuDraft({ merchantId: undefined, code: 'M-1', barcodes: [] })));
    expect(missing.issues[0]).toMatchObject({ field: 'body.merchantId', code: 'catalog.merchant_required' });
    const unknown = await failure(
      create(skuDraft({ merchantId: '0190c0de-0000-7000-8000-0000000000ff', code: 'M-1', barcodes: [] })),
    );
    expect(unknown).toMatchObject({ kind: 'unprocessable', code: 'catalog.merchant_not_found' });

    const portal = writeContext({ merchantScope: MERCHANT_B });
    const own = await create(skuDraft({ merchantId: undefined, code: 'M-2', barcodes: [] }), portal);
    expect(own.merchantId).toBe(MERCHANT_B);
    const foreign = await failure(
      create(skuDraft({ merchantId: MERCHANT_A, code: 'M-3', barcodes: [] }), portal),
    );
    expect(foreign.code).toBe('catalog.merchant_not_found');
  });
});

describe('reading and updating', () => {
  it('hides other merchants’ SKUs behind 404s', async () => {
    const sku = (await listSkus(database.db, { limit: 10, q: 'MILK', merchantId: MERCHANT_A }, null))
      .items[0];
    expect((await getSku(database.db, sku.id, MERCHANT_A)).id).toBe(sku.id);
    const read = await failure(getSku(database.db, sku.id, MERCHANT_B));
    expect(read).toMatchObject({ kind: 'not_found', code: 'catalog.sku_not_found' });
    const write = await failure(patch(sku.id, { nameEn: 'x' }, writeContext({ merchantScope: MERCHANT_B })));
    expect(write.kind).toBe('not_found');
    const list = await listSkus(database.db, { limit: 100 }, MERCHANT_B);
    expect(list.items.every((s) => s.merchantId === MERCHANT_B)).toBe(true);
  });

  it('patches with optimistic concurrency and audits before/after', async () => {
    const created = await create(skuDraft({ code: 'YOG-1', barcodes: [gtin(10)] }));
    const changed = await patch(created.id, { weightG: 1100, barcodes: [gtin(11), gtin(10)], version: 1 });
    expect(changed).toMatchObject({ weightG: 1100, barcodes: [gtin(11), gtin(10)], version: 2 });
    const stale = await failure(patch(created.id, { weightG: 1200, version: 1 }));
    expect(stale).toMatchObject({
      kind: 'conflict',
      code: 'catalog.version_conflict',
      params: { expected: 1, actual: 2 },
    });
    const same = await patch(created.id, { weightG: 1100 });
    expect(same.version).toBe(2);
    const audit = await sql<{ before: { weightG: number }; after: { weightG: number } }>`
      select before, after from platform.audit_log where entity_id = ${created.id} and action = 'update'`.execute(
      database.db,
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ weightG: 1010 }),
        after: expect.objectContaining({ weightG: 1100 }),
      }),
    ]);
  });

  it('checks a patch against the stored fields it does not change', async () => {
    const created = await create(skuDraft({ code: 'YOG-2', barcodes: [] }));
    const error = await failure(patch(created.id, { minRemainingShelfLifeDays: 30 }));
    expect(error.issues).toEqual([
      expect.objectContaining({
        field: 'body.minRemainingShelfLifeDays',
        code: 'catalog.min_remaining_exceeds_shelf_life',
      }),
    ]);
    const ambient = await create(
      skuDraft({
        code: 'SOAP-1',
        storageClass: 'ambient',
        shelfLifeDays: null,
        minRemainingShelfLifeDays: null,
        barcodes: [],
      }),
    );
    expect(ambient.lotTracked).toBe(false);
    const dated = await patch(ambient.id, { shelfLifeDays: 720 });
    expect(dated.lotTracked).toBe(true);
    const codeTaken = await failure(patch(ambient.id, { code: 'yog-2' }));
    expect(codeTaken.code).toBe('catalog.duplicate_code');
    const barcodeTaken = await failure(patch(ambient.id, { barcodes: ['6901234567892'] }));
    expect(barcodeTaken.code).toBe('catalog.barcode_taken');
  });

  it('lists with search, filters and keyset pagination, and counts by storage class', async () => {
    for (let i = 0; i < 12; i++) {
      await create(
        skuDraft({
          merchantId: MERCHANT_B,
          code: `ICE-${String(i).padStart(2, '0')}`,
          nameZh: `冰淇淋 ${i}`,
          nameEn: `Ice Cream ${i}`,
          storageClass: 'frozen',
          barcodes: [gtin(100 + i)],
          active: i % 3 !== 0,
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSkus(database.db, { limit: 5, cursor, storageClass: 'frozen' }, null);
      seen.push(...page.items.map((s) => s.code));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `ICE-${String(i).padStart(2, '0')}`));

    expect(
      (await listSkus(database.db, { limit: 50, q: '冰淇淋 1' }, null)).items.map((s) => s.code),
    ).toEqual(['ICE-01', 'ICE-10', 'ICE-11']);
    expect(
      (await listSkus(database.db, { limit: 50, q: 'ice cream 7' }, null)).items.map((s) => s.code),
    ).toEqual(['ICE-07']);
    expect((await listSkus(database.db, { limit: 50, q: gtin(105) }, null)).items.map((s) => s.code)).toEqual(
      ['ICE-05'],
    );
    expect(
      (await listSkus(database.db, { limit: 50, q: 'ice-0', active: false }, null)).items.map((s) => s.code),
    ).toEqual(['ICE-00', 'ICE-03', 'ICE-06', 'ICE-09']);
    expect((await listSkus(database.db, { limit: 50, q: '100%_' }, null)).items).toEqual([]);

    const stats = await skuStats(database.db, {}, MERCHANT_B);
    expect(stats.byStorageClass.find((c) => c.storageClass === 'frozen')?.count).toBe(12);
    expect(stats.byStorageClass).toHaveLength(5);
    expect(stats.total).toBe(stats.byStorageClass.reduce((s, c) => s + c.count, 0));
    expect(stats.active).toBe(stats.total - 4);
  });
});
