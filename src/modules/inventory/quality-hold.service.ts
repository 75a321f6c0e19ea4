import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import { canAccessWarehouse, type Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { paginate } from '../../platform/http/pagination';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError, badRequest, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { businessDayOf } from '../../platform/time/calendar';
import { coldDb, type HoldStatus, type QualityHoldLineRow, type QualityHoldRow } from './coldchain.tables';
import { type LedgerContext, type MovementInput, postMovements } from './ledger.repo';
import { breakReservations, type LossReason, type LostReservation } from './reservation-break.service';
import { scopeOf } from './stock.query';
import type { BalanceRow } from './stock.tables';
import { decodeTimeCursor } from './time-cursor';

/**
 * Quality holds (质量冻结): stock taken out of sale (available → quality_hold) until quality review
 * decides, per line, what goes back to available, what is damaged and what is scrapped.
 */
export const QUALITY_HOLD_REVIEWED = 'inventory.quality_hold_reviewed';

export interface HoldLineView {
  id: number;
  skuId: string;
  binId: string;
  binCode: string;
  lotId: string | null;
  lotCode: string | null;
  expiryDate: string | null;
  qty: number;
  releasedQty: number;
  damagedQty: number;
  scrappedQty: number;
  expiredQty: number;
  /** Found missing by a count while on hold. */
  missingQty: number;
  /** Still on hold, waiting for review. */
  remainingQty: number;
}

export interface HoldView {
  id: string;
  docNo: string;
  warehouseId: string;
  reason: string;
  sourceType: string | null;
  sourceId: string | null;
  status: HoldStatus;
  createdAt: string;
  closedAt: string | null;
  reviewedByName: string | null;
  reviewNote: string | null;
  totalQty: number;
  remainingQty: number;
  lines?: HoldLineView[];
}

const remainingOf = (l: QualityHoldLineRow) =>
  Number(l.qty) -
  Number(l.released_qty) -
  Number(l.damaged_qty) -
  Number(l.scrapped_qty) -
  Number(l.expired_qty) -
  Number(l.missing_qty);

/**
 * Put the given available balances on quality hold: reservations on them are broken first (the
 * orders are told), then one `move` available → quality_hold per balance, all under one hold
 * document. Returns null when there was nothing to hold.
 */
export async function holdBalances(
  trx: Trx,
  input: {
    warehouseId: string;
    balances: BalanceRow[];
    reason: string;
    sourceType: string;
    sourceId: string;
    /** Why the orders lose their reservations (default: a temperature excursion). */
    lossReason?: LossReason;
  },
  ctx: LedgerContext,
): Promise<{ hold: QualityHoldRow; lines: QualityHoldLineRow[]; lost: LostReservation[] } | null> {
  const balances = input.balances.filter((b) => b.status === 'available' && Number(b.on_hand) > 0);
  if (!balances.length) return null;
  const docNo = await nextDocNumber(trx, 'QH', ctx.now);
  const lost = await breakReservations(
    trx,
    balances
      .filter((b) => Number(b.reserved) > 0)
      .map((b) => ({ skuId: b.sku_id, binId: b.bin_id, lotId: b.lot_id, qty: 'all' as const })),
    input.lossReason ?? 'temperature_excursion',
    { sourceType: 'quality_hold', sourceId: docNo },
    ctx,
  );
  const movements: MovementInput[] = balances.map((b) => ({
    type: 'move',
    skuId: b.sku_id,
    lotId: b.lot_id,
    warehouseId: b.warehouse_id,
    from: { binId: b.bin_id, status: 'available' },
    to: { binId: b.bin_id, status: 'quality_hold' },
    qty: Number(b.on_hand),
    reason: input.reason,
    sourceType: 'quality_hold',
    sourceId: docNo,
  }));
  await postMovements(trx, movements, ctx);
  const hold = await coldDb(trx)
    .insertInto('inventory.quality_hold')
    .values({
      id: newId(),
      doc_no: docNo,
      warehouse_id: input.warehouseId,
      reason: input.reason,
      source_type: input.sourceType,
      source_id: input.sourceId,
      status: 'open',
      created_at: ctx.now,
      closed_at: null,
      reviewed_by_id: null,
      reviewed_by_name: null,
      review_note: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const lines = await coldDb(trx)
    .insertInto('inventory.quality_hold_line')
    .values(
      balances.map((b) => ({
        hold_id: hold.id,
        sku_id: b.sku_id,
        bin_id: b.bin_id,
        lot_id: b.lot_id,
        qty: Number(b.on_hand),
      })),
    )
    .returningAll()
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'hold',
      entity: 'quality_hold',
      entityId: hold.id,
      summary: `${docNo}: ${lines.length} line(s) on quality hold — ${input.reason}`,
      after: { docNo, sourceType: input.sourceType, sourceId: input.sourceId, lines: lines.length, lost },
    },
    ctx.now,
  );
  return { hold, lines, lost };
}

/**
 * Held stock left the hold another way — quarantined by the expiry job (`expired`), written off in
 * an incident (`scrapped`) or not found by a count (`missing`): count it against the oldest open
 * hold lines of the same (sku, bin, lot), so a later review does not ask for stock that is no
 * longer held, and close the holds nothing is left on.
 */
export async function settleHoldLines(
  trx: Trx,
  moved: Array<{ skuId: string; binId: string; lotId: string | null; qty: number }>,
  as: 'expired' | 'scrapped' | 'missing',
  now: Date,
): Promise<void> {
  for (const m of moved) {
    const lines = await sql<QualityHoldLineRow>`
      select l.* from inventory.quality_hold_line l join inventory.quality_hold h on h.id = l.hold_id
      where h.status = 'open' and l.sku_id = ${m.skuId} and l.bin_id = ${m.binId}
        and l.lot_id is not distinct from ${m.lotId}::uuid
      order by l.id for update of l`.execute(trx);
    let left = m.qty;
    for (const line of lines.rows) {
      const take = Math.min(left, remainingOf(line));
      if (take <= 0) continue;
      left -= take;
      await coldDb(trx)
        .updateTable('inventory.quality_hold_line')
        .set((eb) =>
          as === 'expired'
            ? { expired_qty: eb('expired_qty', '+', take) }
            : as === 'missing'
              ? { missing_qty: eb('missing_qty', '+', take) }
              : { scrapped_qty: eb('scrapped_qty', '+', take) },
        )
        .where('id', '=', line.id)
        .execute();
    }
    await closeSettledHolds(trx, [...new Set(lines.rows.map((l) => l.hold_id))], now);
  }
}

async function closeSettledHolds(trx: Trx, holdIds: string[], now: Date): Promise<void> {
  if (!holdIds.length) return;
  await sql`
    update inventory.quality_hold h set status = 'closed', closed_at = ${now}
    where h.id in (${sql.join(holdIds.map((id) => sql`${id}::uuid`))}) and h.status = 'open'
      and not exists (select 1 from inventory.quality_hold_line l where l.hold_id = h.id
        and l.qty > l.released_qty + l.damaged_qty + l.scrapped_qty + l.expired_qty + l.missing_qty)`.execute(
    trx,
  );
}

export interface ReviewLine {
  lineId: number;
  /** Back to available. */
  release?: number;
  /** To damaged status (kept for return to the vendor or a claim). */
  damaged?: number;
  /** Written off (scrap movement). */
  scrap?: number;
}

/**
 * Quality review of a hold: per line, how much goes back to available, to damaged, or to scrap. A
 * line may be reviewed in parts; the hold closes when nothing is left on it. Stock of an expired lot
 * cannot go back to available.
 */
export async function reviewHold(
  trx: Trx,
  id: string,
  input: { lines: ReviewLine[]; note: string },
  ctx: LedgerContext & { principal: Principal | null },
): Promise<HoldView> {
  const hold = await coldDb(trx)
    .selectFrom('inventory.quality_hold')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!hold || (ctx.principal && !canAccessWarehouse(ctx.principal, hold.warehouse_id)))
    throw notFound('quality_hold', id);
  if (hold.status !== 'open') throw new AppError('conflict', 'inventory.hold_closed', { docNo: hold.doc_no });
  const lines = await coldDb(trx)
    .selectFrom('inventory.quality_hold_line as l')
    .leftJoin('inventory.lot as t', 't.id', 'l.lot_id')
    .selectAll('l')
    .select('t.expiry_date')
    .where('l.hold_id', '=', id)
    .orderBy('l.id')
    .forUpdate('l')
    .execute();
  const today = businessDayOf(ctx.now);
  const movements: MovementInput[] = [];
  const seen = new Set<number>();
  input.lines.forEach((r, index) => {
    const line = lines.find((l) => Number(l.id) === r.lineId);
    const field = `body.lines.${index}`;
    if (!line || seen.has(r.lineId))
      throw badRequest('validation_failed', {}, [
        {
          field: `${field}.lineId`,
          code: 'inventory.hold_line_unknown',
          message: 'inventory.hold_line_unknown',
        },
      ]);
    seen.add(r.lineId);
    const [release, damaged, scrap] = [r.release ?? 0, r.damaged ?? 0, r.scrap ?? 0];
    const total = release + damaged + scrap;
    const left = remainingOf(line);
    if (total <= 0 || total > left)
      throw badRequest('validation_failed', {}, [
        {
          field,
          code: 'inventory.hold_review_qty',
          message: 'inventory.hold_review_qty',
          params: { remaining: left, given: total },
        },
      ]);
    if (release > 0 && line.expiry_date && line.expiry_date < today)
      throw new AppError('conflict', 'inventory.hold_release_expired', { expiryDate: line.expiry_date });
    const base = {
      skuId: line.sku_id,
      lotId: line.lot_id,
      warehouseId: hold.warehouse_id,
      sourceType: 'quality_hold',
      sourceId: hold.doc_no,
    };
    const from = { binId: line.bin_id, status: 'quality_hold' as const };
    if (release)
      movements.push({
        ...base,
        type: 'move',
        from,
        to: { binId: line.bin_id, status: 'available' },
        qty: release,
        reason: `quality review: released — ${input.note}`,
      });
    if (damaged)
      movements.push({
        ...base,
        type: 'move',
        from,
        to: { binId: line.bin_id, status: 'damaged' },
        qty: damaged,
        reason: `quality review: damaged — ${input.note}`,
      });
    if (scrap)
      movements.push({
        ...base,
        type: 'scrap',
        from,
        qty: scrap,
        reason: `quality review: scrapped — ${input.note}`,
      });
  });
  await postMovements(trx, movements, ctx);
  for (const r of input.lines)
    await coldDb(trx)
      .updateTable('inventory.quality_hold_line')
      .set((eb) => ({
        released_qty: eb('released_qty', '+', r.release ?? 0),
        damaged_qty: eb('damaged_qty', '+', r.damaged ?? 0),
        scrapped_qty: eb('scrapped_qty', '+', r.scrap ?? 0),
      }))
      .where('id', '=', r.lineId)
      .execute();
  await coldDb(trx)
    .updateTable('inventory.quality_hold')
    .set({ reviewed_by_id: ctx.actor.id, reviewed_by_name: ctx.actor.name, review_note: input.note })
    .where('id', '=', id)
    .execute();
  await closeSettledHolds(trx, [id], ctx.now);
  const after = await getHold(trx, null, id);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'review',
      entity: 'quality_hold',
      entityId: id,
      summary: `${hold.doc_no} reviewed: ${input.note}`,
      before: { status: hold.status },
      after: { status: after.status, lines: input.lines, note: input.note },
    },
    ctx.now,
  );
  await publish(
    trx,
    QUALITY_HOLD_REVIEWED,
    {
      holdId: id,
      docNo: hold.doc_no,
      warehouseId: hold.warehouse_id,
      sourceType: hold.source_type,
      sourceId: hold.source_id,
      status: after.status,
      lines: input.lines,
      note: input.note,
      reviewedBy: ctx.actor.name,
      at: ctx.now.toISOString(),
    },
    ctx.now,
  );
  return after;
}

