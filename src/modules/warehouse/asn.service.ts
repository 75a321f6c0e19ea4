import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import { canAccessWarehouse } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { containsPattern } from '../../platform/db/like';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { forbidden, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { missingWarehouses } from '../inventory';
import { type AsnStatus, transitionAsn } from './asn.state';
import { checkedSkus, type ExpectedLineInput, expiryOf, skuLabel } from './inbound.lines';
import { assertSeesDoc, docScopeOf, type WhContext } from './warehouse.access';
import { warehouseDeps } from './warehouse.deps';
import { type AsnLineRow, type AsnRow, whDb } from './warehouse.tables';

export interface AsnLineInput extends ExpectedLineInput {
  qty: number;
}

export interface AsnInput {
  /** The goods' owner; a merchant-portal user may only send their own. */
  merchantId?: string | null;
  warehouseId: string;
  supplierName?: string | null;
  carrier?: string | null;
  trackingNo?: string | null;
  expectedDate?: string | null;
  note?: string | null;
  lines: AsnLineInput[];
}

export interface AsnQuery {
  warehouseId?: string;
  merchantId?: string;
  status?: AsnStatus;
  q?: string;
  limit: number;
  cursor?: string;
}

export const toAsnSummary = (
  r: AsnRow,
  merchantName: string | null,
  totals: { lines: number; qty: number },
) => ({
  id: r.id,
  number: r.number,
  merchantId: r.merchant_id,
  merchantName,
  warehouseId: r.warehouse_id,
  status: r.status,
  supplierName: r.supplier_name,
  carrier: r.carrier,
  trackingNo: r.tracking_no,
  expectedDate: r.expected_date,
  note: r.note,
  createdByName: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  lineCount: totals.lines,
  totalQty: totals.qty,
});
export type AsnSummary = ReturnType<typeof toAsnSummary>;

/** Which merchant an ASN is for: a portal user's own, or the one staff name. */
export async function merchantFor(
  db: Db | Trx,
  principal: Principal | null,
  wanted: string | null | undefined,
) {
  const own = principal?.merchantId ?? null;
  if (own) {
    if (wanted && wanted !== own) throw forbidden('warehouse.merchant_mismatch');
    return own;
  }
  if (!wanted) throw forbidden('warehouse.merchant_required');
  if (!(await warehouseDeps().merchantExists(db as Db, wanted))) throw notFound('merchant', wanted);
  return wanted;
}

/** A warehouse the caller may send goods to (exists, within a scoped user's warehouses). */
export async function assertWarehouse(db: Db | Trx, principal: Principal | null, warehouseId: string) {
  if (principal && !canAccessWarehouse(principal, warehouseId)) throw notFound('warehouse', warehouseId);
  if ((await missingWarehouses(db as Db, [warehouseId])).length) throw notFound('warehouse', warehouseId);
}

/** A merchant (or staff for them) announces goods on their way to a warehouse. */
export async function createAsn(trx: Trx, input: AsnInput, ctx: WhContext): Promise<string> {
  const merchantId = await merchantFor(trx, ctx.principal, input.merchantId);
  await assertWarehouse(trx, ctx.principal, input.warehouseId);
  const skus = await checkedSkus(trx, merchantId, input.lines, 'body.lines');
  const id = newId();
  const number = await nextDocNumber(trx, 'ASN', ctx.now);
  await whDb(trx)
    .insertInto('warehouse.asn')
    .values({
      id,
      number,
      merchant_id: merchantId,
      warehouse_id: input.warehouseId,
      status: 'open',
      supplier_name: input.supplierName ?? null,
      carrier: input.carrier ?? null,
      tracking_no: input.trackingNo ?? null,
      expected_date: input.expectedDate ?? null,
      note: input.note ?? null,
      created_by_id: ctx.actor.id,
      created_by_name: ctx.actor.name,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  await whDb(trx)
    .insertInto('warehouse.asn_line')
    .values(
      input.lines.map((l, i) => ({
        id: newId(),
        asn_id: id,
        line_no: i + 1,
        sku_id: l.skuId,
        qty: l.qty,
        lot_code: l.lotCode ?? null,
        production_date: l.productionDate ?? null,
        expiry_date: expiryOf(skus.get(l.skuId)!, l.productionDate, l.expiryDate),
      })),
    )
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: 'warehouse.asn',
      entityId: id,
      summary: `ASN ${number}: ${input.lines.length} line(s), ${input.lines.reduce((s, l) => s + l.qty, 0)} unit(s)`,
      after: { ...input, merchantId, number },
      merchantId,
    },
    ctx.now,
  );
  return id;
}

/** The ASN row locked for a change, within the caller's scope. */
export async function lockAsn(trx: Trx, principal: Principal | null, id: string): Promise<AsnRow> {
  const row = await whDb(trx)
    .selectFrom('warehouse.asn')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  assertSeesDoc(principal, 'asn', row, id);
  return row;
}

export async function cancelAsn(trx: Trx, id: string, reason: string | null, ctx: WhContext): Promise<void> {
  const asn = await lockAsn(trx, ctx.principal, id);
  const before = asn.status;
  await transitionAsn(trx, asn, 'cancelled', ctx.now);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'cancel',
      entity: 'warehouse.asn',
      entityId: id,
      summary: `ASN ${asn.number} cancelled${reason ? `: ${reason}` : ''}`,
      before: { status: before },
      after: { status: 'cancelled', reason },
      merchantId: asn.merchant_id,
    },
    ctx.now,
  );
}

