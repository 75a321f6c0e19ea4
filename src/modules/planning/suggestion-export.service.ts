import { recordAudits } from '../../platform/audit/audit';
import type { Db, Trx } from '../../platform/db';
import { type Lang, t } from '../../platform/i18n/i18n';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError, notFound } from '../../platform/lib/errors';
import type { PlanningSku, PlanningWarehouse } from './planning.deps';
import { idList, json, planningDb, type SuggestionRow } from './planning.tables';
import { CSV_TYPE, type FileFormat, writeSheet, XLSX_TYPE } from './planning-sheet';
import { enteredPolicies } from './policy.service';
import { type DecideContext, SUGGESTION_ENTITY, toSuggestion } from './suggestion.service';
import { nextStatus } from './suggestion.state';

export interface RequisitionFile {
  requisitionNo: string;
  count: number;
  fileName: string;
  contentType: string;
  body: Buffer;
}

export interface ExportLookups {
  skus: ReadonlyMap<string, PlanningSku>;
  warehouses: ReadonlyMap<string, PlanningWarehouse>;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

async function buildFile(
  db: Db,
  requisitionNo: string,
  rows: readonly SuggestionRow[],
  format: FileFormat,
  lang: Lang,
  lookups: ExportLookups,
): Promise<RequisitionFile> {
  const policies = await enteredPolicies(db, { skuIds: [...new Set(rows.map((r) => r.sku_id))] });
  const col = (key: string) => t(lang, `planning.export.${key}`);
  const header = [
    'requisition_no',
    'suggestion_no',
    'sku_code',
    'sku_name',
    'warehouse_code',
    'qty',
    'order_by',
    'need_by',
    'unit_cost',
    'amount',
    'reason',
  ].map(col);
  const body = rows.map((r) => {
    const sku = lookups.skus.get(r.sku_id);
    const cost = policies.get(`${r.sku_id}|${r.warehouse_id}`)?.unitCostFen ?? null;
    const reasons = (r.reasons as { code: string; params: Record<string, unknown> }[]) ?? [];
    return [
      requisitionNo,
      r.number,
      sku?.code ?? r.sku_id,
      sku ? (lang === 'en' ? (sku.nameEn ?? sku.nameZh) : sku.nameZh) : '',
      lookups.warehouses.get(r.warehouse_id)?.code ?? r.warehouse_id,
      r.qty,
      r.order_by,
      r.need_by,
      cost === null ? '' : yuan(cost),
      cost === null ? '' : yuan(cost * r.qty),
      reasons.map((x) => t(lang, `planning.reason.${x.code}`, x.params)).join('；'),
    ];
  });
  const file = await writeSheet(format, {
    header,
    rows: body,
    sheetName: t(lang, 'planning.export.sheet'),
    freeTextColumns: [3, 10],
  });
  return {
    requisitionNo,
    count: rows.length,
    fileName: `${requisitionNo}.${format}`,
    contentType: format === 'csv' ? CSV_TYPE : XLSX_TYPE,
    body: file,
  };
}

/**
 * Export accepted suggestions as one purchase requisition (until procurement exists): they get a
 * requisition number (PRQ…) and become `exported` (still counted as on order until closed).
 */
export async function exportRequisition(
  trx: Trx,
  filter: { ids?: string[]; warehouseId?: string },
  format: FileFormat,
  lang: Lang,
  lookups: ExportLookups,
  ctx: DecideContext,
): Promise<RequisitionFile> {
  let q = planningDb(trx).selectFrom('planning.suggestion').selectAll().where('status', '=', 'accepted');
  if (filter.ids) q = q.where('id', 'in', idList(filter.ids));
  if (filter.warehouseId) q = q.where('warehouse_id', '=', filter.warehouseId);
  if (ctx.scope.warehouseIds) q = q.where('warehouse_id', 'in', idList(ctx.scope.warehouseIds));
  if (ctx.scope.merchantId) q = q.where('merchant_id', '=', ctx.scope.merchantId);
  const rows = await q.orderBy('warehouse_id').orderBy('order_by').orderBy('id').forUpdate().execute();
  if (filter.ids) {
    const found = new Set(rows.map((r) => r.id));
    const missing = filter.ids.find((id) => !found.has(id));
    if (missing) throw new AppError('conflict', 'planning.suggestion.not_exportable', { id: missing });
  }
  if (!rows.length) throw new AppError('unprocessable', 'planning.suggestion.nothing_to_export');
  const requisitionNo = await nextDocNumber(trx, 'PRQ', ctx.now);
  const audits = [];
  for (const r of rows) {
    const to = nextStatus('accepted', 'export');
    const updated = await planningDb(trx)
      .updateTable('planning.suggestion')
      .set({
        status: to,
        requisition_no: requisitionNo,
        exported_at: ctx.now,
        version: r.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', r.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await planningDb(trx)
      .insertInto('planning.suggestion_history')
      .values({
        suggestion_id: r.id,
        at: ctx.now,
        action: 'export',
        from_status: r.status,
        to_status: to,
        actor_id: ctx.actor.id,
        actor_name: ctx.actor.name,
        reason: null,
        changes: json({ requisitionNo: { from: null, to: requisitionNo } }),
      })
      .execute();
    audits.push({
      action: 'export',
      entity: SUGGESTION_ENTITY,
      entityId: r.id,
      summary: `${r.number} → ${requisitionNo}`,
      before: toSuggestion(r),
      after: toSuggestion(updated),
      merchantId: r.merchant_id,
    });
  }
  await recordAudits(trx, ctx.actor, audits, ctx.now);
  return buildFile(trx, requisitionNo, rows, format, lang, lookups);
}

/** The file of an earlier export, again (no changes). */
export async function requisitionFile(
  db: Db,
  requisitionNo: string,
  format: FileFormat,
  lang: Lang,
  lookups: ExportLookups,
  scope: DecideContext['scope'],
): Promise<RequisitionFile> {
  let q = planningDb(db)
    .selectFrom('planning.suggestion')
    .selectAll()
    .where('requisition_no', '=', requisitionNo);
  if (scope.warehouseIds) q = q.where('warehouse_id', 'in', idList(scope.warehouseIds));
  if (scope.merchantId) q = q.where('merchant_id', '=', scope.merchantId);
  const rows = await q.orderBy('warehouse_id').orderBy('order_by').orderBy('id').execute();
  if (!rows.length) throw notFound('requisition', requisitionNo);
  return buildFile(db, requisitionNo, rows, format, lang, lookups);
}