function toHoldView(
  h: QualityHoldRow,
  lines: HoldLineView[] | null,
  totals?: { total: number; remaining: number },
): HoldView {
  return {
    id: h.id,
    docNo: h.doc_no,
    warehouseId: h.warehouse_id,
    reason: h.reason,
    sourceType: h.source_type,
    sourceId: h.source_id,
    status: h.status,
    createdAt: h.created_at.toISOString(),
    closedAt: h.closed_at?.toISOString() ?? null,
    reviewedByName: h.reviewed_by_name,
    reviewNote: h.review_note,
    totalQty: totals?.total ?? (lines ?? []).reduce((s, l) => s + l.qty, 0),
    remainingQty: totals?.remaining ?? (lines ?? []).reduce((s, l) => s + l.remainingQty, 0),
    ...(lines ? { lines } : {}),
  };
}

export async function getHold(db: Db | Trx, principal: Principal | null, id: string): Promise<HoldView> {
  const hold = await coldDb(db)
    .selectFrom('inventory.quality_hold')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!hold || (principal && !canAccessWarehouse(principal, hold.warehouse_id)))
    throw notFound('quality_hold', id);
  const lines = await coldDb(db)
    .selectFrom('inventory.quality_hold_line as l')
    .innerJoin('inventory.bin as b', 'b.id', 'l.bin_id')
    .leftJoin('inventory.lot as t', 't.id', 'l.lot_id')
    .selectAll('l')
    .select(['b.code as bin_code', 't.code as lot_code', 't.expiry_date'])
    .where('l.hold_id', '=', id)
    .orderBy('l.id')
    .execute();
  return toHoldView(
    hold,
    lines.map((l) => ({
      id: Number(l.id),
      skuId: l.sku_id,
      binId: l.bin_id,
      binCode: l.bin_code,
      lotId: l.lot_id,
      lotCode: l.lot_code,
      expiryDate: l.expiry_date,
      qty: Number(l.qty),
      releasedQty: Number(l.released_qty),
      damagedQty: Number(l.damaged_qty),
      scrappedQty: Number(l.scrapped_qty),
      expiredQty: Number(l.expired_qty),
      missingQty: Number(l.missing_qty),
      remainingQty: remainingOf(l),
    })),
  );
}