async function totalsOf(db: Db, asnIds: string[]) {
  if (!asnIds.length) return new Map<string, { lines: number; qty: number }>();
  const rows = await whDb(db)
    .selectFrom('warehouse.asn_line')
    .select('asn_id')
    .select((eb) => [eb.fn.countAll<string>().as('lines'), eb.fn.sum<string>('qty').as('qty')])
    .where('asn_id', 'in', asnIds)
    .groupBy('asn_id')
    .execute();
  return new Map(rows.map((r) => [r.asn_id, { lines: Number(r.lines), qty: Number(r.qty) }]));
}

export async function listAsns(db: Db, principal: Principal | null, query: AsnQuery) {
  const scope = docScopeOf(principal);
  if (scope.warehouseIds && !scope.warehouseIds.length)
    return { items: [] as AsnSummary[], nextCursor: null };
  let q = whDb(db).selectFrom('warehouse.asn').selectAll();
  if (scope.warehouseIds) q = q.where('warehouse_id', 'in', scope.warehouseIds);
  if (scope.merchantId) q = q.where('merchant_id', '=', scope.merchantId);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.merchantId) q = q.where('merchant_id', '=', query.merchantId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.q) {
    const like = containsPattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('number', 'ilike', like),
        eb('supplier_name', 'ilike', like),
        eb('tracking_no', 'ilike', like),
      ]),
    );
  }
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2).map(String);
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(at)),
        eb.and([eb('created_at', '=', new Date(at)), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
  const [names, totals] = await Promise.all([
    warehouseDeps().merchantNames(db, [...new Set(page.items.map((r) => r.merchant_id))]),
    totalsOf(
      db,
      page.items.map((r) => r.id),
    ),
  ]);
  return {
    items: page.items.map((r) =>
      toAsnSummary(r, names.get(r.merchant_id) ?? null, totals.get(r.id) ?? { lines: 0, qty: 0 }),
    ),
    nextCursor: page.nextCursor,
  };
}

export const toAsnLineView = (l: AsnLineRow, label: ReturnType<typeof skuLabel>) => ({
  id: l.id,
  lineNo: l.line_no,
  skuId: l.sku_id,
  ...label,
  qty: Number(l.qty),
  lotCode: l.lot_code,
  productionDate: l.production_date,
  expiryDate: l.expiry_date,
});

export async function getAsn(db: Db, principal: Principal | null, id: string) {
  const row = await whDb(db).selectFrom('warehouse.asn').selectAll().where('id', '=', id).executeTakeFirst();
  assertSeesDoc(principal, 'asn', row, id);
  const lines = await whDb(db)
    .selectFrom('warehouse.asn_line')
    .selectAll()
    .where('asn_id', '=', id)
    .orderBy('line_no')
    .execute();
  const [skus, names, receipt] = await Promise.all([
    warehouseDeps().skusByIds(
      db,
      lines.map((l) => l.sku_id),
    ),
    warehouseDeps().merchantNames(db, [row.merchant_id]),
    whDb(db)
      .selectFrom('warehouse.receipt')
      .select(['id', 'number', 'status'])
      .where('asn_id', '=', id)
      .orderBy('created_at', 'desc')
      .executeTakeFirst(),
  ]);
  return {
    ...toAsnSummary(row, names.get(row.merchant_id) ?? null, {
      lines: lines.length,
      qty: lines.reduce((s, l) => s + Number(l.qty), 0),
    }),
    receipt: receipt ? { id: receipt.id, number: receipt.number, status: receipt.status } : null,
    lines: lines.map((l) => toAsnLineView(l, skuLabel(skus.get(l.sku_id), l.sku_id))),
  };
}
export type AsnView = Awaited<ReturnType<typeof getAsn>>;
