import { sql } from 'kysely';
import { canAccessWarehouse, type Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { paginate } from '../../platform/http/pagination';
import { notFound } from '../../platform/lib/errors';
import { coldDb, type ExcursionRow } from './coldchain.tables';
import type { StorageClass } from './location.service';
import { scopeOf } from './stock.query';
import { decodeTimeCursor } from './time-cursor';

/** At most this many points per chart: longer ranges are averaged into time buckets. */
export const MAX_POINTS = 2000;

export interface ExcursionView {
  id: string;
  warehouseId: string;
  zoneId: string;
  zoneCode: string;
  startedAt: string;
  detectedAt: string;
  endedAt: string | null;
  direction: 'high' | 'low';
  trigger: 'duration' | 'hard_limit';
  peakDc: number;
  bandMinDc: number;
  bandMaxDc: number;
  holdId: string | null;
  holdDocNo: string | null;
}

const toExcursionView = (
  r: ExcursionRow & { zone_code: string; hold_doc_no: string | null },
): ExcursionView => ({
  id: r.id,
  warehouseId: r.warehouse_id,
  zoneId: r.zone_id,
  zoneCode: r.zone_code,
  startedAt: r.started_at.toISOString(),
  detectedAt: r.detected_at.toISOString(),
  endedAt: r.ended_at?.toISOString() ?? null,
  direction: r.direction,
  trigger: r.trigger,
  peakDc: r.peak_dc,
  bandMinDc: r.band_min_dc,
  bandMaxDc: r.band_max_dc,
  holdId: r.hold_id,
  holdDocNo: r.hold_doc_no,
});

const excursions = (db: Db) =>
  coldDb(db)
    .selectFrom('inventory.temperature_excursion as e')
    .innerJoin('inventory.zone as z', 'z.id', 'e.zone_id')
    .leftJoin('inventory.quality_hold as h', 'h.id', 'e.hold_id')
    .selectAll('e')
    .select(['z.code as zone_code', 'h.doc_no as hold_doc_no']);

export interface ZoneTemperature {
  zone: {
    id: string;
    code: string;
    warehouseId: string;
    storageClass: StorageClass;
    tempMinDc: number | null;
    tempMaxDc: number | null;
    toleranceMinutes: number;
    hardMarginDc: number;
  };
  from: string;
  to: string;
  /** Seconds per point: 0 for raw readings, otherwise the averaging bucket. */
  bucketSeconds: number;
  readings: Array<{ at: string; tempDc: number; minDc: number; maxDc: number; n: number }>;
  excursions: ExcursionView[];
}

/** A zone's readings over [from, to) (averaged into buckets past MAX_POINTS) with its band and excursions. */
export async function zoneTemperature(
  db: Db,
  principal: Principal | null,
  zoneId: string,
  range: { from: Date; to: Date },
): Promise<ZoneTemperature> {
  const zone = await coldDb(db)
    .selectFrom('inventory.zone as z')
    .leftJoin('inventory.temperature_rule as r', 'r.storage_class', 'z.storage_class')
    .select([
      'z.id',
      'z.code',
      'z.warehouse_id',
      'z.storage_class',
      'z.temp_min_dc',
      'z.temp_max_dc',
      'r.tolerance_minutes',
      'r.hard_margin_dc',
    ])
    .where('z.id', '=', zoneId)
    .executeTakeFirst();
  if (!zone || (principal && !canAccessWarehouse(principal, zone.warehouse_id)))
    throw notFound('zone', zoneId);
  const { from, to } = range;
  const count = await coldDb(db)
    .selectFrom('inventory.temperature_reading')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('zone_id', '=', zoneId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .executeTakeFirstOrThrow();
  const spanS = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000));
  const bucketSeconds = Number(count.n) > MAX_POINTS ? Math.ceil(spanS / MAX_POINTS) : 0;
  const { rows } = bucketSeconds
    ? await sql<{ at: Date; temp_dc: string; min_dc: number; max_dc: number; n: string }>`
        select date_bin(make_interval(secs => ${bucketSeconds}::double precision), at, ${from}::timestamptz) as at,
          round(avg(temp_dc)) as temp_dc, min(temp_dc) as min_dc, max(temp_dc) as max_dc, count(*) as n
        from inventory.temperature_reading
        where zone_id = ${zoneId} and at >= ${from} and at < ${to}
        group by 1 order by 1`.execute(db)
    : await sql<{ at: Date; temp_dc: string; min_dc: number; max_dc: number; n: string }>`
        select at, temp_dc, temp_dc as min_dc, temp_dc as max_dc, 1 as n
        from inventory.temperature_reading
        where zone_id = ${zoneId} and at >= ${from} and at < ${to}
        order by at, id`.execute(db);
  const overlapping = await excursions(db)
    .where('e.zone_id', '=', zoneId)
    .where('e.started_at', '<', to)
    .where((eb) => eb.or([eb('e.ended_at', 'is', null), eb('e.ended_at', '>=', from)]))
    .orderBy('e.started_at')
    .execute();
  return {
    zone: {
      id: zone.id,
      code: zone.code,
      warehouseId: zone.warehouse_id,
      storageClass: zone.storage_class,
      tempMinDc: zone.temp_min_dc,
      tempMaxDc: zone.temp_max_dc,
      toleranceMinutes: zone.tolerance_minutes ?? 30,
      hardMarginDc: zone.hard_margin_dc ?? 30,
    },
    from: from.toISOString(),
    to: to.toISOString(),
    bucketSeconds,
    readings: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      tempDc: Number(r.temp_dc),
      minDc: Number(r.min_dc),
      maxDc: Number(r.max_dc),
      n: Number(r.n),
    })),
    excursions: overlapping.map(toExcursionView),
  };
}

export interface ExcursionQuery {
  warehouseId?: string;
  zoneId?: string;
  state?: 'open' | 'closed';
  limit: number;
  cursor?: string;
}

/** Excursions of the principal's warehouses, newest first. */
export async function listExcursions(db: Db, principal: Principal | null, query: ExcursionQuery) {
  const scope = scopeOf(principal);
  if (scope && (!scope.length || (query.warehouseId && !scope.includes(query.warehouseId))))
    return { items: [] as ExcursionView[], nextCursor: null };
  let q = excursions(db);
  if (scope) q = q.where('e.warehouse_id', 'in', scope);
  if (query.warehouseId) q = q.where('e.warehouse_id', '=', query.warehouseId);
  if (query.zoneId) q = q.where('e.zone_id', '=', query.zoneId);
  if (query.state === 'open') q = q.where('e.ended_at', 'is', null);
  if (query.state === 'closed') q = q.where('e.ended_at', 'is not', null);
  if (query.cursor) {
    const [at, id] = decodeTimeCursor(query.cursor);
    q = q.where((eb) => eb(eb.refTuple('e.started_at', 'e.id'), '<', eb.tuple(at, id)));
  }
  const rows = await q
    .orderBy('e.started_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.started_at.toISOString(), r.id]);
  return { items: page.items.map(toExcursionView), nextCursor: page.nextCursor };
}

export async function listRules(db: Db) {
  const rows = await coldDb(db)
    .selectFrom('inventory.temperature_rule')
    .selectAll()
    .orderBy('storage_class')
    .execute();
  return rows.map((r) => ({
    storageClass: r.storage_class,
    toleranceMinutes: r.tolerance_minutes,
    hardMarginDc: r.hard_margin_dc,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by,
  }));
}