export async function listHolds(
  db: Db,
  principal: Principal | null,
  query: { warehouseId?: string; status?: HoldStatus; limit: number; cursor?: string },
) {
  const scope = scopeOf(principal);
  if (scope && (!scope.length || (query.warehouseId && !scope.includes(query.warehouseId))))
    return { items: [] as HoldView[], nextCursor: null };
  let q = coldDb(db)
    .selectFrom('inventory.quality_hold as h')
    .selectAll('h')
    .select((eb) => [
      eb
        .selectFrom('inventory.quality_hold_line as l')
        .select(sql<string>`coalesce(sum(l.qty), 0)`.as('t'))
        .whereRef('l.hold_id', '=', 'h.id')
        .as('total_qty'),
      eb
        .selectFrom('inventory.quality_hold_line as l')
        .select(
          sql<string>`coalesce(sum(l.qty - l.released_qty - l.damaged_qty - l.scrapped_qty - l.expired_qty - l.missing_qty), 0)`.as(
            'r',
          ),
        )
        .whereRef('l.hold_id', '=', 'h.id')
        .as('remaining_qty'),
    ]);
  if (scope) q = q.where('h.warehouse_id', 'in', scope);
  if (query.warehouseId) q = q.where('h.warehouse_id', '=', query.warehouseId);
  if (query.status) q = q.where('h.status', '=', query.status);
  if (query.cursor) {
    const [at, id] = decodeTimeCursor(query.cursor);
    q = q.where((eb) => eb(eb.refTuple('h.created_at', 'h.id'), '<', eb.tuple(at, id)));
  }
  const rows = await q
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
  return {
    items: page.items.map((r) =>
      toHoldView(r, null, { total: Number(r.total_qty ?? 0), remaining: Number(r.remaining_qty ?? 0) }),
    ),
    nextCursor: page.nextCursor,
  };
}
