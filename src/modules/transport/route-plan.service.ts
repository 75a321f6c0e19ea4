import { recordAudit } from '../../platform/audit/audit';
import type { Actor, Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db/database';
import { containsPattern } from '../../platform/db/like';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { type Lang, t } from '../../platform/i18n/i18n';
import { type EnqueueJobInput, getJob, isFinished, type Job, requestCancel } from '../../platform/jobs';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { ROUTE_PLAN_JOB, type RoutePlanPayload } from './route-plan.jobs';
import type { RoutePlan } from './route-plan.schemas';
import type { ShipmentSources } from './route-plan.shipments';
import {
  type RoutePlanSelected,
  type RoutePlanSource,
  type RoutePlanSummary,
  type RoutePlanSummaryRow,
  SUMMARY_COLUMNS,
  toSummary,
  transportDb,
} from './route-plan.table';
import type { ListRoutePlansQuery, RoutePlanDetail } from './route-plan.views';

/** A warehouse as the inventory module describes it (only what a depot needs). */
export interface DepotWarehouse {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
}

export interface TransportDeps {
  enqueueJob: (db: Db | Trx, input: EnqueueJobInput<RoutePlanPayload>) => Promise<Job>;
  /** Warehouses the caller may see (inventory's `listWarehouses`). */
  listWarehouses: (db: Db, principal: Principal | null) => Promise<DepotWarehouse[]>;
  /** Shipments ready to leave a warehouse and their consignees (warehouse and orders modules). */
  shipments?: ShipmentSources;
}

export interface PlanContext {
  principal: Principal;
  actor: Actor;
  lang: Lang;
  now: Date;
}

const ENTITY = 'transport.route_plan';

/** Whether the caller may see a plan: merchant users their company's, warehouse-scoped users their warehouses' (and their own). */
export function canSeePlan(
  principal: Principal,
  row: Pick<RoutePlanSelected, 'merchant_id' | 'warehouse_id' | 'created_by'>,
) {
  if (principal.merchantId) return row.merchant_id === principal.merchantId;
  if (principal.warehouseIds === 'all') return true;
  if (row.created_by === principal.userId) return true;
  return row.warehouse_id !== null && principal.warehouseIds.includes(row.warehouse_id);
}

async function resolveDepot(db: Db, deps: TransportDeps, plan: RoutePlan, ctx: PlanContext) {
  if (!plan.warehouseId) return { plan, warehouse: null };
  const warehouse = (await deps.listWarehouses(db, ctx.principal)).find((w) => w.id === plan.warehouseId);
  if (!warehouse) {
    throw new AppError('unprocessable', 'transport.warehouse_not_found', { id: plan.warehouseId }, [
      {
        field: 'body.warehouseId',
        code: 'transport.warehouse_not_found',
        message: 'transport.warehouse_not_found',
        params: { id: plan.warehouseId },
      },
    ]);
  }
  const depot = { ...plan.depot };
  if (plan.coordinates === 'geo' && (depot.lat === undefined || depot.lon === undefined)) {
    if (warehouse.latitude === null || warehouse.longitude === null) {
      throw new AppError('unprocessable', 'transport.warehouse_no_location', { code: warehouse.code });
    }
    depot.lat = warehouse.latitude;
    depot.lon = warehouse.longitude;
  }
  depot.name ??= ctx.lang === 'en' ? warehouse.nameEn : warehouse.nameZh;
  depot.address ??= warehouse.address;
  return { plan: { ...plan, depot }, warehouse };
}

/** Store the plan and queue its solver job, in the caller's transaction. */
export async function createRoutePlan(
  trx: Trx,
  deps: TransportDeps,
  input: RoutePlan,
  ctx: PlanContext,
  source: RoutePlanSource = 'stops',
): Promise<{ plan: RoutePlanSummary; job: Job }> {
  const { plan, warehouse } = await resolveDepot(trx, deps, input, ctx);
  const id = newId();
  const number = await nextDocNumber(trx, 'RP', ctx.now);
  const name = plan.name || [warehouse?.code, plan.date].filter(Boolean).join(' ') || number;
  const payload: RoutePlanPayload = { planId: id, plan, lang: ctx.lang };
  const job = await deps.enqueueJob(trx, {
    kind: ROUTE_PLAN_JOB,
    payload,
    createdBy: ctx.principal.userId,
    merchantId: ctx.principal.merchantId,
    now: ctx.now,
    // A solver run is deterministic; an unexpected failure will not go away by repeating it.
    maxAttempts: 2,
  });
  const row = await transportDb(trx)
    .insertInto('transport.route_plan')
    .values({
      id,
      number,
      name,
      status: 'queued',
      job_id: job.id,
      delivery_date: plan.date ?? null,
      warehouse_id: warehouse?.id ?? null,
      warehouse_code: warehouse?.code ?? null,
      merchant_id: ctx.principal.merchantId,
      created_by: ctx.principal.userId,
      created_by_name: ctx.principal.displayName || ctx.principal.username,
      plan: JSON.stringify(plan),
      stop_count: plan.stops.length,
      fleet_size: plan.vehicles.reduce((sum, v) => sum + v.count, 0),
      time_limit_seconds: plan.timeLimitSeconds,
      progress_series: '[]',
      created_at: ctx.now,
      source,
    })
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow();
  // Which order and outbound document each stop delivers: a day's shipments go on one plan.
  const refs = plan.stops.flatMap((s) =>
    s.shipment
      ? [
          {
            plan_id: id,
            stop_id: s.id,
            outbound_id: s.shipment.outboundId,
            outbound_number: s.shipment.outboundNumber,
            order_id: s.shipment.orderId,
            order_number: s.shipment.orderNumber,
          },
        ]
      : [],
  );
  if (refs.length) {
    await transportDb(trx)
      .insertInto('transport.route_plan_shipment')
      .values(refs)
      .onConflict((oc) => oc.columns(['plan_id', 'outbound_id']).doNothing())
      .execute();
  }
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: ENTITY,
      entityId: id,
      summary: `${number} ${name}`,
      after: {
        number,
        name,
        warehouse: warehouse?.code ?? null,
        source,
        stops: plan.stops.length,
        vehicleTypes: plan.vehicles.map((v) => `${v.id}×${v.count}`),
        timeLimitSeconds: plan.timeLimitSeconds,
      },
      merchantId: ctx.principal.merchantId,
    },
    ctx.now,
  );
  return { plan: toSummary(row), job };
}

