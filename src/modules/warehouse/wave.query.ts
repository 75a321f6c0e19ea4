import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { notFound } from '../../platform/lib/errors';
import { listWarehouses } from '../inventory';
import { summariesOf } from './outbound.query';
import { obDb, type PickListRow, type WaveRow } from './outbound.tables';
import { docScopeOf } from './warehouse.access';
import { proposeWaves } from './wave.proposal';
import { seesWarehouse } from './wave.service';
import type { WaveStatus } from './wave.state';
import { carrierName } from './waybill.carriers';

const savingPct = (route: number, sShape: number) =>
  sShape > 0 ? Math.round(((sShape - route) / sShape) * 1000) / 10 : 0;

const waveSummary = (w: WaveRow, counts?: { orders: number; lists: number }) => ({
  id: w.id,
  number: w.number,
  warehouseId: w.warehouse_id,
  status: w.status,
  origin: w.origin,
  carrier: w.carrier,
  carrierName: w.carrier ? carrierName(w.carrier) : null,
  cutoffAt: w.cutoff_at?.toISOString() ?? null,
  temperatureClass: w.temperature_class,
  zoneKey: w.zone_key,
  note: w.note,
  orders: counts?.orders ?? 0,
  pickLists: counts?.lists ?? 0,
  createdByName: w.created_by_name,
  createdAt: w.created_at.toISOString(),
  releasedAt: w.released_at?.toISOString() ?? null,
  closedAt: w.closed_at?.toISOString() ?? null,
  cancelledAt: w.cancelled_at?.toISOString() ?? null,
  cancelReason: w.cancel_reason,
});

export async function listWaves(
  db: Db,
  principal: Principal | null,
  query: { warehouseId?: string; status?: WaveStatus; limit: number; cursor?: string },
) {
  const scope = docScopeOf(principal);
  if (principal?.merchantId) return { items: [], nextCursor: null };
  let q = obDb(db).selectFrom('warehouse.wave').selectAll();
  if (scope.warehouseIds) {
    if (!scope.warehouseIds.length) return { items: [], nextCursor: null };
    q = q.where('warehouse_id', 'in', scope.warehouseIds);
  }
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.status) q = q.where('status', '=', query.status);
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
  const ids = page.items.map((w) => w.id);
  const [orders, lists] = ids.length
    ? await Promise.all([
        obDb(db)
          .selectFrom('warehouse.outbound')
          .select('wave_id')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('wave_id', 'in', ids)
          .groupBy('wave_id')
          .execute(),
        obDb(db)
          .selectFrom('warehouse.pick_list')
          .select('wave_id')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('wave_id', 'in', ids)
          .where('status', '<>', 'cancelled')
          .groupBy('wave_id')
          .execute(),
      ])
    : [[], []];
  return {
    items: page.items.map((w) =>
      waveSummary(w, {
        orders: Number(orders.find((o) => o.wave_id === w.id)?.n ?? 0),
        lists: Number(lists.find((l) => l.wave_id === w.id)?.n ?? 0),
      }),
    ),
    nextCursor: page.nextCursor,
  };
}

