import { recordAudit } from '../../platform/audit/audit';
import { canAccessWarehouse, type Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { paginate } from '../../platform/http/pagination';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { type AlertKind, type AlertRow, type AlertSeverity, coldDb } from './coldchain.tables';
import type { LedgerContext } from './ledger.repo';
import { scopeOf } from './stock.query';
import { decodeTimeCursor } from './time-cursor';

/** Warehouse alerts (a temperature excursion, stock quarantined as expired) until someone acknowledges them. */
export interface AlertView {
  id: string;
  warehouseId: string;
  kind: AlertKind;
  severity: AlertSeverity;
  zoneId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  /** What the console needs to word the alert (zone code, peak temperature, quantities …). */
  params: Record<string, unknown>;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  ackNote: string | null;
}

export const toAlertView = (r: AlertRow): AlertView => ({
  id: r.id,
  warehouseId: r.warehouse_id,
  kind: r.kind,
  severity: r.severity,
  zoneId: r.zone_id,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  params: (r.params ?? {}) as Record<string, unknown>,
  raisedAt: r.raised_at.toISOString(),
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
  acknowledgedByName: r.acknowledged_by_name,
  ackNote: r.ack_note,
});

export async function raiseAlert(
  trx: Trx,
  input: {
    warehouseId: string;
    kind: AlertKind;
    severity: AlertSeverity;
    zoneId?: string | null;
    subjectType?: string | null;
    subjectId?: string | null;
    params: Record<string, unknown>;
  },
  now: Date,
): Promise<AlertRow> {
  return coldDb(trx)
    .insertInto('inventory.alert')
    .values({
      id: newId(),
      warehouse_id: input.warehouseId,
      kind: input.kind,
      severity: input.severity,
      zone_id: input.zoneId ?? null,
      subject_type: input.subjectType ?? null,
      subject_id: input.subjectId ?? null,
      params: JSON.stringify(input.params),
      raised_at: now,
      acknowledged_at: null,
      acknowledged_by_id: null,
      acknowledged_by_name: null,
      ack_note: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface AlertQuery {
  warehouseId?: string;
  kind?: AlertKind;
  /** `open`: not acknowledged yet. */
  state?: 'open' | 'acknowledged';
  limit: number;
  cursor?: string;
}

/** Alerts of the warehouses the principal may see, newest first. */
export async function listAlerts(db: Db, principal: Principal | null, query: AlertQuery) {
  const scope = scopeOf(principal);
  if (scope && (!scope.length || (query.warehouseId && !scope.includes(query.warehouseId))))
    return { items: [] as AlertView[], nextCursor: null, openCount: 0 };
  let q = coldDb(db).selectFrom('inventory.alert').selectAll();
  if (scope) q = q.where('warehouse_id', 'in', scope);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  const open = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('acknowledged_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (query.state === 'open') q = q.where('acknowledged_at', 'is', null);
  if (query.state === 'acknowledged') q = q.where('acknowledged_at', 'is not', null);
  if (query.cursor) {
    const [at, id] = decodeTimeCursor(query.cursor);
    q = q.where((eb) => eb(eb.refTuple('raised_at', 'id'), '<', eb.tuple(at, id)));
  }
  const rows = await q
    .orderBy('raised_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.raised_at.toISOString(), r.id]);
  return { items: page.items.map(toAlertView), nextCursor: page.nextCursor, openCount: Number(open.n) };
}

/** A user takes note of an alert (once); outside the user's warehouses it is "not found". */
export async function acknowledgeAlert(
  trx: Trx,
  id: string,
  note: string | null,
  ctx: LedgerContext & { principal: Principal | null },
): Promise<AlertView> {
  const row = await coldDb(trx)
    .selectFrom('inventory.alert')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || (ctx.principal && !canAccessWarehouse(ctx.principal, row.warehouse_id)))
    throw notFound('alert', id);
  if (row.acknowledged_at)
    throw new AppError('conflict', 'inventory.alert_already_acknowledged', {
      by: row.acknowledged_by_name ?? '-',
    });
  const updated = await coldDb(trx)
    .updateTable('inventory.alert')
    .set({
      acknowledged_at: ctx.now,
      acknowledged_by_id: ctx.actor.id,
      acknowledged_by_name: ctx.actor.name,
      ack_note: note,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'acknowledge',
      entity: 'inventory_alert',
      entityId: id,
      summary: `alert ${row.kind} acknowledged${note ? `: ${note}` : ''}`,
      before: { acknowledgedAt: null },
      after: { acknowledgedAt: ctx.now, note },
    },
    ctx.now,
  );
  return toAlertView(updated);
}