/**
 * The plan's status as the user should see it. The solver job updates the row itself; a job that
 * ended without its handler noticing (worker lost, cancelled while queued) is read from the queue.
 */
async function effectiveState(db: Db, row: RoutePlanSummaryRow, lang: Lang) {
  if (isFinished(row.status)) return { status: row.status, error: null };
  const job = await getJob(db, row.job_id);
  if (!job) return { status: row.status, error: null };
  const status = isFinished(job.status) || job.status === 'running' ? job.status : row.status;
  const error = job.error
    ? { code: job.error.code, message: t(lang, job.error.code, job.error.params ?? {}) }
    : null;
  return { status, error: status === 'failed' ? error : null };
}

async function visibleRow(db: Db, principal: Principal, id: string): Promise<RoutePlanSelected> {
  const row = await transportDb(db)
    .selectFrom('transport.route_plan')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !canSeePlan(principal, row)) throw notFound('route_plan', id);
  return row;
}

export async function getRoutePlan(
  db: Db,
  principal: Principal,
  id: string,
  lang: Lang,
): Promise<RoutePlanDetail> {
  const row = await visibleRow(db, principal, id);
  const state = await effectiveState(db, row, lang);
  return {
    ...toSummary(row),
    status: state.status,
    plan: row.plan,
    progressSeries: row.progress_series ?? [],
    result: row.result,
    error: state.error,
  };
}

/** The plan row for route sheets (visibility checked). */
export const getRoutePlanRow = visibleRow;