/** A pick list's header: zone, status, picker, tasks done, route and S-shape lengths and the saving. */
export async function pickListSummaries(db: Db, lists: PickListRow[]) {
  if (!lists.length) return [];
  const warehouses = await listWarehouses(db, null);
  const zones = warehouses.flatMap((w) => w.zones);
  const counts = await obDb(db)
    .selectFrom('warehouse.pick_task')
    .select(['pick_list_id', 'status'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(
      'pick_list_id',
      'in',
      lists.map((l) => l.id),
    )
    .groupBy(['pick_list_id', 'status'])
    .execute();
  const errors = await obDb(db)
    .selectFrom('warehouse.outbound_scan_error')
    .select('pick_list_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(
      'pick_list_id',
      'in',
      lists.map((l) => l.id),
    )
    .groupBy('pick_list_id')
    .execute();
  return lists.map((l) => {
    const n = (status?: string) =>
      counts
        .filter((c) => c.pick_list_id === l.id && (!status || c.status === status))
        .reduce((s, c) => s + Number(c.n), 0);
    const zone = zones.find((z) => z.id === l.zone_id);
    return {
      id: l.id,
      number: l.number,
      waveId: l.wave_id,
      warehouseId: l.warehouse_id,
      zoneId: l.zone_id,
      zoneCode: zone?.code ?? null,
      zoneName: zone?.nameZh ?? null,
      temperatureClass: l.temperature_class,
      status: l.status,
      supplementary: l.supplementary,
      tasks: n() - n('cancelled'),
      openTasks: n('open'),
      routeMm: l.route_mm,
      sShapeMm: l.s_shape_mm,
      savingPct: savingPct(l.route_mm, l.s_shape_mm),
      method: l.method,
      optimal: l.optimal,
      pickerName: l.picker_name,
      wrongScans: Number(errors.find((e) => e.pick_list_id === l.id)?.n ?? 0),
      createdAt: l.created_at.toISOString(),
      startedAt: l.started_at?.toISOString() ?? null,
      completedAt: l.completed_at?.toISOString() ?? null,
    };
  });
}

export async function waveView(db: Db, principal: Principal | null, id: string) {
  const wave = await obDb(db)
    .selectFrom('warehouse.wave')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!wave || !seesWarehouse(principal, wave.warehouse_id)) throw notFound('wave', id);
  const [docs, lists, history] = await Promise.all([
    obDb(db)
      .selectFrom('warehouse.outbound')
      .selectAll()
      .where('wave_id', '=', id)
      .orderBy('cutoff_at')
      .orderBy('number')
      .execute(),
    obDb(db)
      .selectFrom('warehouse.pick_list')
      .selectAll()
      .where('wave_id', '=', id)
      .orderBy('created_at')
      .orderBy('number')
      .execute(),
    obDb(db)
      .selectFrom('warehouse.wave_history')
      .selectAll()
      .where('wave_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  const pickLists = await pickListSummaries(db, lists as PickListRow[]);
  const live = pickLists.filter((l) => l.status !== 'cancelled');
  const routeMm = live.reduce((s, l) => s + l.routeMm, 0);
  const sShapeMm = live.reduce((s, l) => s + l.sShapeMm, 0);
  return {
    ...waveSummary(wave, { orders: docs.length, lists: live.length }),
    routeMm,
    sShapeMm,
    savingPct: savingPct(routeMm, sShapeMm),
    outbounds: await summariesOf(db, docs),
    pickLists,
    history: history.map((h) => ({
      fromStatus: h.from_status,
      toStatus: h.to_status,
      at: h.at.toISOString(),
      actorName: h.actor_name,
      note: h.note,
    })),
  };
}

/** The automatic proposal: today's waiting orders grouped into waves (nothing is written). */
export async function waveProposal(
  db: Db,
  principal: Principal | null,
  query: { warehouseId: string; maxOrders?: number; maxUnits?: number },
  now: Date,
) {
  if (!seesWarehouse(principal, query.warehouseId)) throw notFound('warehouse', query.warehouseId);
  const docs = await obDb(db)
    .selectFrom('warehouse.outbound')
    .selectAll()
    .where('warehouse_id', '=', query.warehouseId)
    .where('status', '=', 'open')
    .execute();
  const sums = docs.length
    ? await obDb(db)
        .selectFrom('warehouse.outbound_line')
        .select('outbound_id')
        .select((eb) => [eb.fn.countAll<string>().as('lines'), eb.fn.sum<string>('qty').as('units')])
        .where(
          'outbound_id',
          'in',
          docs.map((d) => d.id),
        )
        .groupBy('outbound_id')
        .execute()
    : [];
  const waves = proposeWaves(
    docs.map((d) => {
      const s = sums.find((x) => x.outbound_id === d.id);
      return {
        id: d.id,
        number: d.number,
        carrier: d.carrier,
        cutoffAt: d.cutoff_at,
        temperatureClass: d.temperature_class,
        zoneKey: d.zone_key,
        lines: Number(s?.lines ?? 0),
        units: Number(s?.units ?? 0),
        createdAt: d.created_at,
      };
    }),
    { now, maxOrders: query.maxOrders, maxUnits: query.maxUnits },
  );
  return {
    waiting: docs.length,
    waves: waves.map((w) => ({
      ...w,
      cutoffAt: w.cutoffAt.toISOString(),
      carrierName: carrierName(w.carrier),
    })),
  };
}
