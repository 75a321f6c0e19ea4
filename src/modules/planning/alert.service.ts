import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import type { AlertDraft, AlertKind, AlertSeverity } from './alert.logic';
import { type AlertRow, idList, json, planningDb } from './planning.tables';
import type { Scope } from './suggestion.service';

export const ALERT_ENTITY = 'planning.alert';
/** Published when an alert is raised (or gets more severe), for notifications. */
export const ALERT_RAISED_TOPIC = 'planning.alert_raised';
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface Alert {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  skuId: string;
  warehouseId: string;
  merchantId: string | null;
  lotId: string | null;
  status: AlertStatus;
  params: Record<string, string | number | null>;
  firstRaisedAt: string;
  lastRaisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  ackNote: string | null;
  resolvedAt: string | null;
}

export const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  kind: r.kind as AlertKind,
  severity: r.severity as AlertSeverity,
  skuId: r.sku_id,
  warehouseId: r.warehouse_id,
  merchantId: r.merchant_id,
  lotId: r.lot_id,
  status: r.status as AlertStatus,
  params: (r.params ?? {}) as Alert['params'],
  firstRaisedAt: r.first_raised_at.toISOString(),
  lastRaisedAt: r.last_raised_at.toISOString(),
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
  acknowledgedBy: r.acknowledged_by_name,
  ackNote: r.ack_note,
  resolvedAt: r.resolved_at?.toISOString() ?? null,
});

export interface SeriesAlerts {
  skuId: string;
  warehouseId: string;
  merchantId: string | null;
  drafts: AlertDraft[];
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };
const dedupeKey = (skuId: string, warehouseId: string, d: AlertDraft) =>
  `${d.kind}|${skuId}|${warehouseId}|${d.lotId ?? '-'}`;

/**
 * Bring the live alerts of the reviewed series in line with today's findings: raise new ones (and
 * publish them), refresh the ones still true (an acknowledged alert stays acknowledged unless it got
 * more severe), resolve the ones no longer true.
 */
export async function syncAlerts(
  trx: Trx,
  reviewed: readonly SeriesAlerts[],
  now: Date,
): Promise<{ raised: number; refreshed: number; resolved: number }> {
  const db = planningDb(trx);
  const counts = { raised: 0, refreshed: 0, resolved: 0 };
  if (!reviewed.length) return counts;
  const skuIds = [...new Set(reviewed.map((r) => r.skuId))];
  const pairs = new Set(reviewed.map((r) => `${r.skuId}|${r.warehouseId}`));
  const live = new Map<string, AlertRow>();
  for (let i = 0; i < skuIds.length; i += 1000) {
    const rows = await db
      .selectFrom('planning.alert')
      .selectAll()
      .where('status', '<>', 'resolved')
      .where('sku_id', 'in', skuIds.slice(i, i + 1000))
      .forUpdate()
      .execute();
    for (const r of rows) if (pairs.has(`${r.sku_id}|${r.warehouse_id}`)) live.set(r.dedupe_key, r);
  }
  const seen = new Set<string>();
  for (const series of reviewed) {
    for (const d of series.drafts) {
      const key = dedupeKey(series.skuId, series.warehouseId, d);
      if (seen.has(key)) continue;
      seen.add(key);
      const existing = live.get(key);
      if (existing) {
        const worse = SEVERITY_RANK[d.severity] > SEVERITY_RANK[existing.severity as AlertSeverity];
        await db
          .updateTable('planning.alert')
          .set({
            severity: d.severity,
            params: json(d.params),
            last_raised_at: now,
            ...(worse && existing.status === 'acknowledged'
              ? { status: 'open', acknowledged_at: null, acknowledged_by_name: null, ack_note: null }
              : {}),
          })
          .where('id', '=', existing.id)
          .execute();
        if (worse)
          await publish(
            trx,
            ALERT_RAISED_TOPIC,
            { alertId: existing.id, kind: d.kind, severity: d.severity },
            now,
          );
        counts.refreshed++;
        continue;
      }
      const id = newId();
      await db
        .insertInto('planning.alert')
        .values({
          id,
          kind: d.kind,
          severity: d.severity,
          sku_id: series.skuId,
          warehouse_id: series.warehouseId,
          merchant_id: series.merchantId,
          lot_id: d.lotId,
          dedupe_key: key,
          status: 'open',
          params: json(d.params),
          first_raised_at: now,
          last_raised_at: now,
          acknowledged_at: null,
          acknowledged_by_name: null,
          ack_note: null,
          resolved_at: null,
        })
        .execute();
      await publish(
        trx,
        ALERT_RAISED_TOPIC,
        {
          alertId: id,
          kind: d.kind,
          severity: d.severity,
          skuId: series.skuId,
          warehouseId: series.warehouseId,
          merchantId: series.merchantId,
          params: d.params,
        },
        now,
      );
      counts.raised++;
    }
  }
  const gone = [...live.values()].filter((r) => !seen.has(r.dedupe_key)).map((r) => r.id);
  for (let i = 0; i < gone.length; i += 1000) {
    await db
      .updateTable('planning.alert')
      .set({ status: 'resolved', resolved_at: now })
      .where('id', 'in', gone.slice(i, i + 1000))
      .execute();
  }
  counts.resolved = gone.length;
  return counts;
}