/** The running state of a plan and its best-cost series, without the large documents. */
export async function getRoutePlanProgress(db: Db, principal: Principal, id: string, lang: Lang) {
  const row = await transportDb(db)
    .selectFrom('transport.route_plan')
    .select([...SUMMARY_COLUMNS, 'progress_series'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !canSeePlan(principal, row)) throw notFound('route_plan', id);
  const state = await effectiveState(db, row, lang);
  const summary = toSummary(row);
  return {
    id: summary.id,
    status: state.status,
    progress: isFinished(state.status) && state.status === 'succeeded' ? 1 : summary.progress,
    stopRequested: summary.stopRequested,
    timeLimitSeconds: summary.timeLimitSeconds,
    startedAt: summary.startedAt,
    series: row.progress_series ?? [],
    error: state.error,
  };
}
export type RoutePlanProgress = Awaited<ReturnType<typeof getRoutePlanProgress>>;

export async function listRoutePlans(db: Db, principal: Principal, query: ListRoutePlansQuery, lang: Lang) {
  let q = transportDb(db).selectFrom('transport.route_plan').select(SUMMARY_COLUMNS);
  if (principal.merchantId) q = q.where('merchant_id', '=', principal.merchantId);
  else if (principal.warehouseIds !== 'all') {
    const ids = principal.warehouseIds;
    q = q.where((eb) =>
      eb.or([
        eb('created_by', '=', principal.userId),
        ...(ids.length ? [eb('warehouse_id', 'in', ids)] : []),
      ]),
    );
  }
  if (query.status) q = q.where('status', '=', query.status);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.q) {
    const like = containsPattern(query.q);
    q = q.where((eb) => eb.or([eb('number', 'ilike', like), eb('name', 'ilike', like)]));
  }
  if (query.cursor) {
    const [at, cursorId] = decodeCursor(query.cursor, 2);
    if (typeof at !== 'string' || typeof cursorId !== 'string' || Number.isNaN(Date.parse(at))) {
      throw new AppError('bad_request', 'invalid_cursor');
    }
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(at), cursorId)));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
  const items = await Promise.all(
    page.items.map(async (row) => ({
      ...toSummary(row),
      status: (await effectiveState(db, row, lang)).status,
    })),
  );
  return { items, nextCursor: page.nextCursor };
}

/** Cancel a queued or running plan: its job stops at the next check and the plan is not kept. */
export async function cancelRoutePlan(trx: Trx, principal: Principal, id: string, ctx: PlanContext) {
  const row = await visibleRow(trx, principal, id);
  const state = await effectiveState(trx, row, ctx.lang);
  if (isFinished(state.status)) {
    throw new AppError('conflict', 'transport.route_plan.not_running', {
      number: row.number,
      status: state.status,
    });
  }
  const job = await requestCancel(trx, row.job_id, ctx.now);
  if (job.status === 'cancelled') {
    await transportDb(trx)
      .updateTable('transport.route_plan')
      .set({ status: 'cancelled', finished_at: ctx.now })
      .where('id', '=', id)
      .execute();
  }
  await recordAudit(
    trx,
    ctx.actor,
    { action: 'cancel', entity: ENTITY, entityId: id, summary: row.number, merchantId: row.merchant_id },
    ctx.now,
  );
  return getRoutePlan(trx, principal, id, ctx.lang);
}

/** Stop a running search now and keep the best plan found so far. */
export async function finishRoutePlan(trx: Trx, principal: Principal, id: string, ctx: PlanContext) {
  const row = await visibleRow(trx, principal, id);
  const state = await effectiveState(trx, row, ctx.lang);
  if (state.status !== 'running' || row.status !== 'running') {
    throw new AppError('conflict', 'transport.route_plan.not_running', {
      number: row.number,
      status: state.status,
    });
  }
  await transportDb(trx)
    .updateTable('transport.route_plan')
    .set({ stop_requested: true })
    .where('id', '=', id)
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'finish_early',
      entity: ENTITY,
      entityId: id,
      summary: row.number,
      merchantId: row.merchant_id,
    },
    ctx.now,
  );
  return getRoutePlan(trx, principal, id, ctx.lang);
}
