import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import { canAccessWarehouse, type Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { paginate } from '../../platform/http/pagination';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError, badRequest, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { binsByIds } from './bin.service';
import { coldDb, type IncidentKind, type IncidentRow, type IncidentStatus } from './coldchain.tables';
import { inventoryDeps } from './inventory.deps';
import { type LedgerContext, type MovementInput, postMovements } from './ledger.repo';
import { settleHoldLines } from './quality-hold.service';
import { breakReservations } from './reservation-break.service';
import { scopeOf } from './stock.query';
import type { BalanceRow, MovementType, StockStatus } from './stock.tables';
import { decodeTimeCursor } from './time-cursor';

/**
 * Safety incidents (安全管理): damage, loss, theft and fire, with the stock they destroyed. A draft
 * records what happened; posting writes the write-off movements in the same transaction (damage
 * and fire: `scrap`; loss and theft: `adjust` out), breaking reservations on stock that is gone.
 */
export const INCIDENT_POSTED = 'inventory.incident_posted';

/** Lifecycle: which status may follow which. */
export const INCIDENT_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  draft: ['posted', 'cancelled'],
  posted: [],
  cancelled: [],
};

export const WRITE_OFF_TYPE: Record<IncidentKind, Extract<MovementType, 'scrap' | 'adjust'>> = {
  damage: 'scrap',
  fire: 'scrap',
  loss: 'adjust',
  theft: 'adjust',
};

export interface IncidentLineInput {
  skuId: string;
  binId: string;
  lotId?: string | null;
  status?: StockStatus;
  qty: number;
}

export interface IncidentInput {
  warehouseId: string;
  kind: IncidentKind;
  occurredAt: string;
  description: string;
  /** File references (storage keys or URLs) of the photos taken. */
  photos: string[];
  lines: IncidentLineInput[];
}

export interface IncidentView {
  id: string;
  docNo: string;
  warehouseId: string;
  kind: IncidentKind;
  status: IncidentStatus;
  occurredAt: string;
  description: string;
  photos: string[];
  reportedByName: string;
  createdAt: string;
  postedAt: string | null;
  postedByName: string | null;
  totalQty: number;
  lines: Array<{
    lineNo: number;
    skuId: string;
    binId: string;
    binCode: string;
    lotId: string | null;
    lotCode: string | null;
    status: StockStatus;
    qty: number;
  }>;
}

type Ctx = LedgerContext & { principal: Principal | null };

/** Record an incident as a draft (lines checked: SKU, bin of that warehouse, lot). */
export async function createIncident(trx: Trx, input: IncidentInput, ctx: Ctx): Promise<IncidentRow> {
  if (ctx.principal && !canAccessWarehouse(ctx.principal, input.warehouseId))
    throw notFound('warehouse', input.warehouseId);
  const warehouse = await coldDb(trx)
    .selectFrom('inventory.warehouse')
    .select('id')
    .where('id', '=', input.warehouseId)
    .executeTakeFirst();
  if (!warehouse) throw notFound('warehouse', input.warehouseId);
  if (new Date(input.occurredAt).getTime() > ctx.now.getTime() + 5 * 60_000)
    throw badRequest('validation_failed', {}, [
      {
        field: 'body.occurredAt',
        code: 'inventory.incident_in_future',
        message: 'inventory.incident_in_future',
      },
    ]);
  const bins = await binsByIds(
    trx,
    input.lines.map((l) => l.binId),
    ctx.principal,
  );
  const issue = (index: number, field: string, code: string, params: Record<string, unknown> = {}) =>
    badRequest('validation_failed', {}, [
      { field: `body.lines.${index}.${field}`, code, message: code, params },
    ]);
  for (const [index, line] of input.lines.entries()) {
    if (bins.get(line.binId)!.warehouse_id !== input.warehouseId)
      throw issue(index, 'binId', 'inventory.incident_bin_elsewhere');
    const sku = await inventoryDeps().skuFacts(trx, line.skuId);
    if (sku.lotTracked && !line.lotId)
      throw issue(index, 'lotId', 'inventory.lot_required', { sku: sku.code });
    if (!sku.lotTracked && line.lotId)
      throw issue(index, 'lotId', 'inventory.lot_not_tracked', { sku: sku.code });
    if (line.lotId) {
      const lot = await coldDb(trx)
        .selectFrom('inventory.lot')
        .select('id')
        .where('id', '=', line.lotId)
        .where('sku_id', '=', sku.id)
        .executeTakeFirst();
      if (!lot) throw issue(index, 'lotId', 'inventory.incident_lot_unknown');
    }
  }
  const docNo = await nextDocNumber(trx, 'INC', ctx.now);
  const row = await coldDb(trx)
    .insertInto('inventory.incident')
    .values({
      id: newId(),
      doc_no: docNo,
      warehouse_id: input.warehouseId,
      kind: input.kind,
      status: 'draft',
      occurred_at: new Date(input.occurredAt),
      description: input.description,
      photos: JSON.stringify(input.photos),
      reported_by_id: ctx.actor.id,
      reported_by_name: ctx.actor.name,
      created_at: ctx.now,
      posted_at: null,
      posted_by_id: null,
      posted_by_name: null,
      cancelled_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await coldDb(trx)
    .insertInto('inventory.incident_line')
    .values(
      input.lines.map((l, i) => ({
        incident_id: row.id,
        line_no: i + 1,
        sku_id: l.skuId,
        bin_id: l.binId,
        lot_id: l.lotId ?? null,
        status: l.status ?? 'available',
        qty: l.qty,
      })),
    )
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: 'incident',
      entityId: row.id,
      summary: `${docNo} ${input.kind}: ${input.lines.length} line(s)`,
      after: input,
    },
    ctx.now,
  );
  return row;
}