export interface AlertQuery {
  status?: AlertStatus;
  kind?: AlertKind;
  severity?: AlertSeverity;
  warehouseId?: string;
  skuId?: string;
  limit: number;
  cursor?: string;
}

const scoped = <Q extends { where: (...args: any[]) => Q }>(q: Q, scope: Scope): Q => {
  let out = q;
  if (scope.warehouseIds) out = out.where('warehouse_id', 'in', idList(scope.warehouseIds));
  if (scope.merchantId) out = out.where('merchant_id', '=', scope.merchantId);
  return out;
};

/** Alerts, most severe and newest first. */
export async function listAlerts(db: Db, query: AlertQuery, scope: Scope) {
  const rank = sql<number>`case severity when 'critical' then 0 when 'warning' then 1 else 2 end`;
  let q = scoped(planningDb(db).selectFrom('planning.alert').selectAll().select(rank.as('rank')), scope);
  if (query.status) q = q.where('status', '=', query.status);
  else q = q.where('status', '<>', 'resolved');
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.severity) q = q.where('severity', '=', query.severity);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.skuId) q = q.where('sku_id', '=', query.skuId);
  if (query.cursor) {
    const [r, at, id] = decodeCursor(query.cursor, 3);
    const after = new Date(String(at));
    q = q.where(
      sql<boolean>`(${rank} > ${Number(r)} or (${rank} = ${Number(r)} and (first_raised_at < ${after} or (first_raised_at = ${after} and id > ${String(id)}))))`,
    );
  }
  const rows = await q
    .orderBy(rank)
    .orderBy('first_raised_at', 'desc')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [Number(r.rank), r.first_raised_at.toISOString(), r.id]);
  return { items: page.items.map(toAlert), nextCursor: page.nextCursor };
}

/** Open alerts by kind and severity (console badges). */
export async function alertCounts(db: Db, scope: Scope) {
  const rows = await scoped(
    planningDb(db)
      .selectFrom('planning.alert')
      .select(['kind', 'severity', sql<number>`count(*)::int`.as('n')])
      .where('status', '=', 'open')
      .groupBy(['kind', 'severity']),
    scope,
  ).execute();
  return rows.map((r) => ({
    kind: r.kind as AlertKind,
    severity: r.severity as AlertSeverity,
    count: Number(r.n),
  }));
}

/** A planner has seen the alert (and says what is being done): open → acknowledged. */
export async function acknowledgeAlert(
  trx: Trx,
  id: string,
  note: string | null,
  ctx: { actor: Actor; now: Date; scope: Scope },
): Promise<Alert> {
  const row = await planningDb(trx)
    .selectFrom('planning.alert')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  const visible =
    row &&
    (!ctx.scope.warehouseIds || ctx.scope.warehouseIds.includes(row.warehouse_id)) &&
    (!ctx.scope.merchantId || row.merchant_id === ctx.scope.merchantId);
  if (!row || !visible) throw notFound('alert', id);
  if (row.status !== 'open')
    throw new AppError('conflict', 'planning.alert.not_open', { status: row.status });
  const updated = await planningDb(trx)
    .updateTable('planning.alert')
    .set({
      status: 'acknowledged',
      acknowledged_at: ctx.now,
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
      entity: ALERT_ENTITY,
      entityId: id,
      summary: `${row.kind} (${row.severity})${note ? `: ${note}` : ''}`,
      before: toAlert(row),
      after: toAlert(updated),
      merchantId: row.merchant_id,
    },
    ctx.now,
  );
  return toAlert(updated);
}
