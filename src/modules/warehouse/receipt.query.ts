import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { containsPattern } from '../../platform/db/like';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { skuLabel } from './inbound.lines';
import { taskViews } from './putaway.query';
import { arrivalRangeFor } from './receipt.inspection';
import { RECEIPT_TRANSITIONS, type ReceiptStatus } from './receipt.state';
import { assertSeesDoc, docScopeOf } from './warehouse.access';
import { warehouseDeps } from './warehouse.deps';
import { type ReceiptLineRow, type ReceiptRow, type RejectionRow, whDb } from './warehouse.tables';

export interface ReceiptQuery {
  warehouseId?: string;
  merchantId?: string;
  asnId?: string;
  status?: ReceiptStatus;
  q?: string;
  limit: number;
  cursor?: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Quantities of a receipt; rejects wait for return only once they are on the books (signed off). */
function totalsOf(lines: ReceiptLineRow[], rejections: RejectionRow[], booked: boolean) {
  const sum = (f: (l: ReceiptLineRow) => number | null) => lines.reduce((s, l) => s + Number(f(l) ?? 0), 0);
  const held = rejections.filter((r) => r.disposition === 'hold').reduce((s, r) => s + Number(r.qty), 0);
  const returned = sum((l) => l.returned_qty);
  return {
    lines: lines.length,
    inspectedLines: lines.filter((l) => l.inspected_at).length,
    expected: sum((l) => l.expected_qty),
    received: sum((l) => l.received_qty),
    accepted: sum((l) => l.accepted_qty),
    rejected: rejections.reduce((s, r) => s + Number(r.qty), 0),
    putaway: sum((l) => l.putaway_qty),
    held,
    returned,
    pendingReturn: booked ? held - returned : 0,
  };
}

const toSummary = (
  r: ReceiptRow,
  extra: { merchantName: string | null; asnNumber: string | null; totals: ReturnType<typeof totalsOf> },
) => ({
  id: r.id,
  number: r.number,
  warehouseId: r.warehouse_id,
  merchantId: r.merchant_id,
  merchantName: extra.merchantName,
  asnId: r.asn_id,
  asnNumber: extra.asnNumber,
  status: r.status,
  next: [...RECEIPT_TRANSITIONS[r.status]],
  supplierName: r.supplier_name,
  carrier: r.carrier,
  vehiclePlate: r.vehicle_plate,
  dock: r.dock,
  deliveryNoteNo: r.delivery_note_no,
  documents: r.documents ?? [],
  documentsComplete: r.documents_complete,
  note: r.note,
  arrivedAt: iso(r.arrived_at),
  signedOffAt: iso(r.signed_off_at),
  signedOffByName: r.signed_off_by_name,
  completedAt: iso(r.completed_at),
  cancelledAt: iso(r.cancelled_at),
  cancelReason: r.cancel_reason,
  createdByName: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  totals: extra.totals,
});
export type ReceiptSummary = ReturnType<typeof toSummary>;

async function linesAndRejections(db: Db, receiptIds: string[]) {
  if (!receiptIds.length) return { lines: [] as ReceiptLineRow[], rejections: [] as RejectionRow[] };
  const lines = await whDb(db)
    .selectFrom('warehouse.receipt_line')
    .selectAll()
    .where('receipt_id', 'in', receiptIds)
    .orderBy('line_no')
    .execute();
  const rejections = lines.length
    ? await whDb(db)
        .selectFrom('warehouse.receipt_rejection')
        .selectAll()
        .where(
          'receipt_line_id',
          'in',
          lines.map((l) => l.id),
        )
        .execute()
    : [];
  return { lines, rejections };
}

async function summariesOf(db: Db, rows: ReceiptRow[]) {
  const { lines, rejections } = await linesAndRejections(
    db,
    rows.map((r) => r.id),
  );
  const asnIds = [...new Set(rows.map((r) => r.asn_id).filter((a): a is string => !!a))];
  const [names, asns] = await Promise.all([
    warehouseDeps().merchantNames(db, [...new Set(rows.map((r) => r.merchant_id))]),
    asnIds.length
      ? whDb(db).selectFrom('warehouse.asn').select(['id', 'number']).where('id', 'in', asnIds).execute()
      : Promise.resolve([]),
  ]);
  return rows.map((r) => {
    const own = lines.filter((l) => l.receipt_id === r.id);
    const ids = new Set(own.map((l) => l.id));
    return toSummary(r, {
      merchantName: names.get(r.merchant_id) ?? null,
      asnNumber: asns.find((a) => a.id === r.asn_id)?.number ?? null,
      totals: totalsOf(
        own,
        rejections.filter((x) => ids.has(x.receipt_line_id)),
        r.signed_off_at !== null,
      ),
    });
  });
}

export async function listReceipts(db: Db, principal: Principal | null, query: ReceiptQuery) {
  const scope = docScopeOf(principal);
  if (scope.warehouseIds && !scope.warehouseIds.length)
    return { items: [] as ReceiptSummary[], nextCursor: null };
  let q = whDb(db).selectFrom('warehouse.receipt').selectAll();
  if (scope.warehouseIds) q = q.where('warehouse_id', 'in', scope.warehouseIds);
  if (scope.merchantId) q = q.where('merchant_id', '=', scope.merchantId);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.merchantId) q = q.where('merchant_id', '=', query.merchantId);
  if (query.asnId) q = q.where('asn_id', '=', query.asnId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.q) {
    const like = containsPattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('number', 'ilike', like),
        eb('supplier_name', 'ilike', like),
        eb('delivery_note_no', 'ilike', like),
        eb('vehicle_plate', 'ilike', like),
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
  const rows = (await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()) as ReceiptRow[];
  const page = paginate(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
  return { items: await summariesOf(db, page.items), nextCursor: page.nextCursor };
}

/** One receipt with its lines (inspection, rejections, arrival range), history, putaway tasks and returns. */
export async function getReceipt(db: Db, principal: Principal | null, id: string) {
  const row = (await whDb(db)
    .selectFrom('warehouse.receipt')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()) as ReceiptRow | undefined;
  assertSeesDoc(principal, 'receipt', row, id);
  const [summary] = await summariesOf(db, [row]);
  const { lines, rejections } = await linesAndRejections(db, [id]);
  const [skus, history, tasks, returns] = await Promise.all([
    warehouseDeps().skusByIds(
      db,
      lines.map((l) => l.sku_id),
    ),
    whDb(db)
      .selectFrom('warehouse.receipt_history')
      .selectAll()
      .where('receipt_id', '=', id)
      .orderBy('id')
      .execute(),
    taskViews(db, { receiptId: id }),
    whDb(db)
      .selectFrom('warehouse.vendor_return as r')
      .innerJoin('warehouse.vendor_return_line as l', 'l.return_id', 'r.id')
      .select([
        'r.id',
        'r.number',
        'r.carrier',
        'r.tracking_no',
        'r.note',
        'r.actor_name',
        'r.at',
        'l.receipt_line_id',
        'l.qty',
      ])
      .where('r.receipt_id', '=', id)
      .orderBy('r.at')
      .execute(),
  ]);
  const ranges = new Map<string, Awaited<ReturnType<typeof arrivalRangeFor>>>();
  for (const sku of skus.values()) ranges.set(sku.id, await arrivalRangeFor(db, row.warehouse_id, sku));
  const byReturn = new Map<string, (typeof returns)[number][]>();
  for (const r of returns) byReturn.set(r.id, [...(byReturn.get(r.id) ?? []), r]);
  return {
    ...summary,
    lines: lines.map((l) => {
      const sku = skus.get(l.sku_id);
      const own = rejections.filter((r) => r.receipt_line_id === l.id);
      const held = own.filter((r) => r.disposition === 'hold').reduce((s, r) => s + Number(r.qty), 0);
      return {
        id: l.id,
        lineNo: l.line_no,
        skuId: l.sku_id,
        ...skuLabel(sku, l.sku_id),
        skuBarcodes: sku?.barcodes ?? [],
        storageClass: sku?.storageClass ?? null,
        lotTracked: sku?.lotTracked ?? false,
        shelfLifeDays: sku?.shelfLifeDays ?? null,
        expectedQty: Number(l.expected_qty),
        receivedQty: l.received_qty === null ? null : Number(l.received_qty),
        acceptedQty: l.accepted_qty === null ? null : Number(l.accepted_qty),
        rejectedQty: own.reduce((s, r) => s + Number(r.qty), 0),
        rejections: own.map((r) => ({
          qty: Number(r.qty),
          reason: r.reason,
          disposition: r.disposition,
          note: r.note,
        })),
        lotCode: l.lot_code,
        lotId: l.lot_id,
        productionDate: l.production_date,
        expiryDate: l.expiry_date,
        arrivalTempDc: l.arrival_temp_dc,
        arrivalRange: ranges.get(l.sku_id) ?? null,
        overrideNote: l.override_note,
        overrideByName: l.override_by_name,
        photos: (l.photos ?? []) as string[],
        inspectionNote: l.inspection_note,
        inspectorName: l.inspector_name,
        inspectedAt: iso(l.inspected_at),
        putawayQty: Number(l.putaway_qty),
        heldQty: held,
        returnedQty: Number(l.returned_qty),
      };
    }),
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      at: h.at.toISOString(),
      actorName: h.actor_name,
      note: h.note,
    })),
    tasks,
    returns: [...byReturn.values()].map((rows) => ({
      id: rows[0].id,
      number: rows[0].number,
      carrier: rows[0].carrier,
      trackingNo: rows[0].tracking_no,
      note: rows[0].note,
      actorName: rows[0].actor_name,
      at: rows[0].at.toISOString(),
      lines: rows.map((r) => ({ lineId: r.receipt_line_id, qty: Number(r.qty) })),
    })),
  };
}
export type ReceiptView = Awaited<ReturnType<typeof getReceipt>>;