async function lockIncident(trx: Trx, id: string, ctx: Ctx, to: IncidentStatus): Promise<IncidentRow> {
  const row = await coldDb(trx)
    .selectFrom('inventory.incident')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || (ctx.principal && !canAccessWarehouse(ctx.principal, row.warehouse_id)))
    throw notFound('incident', id);
  if (!INCIDENT_TRANSITIONS[row.status].includes(to))
    throw new AppError('conflict', 'inventory.incident_transition', {
      docNo: row.doc_no,
      from: row.status,
      to,
    });
  return row;
}

/**
 * Post a draft: one write-off movement per line, from the line's (bin, lot, status). Reserved stock
 * that must go is released from its orders first (only as much as the free quantity lacks). Short
 * stock refuses the whole posting (`inventory.insufficient_stock`), leaving the draft as it was.
 */
export async function postIncident(trx: Trx, id: string, ctx: Ctx): Promise<IncidentRow> {
  const incident = await lockIncident(trx, id, ctx, 'posted');
  const lines = await coldDb(trx)
    .selectFrom('inventory.incident_line')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('line_no')
    .execute();
  const available = lines.filter((l) => l.status === 'available');
  if (available.length) {
    const { rows: balances } = await sql<BalanceRow>`
      select b.* from inventory.balance b
      join (values ${sql.join(available.map((l) => sql`(${l.sku_id}::uuid, ${l.bin_id}::uuid, ${l.lot_id}::uuid)`))})
        as k(sku_id, bin_id, lot_id)
        on b.sku_id = k.sku_id and b.bin_id = k.bin_id and b.lot_id is not distinct from k.lot_id
      where b.status = 'available'
      order by b.sku_id, b.warehouse_id, b.id
      for update of b`.execute(trx);
    const need = new Map<string, { skuId: string; binId: string; lotId: string | null; qty: number }>();
    for (const l of available) {
      const k = `${l.sku_id}|${l.bin_id}|${l.lot_id ?? ''}`;
      need.set(k, {
        skuId: l.sku_id,
        binId: l.bin_id,
        lotId: l.lot_id,
        qty: (need.get(k)?.qty ?? 0) + Number(l.qty),
      });
    }
    const targets = [...need.entries()].flatMap(([k, n]) => {
      const b = balances.find((x) => `${x.sku_id}|${x.bin_id}|${x.lot_id ?? ''}` === k);
      if (!b) return [];
      const free = Number(b.on_hand) - Number(b.reserved);
      const short = Math.min(n.qty, Number(b.on_hand)) - free;
      return short > 0 ? [{ ...n, qty: short }] : [];
    });
    await breakReservations(
      trx,
      targets,
      'incident',
      { sourceType: 'incident', sourceId: incident.doc_no },
      ctx,
    );
  }
  const type = WRITE_OFF_TYPE[incident.kind];
  const movements: MovementInput[] = lines.map((l) => ({
    type,
    skuId: l.sku_id,
    lotId: l.lot_id,
    warehouseId: incident.warehouse_id,
    from: { binId: l.bin_id, status: l.status },
    qty: Number(l.qty),
    reason: `incident ${incident.kind} ${incident.doc_no}`,
    sourceType: 'incident',
    sourceId: incident.doc_no,
  }));
  await postMovements(trx, movements, ctx);
  // Held stock written off here is no longer waiting for quality review.
  await settleHoldLines(
    trx,
    lines
      .filter((l) => l.status === 'quality_hold')
      .map((l) => ({ skuId: l.sku_id, binId: l.bin_id, lotId: l.lot_id, qty: Number(l.qty) })),
    'scrapped',
    ctx.now,
  );
  const posted = await coldDb(trx)
    .updateTable('inventory.incident')
    .set({ status: 'posted', posted_at: ctx.now, posted_by_id: ctx.actor.id, posted_by_name: ctx.actor.name })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'post',
      entity: 'incident',
      entityId: id,
      summary: `${incident.doc_no} posted: ${type} ${lines.reduce((s, l) => s + Number(l.qty), 0)} unit(s)`,
      before: { status: incident.status },
      after: { status: 'posted', movements: movements.length },
    },
    ctx.now,
  );
  await publish(
    trx,
    INCIDENT_POSTED,
    {
      incidentId: id,
      docNo: incident.doc_no,
      warehouseId: incident.warehouse_id,
      kind: incident.kind,
      occurredAt: incident.occurred_at.toISOString(),
      lines: lines.map((l) => ({
        skuId: l.sku_id,
        binId: l.bin_id,
        lotId: l.lot_id,
        status: l.status,
        qty: Number(l.qty),
      })),
    },
    ctx.now,
  );
  return posted;
}

