import { recordAudit } from '../../platform/audit/audit';
import { type Db, isUniqueViolation, type Trx } from '../../platform/db';
import { AppError, type FieldIssue, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { issue, skuLabel, throwIssues } from './inbound.lines';
import { type KitComponentRow, type KitRole, type KitRow, kitDb } from './kit.tables';
import type { WhContext } from './warehouse.access';
import { warehouseDeps } from './warehouse.deps';

export interface KitInput {
  merchantId: string;
  code: string;
  name: string;
  /** The SKU the work order produces (the customised variant). */
  variantSkuId: string;
  /** Per kit: exactly one `generic` line (the item customised) and any `component` lines. */
  components: Array<{ skuId: string; qty: number; role: KitRole }>;
  note?: string | null;
  active?: boolean;
}

/**
 * The SKUs of a kit, checked: all the merchant's and active, the generic item exactly once, no SKU
 * twice, and the variant is none of its own inputs. Every problem at once, as field issues.
 */
async function checkKit(db: Db | Trx, input: KitInput) {
  const ids = [input.variantSkuId, ...input.components.map((c) => c.skuId)];
  const skus = await warehouseDeps().skusByIds(db, ids);
  const issues: FieldIssue[] = [];
  const ok = (id: string) => {
    const s = skus.get(id);
    return !!s && s.merchantId === input.merchantId;
  };
  if (!ok(input.variantSkuId))
    issues.push(issue('body.variantSkuId', 'warehouse.sku_not_found', { id: input.variantSkuId }));
  const seen = new Set<string>();
  input.components.forEach((c, i) => {
    if (!ok(c.skuId))
      issues.push(issue(`body.components.${i}.skuId`, 'warehouse.sku_not_found', { id: c.skuId }));
    else if (c.skuId === input.variantSkuId)
      issues.push(issue(`body.components.${i}.skuId`, 'warehouse.kit_variant_is_input'));
    else if (seen.has(c.skuId))
      issues.push(issue(`body.components.${i}.skuId`, 'warehouse.kit_duplicate_sku'));
    seen.add(c.skuId);
  });
  if (input.components.filter((c) => c.role === 'generic').length !== 1)
    issues.push(issue('body.components', 'warehouse.kit_one_generic'));
  throwIssues(issues);
  return skus;
}

/** Create a kit definition (bill of materials of a late-customisation variant). */
export async function createKit(trx: Trx, input: KitInput, ctx: WhContext): Promise<string> {
  if (!(await warehouseDeps().merchantExists(trx, input.merchantId)))
    throw new AppError('bad_request', 'validation_failed', {}, [
      issue('body.merchantId', 'warehouse.merchant_required'),
    ]);
  await checkKit(trx, input);
  const id = newId();
  try {
    await kitDb(trx)
      .insertInto('warehouse.kit')
      .values({
        id,
        code: input.code,
        merchant_id: input.merchantId,
        variant_sku_id: input.variantSkuId,
        name: input.name,
        note: input.note ?? null,
        active: input.active ?? true,
        created_by_name: ctx.actor.name,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'warehouse.kit_code_taken', { code: input.code });
    throw error;
  }
  await insertComponents(trx, id, input.components);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: 'warehouse.kit',
      entityId: id,
      summary: `kit ${input.code}: ${input.components.length} input(s)`,
      after: input,
      merchantId: input.merchantId,
    },
    ctx.now,
  );
  return id;
}

async function insertComponents(trx: Trx, kitId: string, components: KitInput['components']) {
  // The generic item is line 1, then the components in the order given.
  const ordered = [
    ...components.filter((c) => c.role === 'generic'),
    ...components.filter((c) => c.role !== 'generic'),
  ];
  await kitDb(trx)
    .insertInto('warehouse.kit_component')
    .values(
      ordered.map((c, i) => ({ kit_id: kitId, line_no: i + 1, sku_id: c.skuId, role: c.role, qty: c.qty })),
    )
    .execute();
}

/** Change a kit (its name, inputs, active flag); open work orders keep the inputs they were made with. */
export async function updateKit(trx: Trx, id: string, input: KitInput, ctx: WhContext): Promise<void> {
  const before = await getKit(trx, id);
  if (before.merchantId !== input.merchantId)
    throw new AppError('bad_request', 'validation_failed', {}, [
      issue('body.merchantId', 'warehouse.kit_merchant_fixed'),
    ]);
  await checkKit(trx, input);
  try {
    await kitDb(trx)
      .updateTable('warehouse.kit')
      .set({
        code: input.code,
        name: input.name,
        variant_sku_id: input.variantSkuId,
        note: input.note ?? null,
        active: input.active ?? true,
        updated_at: ctx.now,
      })
      .where('id', '=', id)
      .execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'warehouse.kit_code_taken', { code: input.code });
    throw error;
  }
  await kitDb(trx).deleteFrom('warehouse.kit_component').where('kit_id', '=', id).execute();
  await insertComponents(trx, id, input.components);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'update',
      entity: 'warehouse.kit',
      entityId: id,
      summary: `kit ${input.code} changed`,
      before,
      after: input,
      merchantId: input.merchantId,
    },
    ctx.now,
  );
}

async function viewsOf(db: Db | Trx, kits: KitRow[]) {
  if (!kits.length) return [];
  const components = await kitDb(db)
    .selectFrom('warehouse.kit_component')
    .selectAll()
    .where(
      'kit_id',
      'in',
      kits.map((k) => k.id),
    )
    .orderBy('line_no')
    .execute();
  const skus = await warehouseDeps().skusByIds(db, [
    ...kits.map((k) => k.variant_sku_id),
    ...components.map((c) => c.sku_id),
  ]);
  const names = await warehouseDeps().merchantNames(db as Db, [...new Set(kits.map((k) => k.merchant_id))]);
  return kits.map((k) => {
    const variant = skuLabel(skus.get(k.variant_sku_id), k.variant_sku_id);
    return {
      id: k.id,
      code: k.code,
      name: k.name,
      merchantId: k.merchant_id,
      merchantName: names.get(k.merchant_id) ?? null,
      variantSkuId: k.variant_sku_id,
      variantSkuCode: variant.skuCode,
      variantSkuNameZh: variant.skuNameZh,
      variantSkuNameEn: variant.skuNameEn,
      note: k.note,
      active: k.active,
      components: components
        .filter((c: KitComponentRow) => c.kit_id === k.id)
        .map((c) => ({
          lineNo: c.line_no,
          skuId: c.sku_id,
          ...skuLabel(skus.get(c.sku_id), c.sku_id),
          role: c.role,
          qty: Number(c.qty),
        })),
      createdByName: k.created_by_name,
      createdAt: k.created_at.toISOString(),
      updatedAt: k.updated_at.toISOString(),
    };
  });
}
export type KitView = Awaited<ReturnType<typeof viewsOf>>[number];

export async function getKit(db: Db | Trx, id: string): Promise<KitView> {
  const row = await kitDb(db).selectFrom('warehouse.kit').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('kit', id);
  return (await viewsOf(db, [row]))[0];
}

export async function listKits(db: Db, query: { merchantId?: string; active?: boolean }) {
  let q = kitDb(db).selectFrom('warehouse.kit').selectAll();
  if (query.merchantId) q = q.where('merchant_id', '=', query.merchantId);
  if (query.active !== undefined) q = q.where('active', '=', query.active);
  return viewsOf(db, await q.orderBy('code').limit(500).execute());
}
