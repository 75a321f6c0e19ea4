import { recordAudit } from '../../platform/audit/audit';
import { type Actor, canAccessWarehouse, type Principal } from '../../platform/auth/principal';
import { type Db, isUniqueViolation, type Trx } from '../../platform/db';
import { containsPattern } from '../../platform/db/like';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import type { StorageClass } from './location.service';
import { type BinKind, type BinRow, stockDb } from './stock.tables';

export interface BinView {
  id: string;
  warehouseId: string;
  zoneId: string | null;
  code: string;
  barcode: string;
  kind: BinKind;
  xMm: number;
  yMm: number;
  maxWeightG: number | null;
  maxVolumeMm3: number | null;
  active: boolean;
}

export interface BinInput {
  zoneId: string;
  code: string;
  barcode?: string;
  kind: 'pick_face' | 'reserve';
  xMm: number;
  yMm: number;
  maxWeightG?: number | null;
  maxVolumeMm3?: number | null;
}

/** A grid of bins `AISLE-BB-L-PP` (e.g. `A-03-2-05`): bays along the aisle, levels up, positions per level. */
export interface BinPattern {
  zoneId: string;
  aisles: string[];
  bays: number;
  levels: number;
  positions: number;
  /** Levels up to this one are pick faces, the ones above reserve storage. */
  pickFaceLevels: number;
  /** Where the first aisle's first bay sits, and the spacing of aisles and bays (mm). */
  originXMm: number;
  originYMm: number;
  aislePitchMm: number;
  bayPitchMm: number;
  maxWeightG?: number | null;
  maxVolumeMm3?: number | null;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function expandBinPattern(p: BinPattern): BinInput[] {
  const bins: BinInput[] = [];
  p.aisles.forEach((aisle, a) => {
    for (let bay = 1; bay <= p.bays; bay++)
      for (let level = 1; level <= p.levels; level++)
        for (let pos = 1; pos <= p.positions; pos++)
          bins.push({
            zoneId: p.zoneId,
            code: `${aisle}-${pad(bay, 2)}-${level}-${pad(pos, 2)}`,
            kind: level <= p.pickFaceLevels ? 'pick_face' : 'reserve',
            xMm: p.originXMm + a * p.aislePitchMm,
            yMm: p.originYMm + (bay - 1) * p.bayPitchMm,
            maxWeightG: p.maxWeightG ?? null,
            maxVolumeMm3: p.maxVolumeMm3 ?? null,
          });
  });
  return bins;
}

export const toBinView = (r: BinRow): BinView => ({
  id: r.id,
  warehouseId: r.warehouse_id,
  zoneId: r.zone_id,
  code: r.code,
  barcode: r.barcode,
  kind: r.kind,
  xMm: r.x_mm,
  yMm: r.y_mm,
  maxWeightG: r.max_weight_g,
  maxVolumeMm3: r.max_volume_mm3,
  active: r.active,
});

async function warehouseOf(db: Db | Trx, principal: Principal | null, warehouseId: string) {
  const w = await stockDb(db)
    .selectFrom('inventory.warehouse')
    .select(['id', 'code'])
    .where('id', '=', warehouseId)
    .executeTakeFirst();
  // A warehouse outside the user's assignment is reported as missing, not forbidden.
  if (!w || (principal && !canAccessWarehouse(principal, w.id))) throw notFound('warehouse', warehouseId);
  return w;
}

/** Create bins in one warehouse (all or none). Barcodes default to `<warehouse code>-<bin code>`. */
export async function createBins(
  trx: Trx,
  actor: Actor,
  principal: Principal | null,
  warehouseId: string,
  bins: BinInput[],
  now: Date,
): Promise<BinView[]> {
  const w = await warehouseOf(trx, principal, warehouseId);
  if (!bins.length) return [];
  const zoneIds = [...new Set(bins.map((b) => b.zoneId))];
  const zones = await stockDb(trx)
    .selectFrom('inventory.zone')
    .select('id')
    .where('warehouse_id', '=', warehouseId)
    .where('id', 'in', zoneIds)
    .execute();
  const missing = zoneIds.find((id) => !zones.some((z) => z.id === id));
  if (missing) throw notFound('zone', missing);
  const seen = new Set<string>();
  for (const b of bins) {
    if (seen.has(b.code)) throw new AppError('conflict', 'inventory.bin_code_taken', { code: b.code });
    seen.add(b.code);
  }
  const taken = await stockDb(trx)
    .selectFrom('inventory.bin')
    .select('code')
    .where('warehouse_id', '=', warehouseId)
    .where('code', 'in', [...seen].slice(0, 5000))
    .executeTakeFirst();
  if (taken) throw new AppError('conflict', 'inventory.bin_code_taken', { code: taken.code });
  const rows: BinRow[] = bins.map((b) => ({
    id: newId(),
    warehouse_id: warehouseId,
    zone_id: b.zoneId,
    code: b.code,
    barcode: b.barcode ?? `${w.code}-${b.code}`,
    kind: b.kind,
    x_mm: b.xMm,
    y_mm: b.yMm,
    max_weight_g: b.maxWeightG ?? null,
    max_volume_mm3: b.maxVolumeMm3 ?? null,
    active: true,
    created_at: now,
  }));
  try {
    for (let i = 0; i < rows.length; i += 1000)
      await stockDb(trx)
        .insertInto('inventory.bin')
        .values(rows.slice(i, i + 1000))
        .execute();
  } catch (error) {
    if (isUniqueViolation(error, 'bin_code_uq'))
      throw new AppError('conflict', 'inventory.bin_code_taken', { code: bins[0].code });
    if (isUniqueViolation(error)) throw new AppError('conflict', 'inventory.bin_barcode_taken');
    throw error;
  }
  await recordAudit(
    trx,
    actor,
    {
      action: 'create',
      entity: 'bin',
      entityId: rows[0].id,
      summary: `${rows.length} bin(s) in ${w.code}: ${rows[0].code}${rows.length > 1 ? ` … ${rows[rows.length - 1].code}` : ''}`,
      after: { warehouseId, count: rows.length, codes: rows.slice(0, 50).map((r) => r.code) },
    },
    now,
  );
  return rows.map(toBinView);
}

/** The warehouse's dispatch point (created on first use). */
export async function dispatchBinOf(trx: Trx, warehouseId: string): Promise<BinRow> {
  const db = stockDb(trx);
  const found = await db
    .selectFrom('inventory.bin')
    .selectAll()
    .where('warehouse_id', '=', warehouseId)
    .where('kind', '=', 'dispatch')
    .executeTakeFirst();
  if (found) return found;
  const w = await warehouseOf(trx, null, warehouseId);
  await db
    .insertInto('inventory.bin')
    .values({
      id: newId(),
      warehouse_id: warehouseId,
      zone_id: null,
      code: 'DISPATCH',
      barcode: `${w.code}-DISPATCH`,
      kind: 'dispatch',
      x_mm: 0,
      y_mm: 0,
      max_weight_g: null,
      max_volume_mm3: null,
      active: true,
      created_at: new Date(),
    })
    .onConflict((oc) => oc.column('warehouse_id').where('kind', '=', 'dispatch').doNothing())
    .execute();
  return dispatchBinOf(trx, warehouseId);
}

export interface LocatedBin extends BinRow {
  storage_class: StorageClass | null;
}

/** Bins with their zone's storage class; a bin outside the caller's warehouses is "not found". */
export async function binsByIds(
  db: Db | Trx,
  ids: string[],
  principal: Principal | null = null,
): Promise<Map<string, LocatedBin>> {
  const rows = ids.length
    ? await stockDb(db)
        .selectFrom('inventory.bin as b')
        .leftJoin('inventory.zone as z', 'z.id', 'b.zone_id')
        .selectAll('b')
        .select('z.storage_class')
        .where('b.id', 'in', [...new Set(ids)])
        .execute()
    : [];
  const map = new Map(rows.map((r) => [r.id, r as LocatedBin]));
  for (const id of ids) {
    const bin = map.get(id);
    if (!bin || (principal && !canAccessWarehouse(principal, bin.warehouse_id))) throw notFound('bin', id);
  }
  return map;
}

export interface BinListQuery {
  warehouseId?: string;
  zoneId?: string;
  kind?: BinKind;
  q?: string;
  limit: number;
  cursor?: string;
}

export async function listBins(db: Db, principal: Principal | null, query: BinListQuery) {
  let q = stockDb(db).selectFrom('inventory.bin').selectAll();
  if (query.warehouseId) {
    if (principal && !canAccessWarehouse(principal, query.warehouseId))
      return { items: [], nextCursor: null };
    q = q.where('warehouse_id', '=', query.warehouseId);
  }
  if (principal && principal.warehouseIds !== 'all') {
    if (!principal.warehouseIds.length) return { items: [], nextCursor: null };
    q = q.where('warehouse_id', 'in', principal.warehouseIds as string[]);
  }
  if (query.zoneId) q = q.where('zone_id', '=', query.zoneId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.q)
    q = q.where((eb) =>
      eb.or([
        eb('code', 'ilike', containsPattern(query.q!)),
        eb('barcode', 'ilike', containsPattern(query.q!)),
      ]),
    );
  if (query.cursor) {
    const [code, id] = decodeCursor(query.cursor, 2).map(String);
    q = q.where((eb) => eb.or([eb('code', '>', code), eb.and([eb('code', '=', code), eb('id', '>', id)])]));
  }
  const rows = await q
    .orderBy('code')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.code, r.id]);
  return { items: page.items.map(toBinView), nextCursor: page.nextCursor };
}