export async function cancelIncident(trx: Trx, id: string, ctx: Ctx): Promise<IncidentRow> {
  const incident = await lockIncident(trx, id, ctx, 'cancelled');
  const row = await coldDb(trx)
    .updateTable('inventory.incident')
    .set({ status: 'cancelled', cancelled_at: ctx.now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'cancel',
      entity: 'incident',
      entityId: id,
      summary: `${incident.doc_no} cancelled`,
      before: { status: incident.status },
      after: { status: 'cancelled' },
    },
    ctx.now,
  );
  return row;
}

export async function getIncident(
  db: Db | Trx,
  principal: Principal | null,
  id: string,
): Promise<IncidentView> {
  const row = await coldDb(db)
    .selectFrom('inventory.incident')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (principal && !canAccessWarehouse(principal, row.warehouse_id))) throw notFound('incident', id);
  return (await viewsOf(db, [row]))[0];
}

async function viewsOf(db: Db | Trx, rows: IncidentRow[]): Promise<IncidentView[]> {
  if (!rows.length) return [];
  const lines = await coldDb(db)
    .selectFrom('inventory.incident_line as l')
    .innerJoin('inventory.bin as b', 'b.id', 'l.bin_id')
    .leftJoin('inventory.lot as t', 't.id', 'l.lot_id')
    .selectAll('l')
    .select(['b.code as bin_code', 't.code as lot_code'])
    .where(
      'l.incident_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('l.incident_id')
    .orderBy('l.line_no')
    .execute();
  return rows.map((r) => {
    const mine = lines.filter((l) => l.incident_id === r.id);
    return {
      id: r.id,
      docNo: r.doc_no,
      warehouseId: r.warehouse_id,
      kind: r.kind,
      status: r.status,
      occurredAt: r.occurred_at.toISOString(),
      description: r.description,
      photos: (r.photos ?? []) as string[],
      reportedByName: r.reported_by_name,
      createdAt: r.created_at.toISOString(),
      postedAt: r.posted_at?.toISOString() ?? null,
      postedByName: r.posted_by_name,
      totalQty: mine.reduce((s, l) => s + Number(l.qty), 0),
      lines: mine.map((l) => ({
        lineNo: l.line_no,
        skuId: l.sku_id,
        binId: l.bin_id,
        binCode: l.bin_code,
        lotId: l.lot_id,
        lotCode: l.lot_code,
        status: l.status,
        qty: Number(l.qty),
      })),
    };
  });
}

export async function listIncidents(
  db: Db,
  principal: Principal | null,
  query: {
    warehouseId?: string;
    kind?: IncidentKind;
    status?: IncidentStatus;
    limit: number;
    cursor?: string;
  },
) {
  const scope = scopeOf(principal);
  if (scope && (!scope.length || (query.warehouseId && !scope.includes(query.warehouseId))))
    return { items: [] as IncidentView[], nextCursor: null };
  let q = coldDb(db).selectFrom('inventory.incident').selectAll();
  if (scope) q = q.where('warehouse_id', 'in', scope);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.cursor) {
    const [at, id] = decodeTimeCursor(query.cursor);
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(at, id)));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
  return { items: await viewsOf(db, page.items), nextCursor: page.nextCursor };
}
