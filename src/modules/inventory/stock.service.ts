import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError, badRequest, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { addDays } from '../../platform/time/calendar';
import { binsByIds, type LocatedBin } from './bin.service';
import { inventoryDeps, type SkuFacts, ZONES_FOR_CLASS } from './inventory.deps';
import { type LedgerContext, postMovements } from './ledger.repo';
import { type LotRow, type MovementRow, type MovementType, type StockStatus, stockDb } from './stock.tables';

/** Who acts, when, and (for HTTP callers) within which warehouses. */
export interface StockContext extends LedgerContext {
  /** When set, bins outside the principal's warehouses are "not found". */
  principal?: Principal | null;
}

export interface SourceRef {
  sourceType?: string | null;
  sourceId?: string | null;
  reason?: string | null;
}

export interface ReceiveInput extends SourceRef {
  skuId: string;
  binId: string;
  qty: number;
  lotCode?: string | null;
  productionDate?: string | null;
  expiryDate?: string | null;
  status?: StockStatus;
  /** `receipt` (default), `return` or `kit_produce`. */
  type?: Extract<MovementType, 'receipt' | 'return' | 'kit_produce'>;
}

export function assertStorable(sku: SkuFacts, bin: LocatedBin): void {
  if (!bin.active) throw new AppError('conflict', 'inventory.bin_inactive', { bin: bin.code });
  if (bin.kind === 'dispatch') return;
  if (!bin.storage_class || !ZONES_FOR_CLASS[sku.storageClass].includes(bin.storage_class))
    throw new AppError('conflict', 'inventory.storage_class_mismatch', {
      sku: sku.code,
      skuClass: sku.storageClass,
      bin: bin.code,
      zoneClass: bin.storage_class ?? '-',
    });
}

/** Find or create the SKU's lot; a lot code given for an untracked SKU (or missing for a tracked one) is refused. */
export async function lotFor(trx: Trx, sku: SkuFacts, input: ReceiveInput): Promise<LotRow | null> {
  return (await lotsFor(trx, [[sku, input]]))[0];
}

/**
 * `lotFor` for many receipt lines at once: one query for the lots that exist, one insert for the
 * new ones. The first line naming a new lot sets its dates; any other line must agree with them.
 */
async function lotsFor(trx: Trx, lines: Array<[SkuFacts, ReceiveInput]>): Promise<Array<LotRow | null>> {
  const wanted = new Map<string, LotRow>();
  const keyOf = (skuId: string, code: string) => `${skuId}|${code}`;
  const dated = lines.map(([sku, input]) => {
    if (!sku.lotTracked) {
      if (input.lotCode) throw badRequest('inventory.lot_not_tracked', { sku: sku.code });
      return null;
    }
    if (!input.lotCode) throw badRequest('inventory.lot_required', { sku: sku.code });
    let expiry = input.expiryDate ?? null;
    if (!expiry && input.productionDate && sku.shelfLifeDays)
      expiry = addDays(input.productionDate, sku.shelfLifeDays);
    return { sku, code: input.lotCode, production: input.productionDate ?? null, expiry };
  });
  const keys = dated.filter((d) => d !== null);
  if (!keys.length) return dated.map(() => null);
  const db = stockDb(trx);
  const select = () =>
    db
      .selectFrom('inventory.lot')
      .selectAll()
      .where((eb) => eb.or(keys.map((k) => eb.and([eb('sku_id', '=', k.sku.id), eb('code', '=', k.code)]))))
      .execute();
  const existing = new Map((await select()).map((l) => [keyOf(l.sku_id, l.code), l]));
  for (const k of keys) {
    const key = keyOf(k.sku.id, k.code);
    const known = existing.get(key) ?? wanted.get(key);
    if (known) {
      if (
        (k.expiry && known.expiry_date && k.expiry !== known.expiry_date) ||
        (k.production && known.production_date && k.production !== known.production_date)
      )
        throw new AppError('conflict', 'inventory.lot_dates_mismatch', {
          lot: known.code,
          expiryDate: known.expiry_date ?? '-',
        });
      continue;
    }
    if (k.sku.shelfLifeDays && !k.expiry) throw badRequest('inventory.expiry_required', { sku: k.sku.code });
    if (k.production && k.expiry && k.expiry < k.production) throw badRequest('inventory.lot_dates_inverted');
    wanted.set(key, {
      id: newId(),
      sku_id: k.sku.id,
      code: k.code,
      production_date: k.production,
      expiry_date: k.expiry,
      created_at: new Date(),
    });
  }
  if (wanted.size) {
    await db
      .insertInto('inventory.lot')
      .values([...wanted.values()])
      .onConflict((oc) => oc.columns(['sku_id', 'code']).doNothing())
      .execute();
    for (const l of await select()) existing.set(keyOf(l.sku_id, l.code), l);
  }
  return dated.map((d) => (d ? existing.get(keyOf(d.sku.id, d.code))! : null));
}

/** Goods arrive in a bin (receipt, customer return or kit output), with their lot. */
export async function receive(trx: Trx, input: ReceiveInput, ctx: StockContext): Promise<MovementRow> {
  return (await receiveMany(trx, [input], ctx))[0];
}

/**
 * Receive many lines in one posting, all or none: one catalog lookup per SKU (unless `skus` already
 * has its facts), one bin lookup, the lots in bulk, and one `postMovements` — so balances and the
 * ledger move together exactly as with `receive`. Movements come back in the order of `inputs`.
 */
export async function receiveMany(
  trx: Trx,
  inputs: ReceiveInput[],
  ctx: StockContext,
  skus: ReadonlyMap<string, SkuFacts> = new Map(),
): Promise<MovementRow[]> {
  if (!inputs.length) return [];
  const facts = new Map(skus);
  for (const input of inputs)
    if (!facts.has(input.skuId)) facts.set(input.skuId, await inventoryDeps().skuFacts(trx, input.skuId));
  const bins = await binsByIds(
    trx,
    inputs.map((i) => i.binId),
    ctx.principal,
  );
  for (const input of inputs) assertStorable(facts.get(input.skuId)!, bins.get(input.binId)!);
  const lots = await lotsFor(
    trx,
    inputs.map((i) => [facts.get(i.skuId)!, i]),
  );
  return postMovements(
    trx,
    inputs.map((input, k) => ({
      type: input.type ?? 'receipt',
      skuId: input.skuId,
      lotId: lots[k]?.id ?? null,
      warehouseId: bins.get(input.binId)!.warehouse_id,
      to: { binId: input.binId, status: input.status ?? 'available' },
      qty: input.qty,
      reason: input.reason,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
    })),
    ctx,
  );
}

/**
 * A move carries stock between bins in the status it has: it never takes stock out of (or into)
 * quality hold, damage or quarantine — those change only through their own documents (a quality
 * hold and its review, an incident, the expiry run), which keep the reason and the reviewer. Stock
 * on quality hold does not move at all: its hold line (or the receipt rejection it waits on for the
 * return to the vendor) names the bin the review or the return takes it from.
 */
export function assertMoveKeepsStatus(fromStatus: StockStatus, toStatus: StockStatus): void {
  if (toStatus !== fromStatus)
    throw new AppError('conflict', 'inventory.move_keeps_status', { fromStatus, toStatus });
  if (fromStatus === 'quality_hold') throw new AppError('conflict', 'inventory.held_stock_stays', {});
}

export interface MoveInput extends SourceRef {
  skuId: string;
  lotId?: string | null;
  fromBinId: string;
  toBinId: string;
  qty: number;
  fromStatus?: StockStatus;
  /** Default (and the only value allowed): the same status — see `assertMoveKeepsStatus`. */
  toStatus?: StockStatus;
  type?: Extract<MovementType, 'move' | 'putaway'>;
}

/** Move free (unreserved) stock between bins of one warehouse, keeping its status. */
export async function move(trx: Trx, input: MoveInput, ctx: StockContext): Promise<MovementRow> {
  const sku = await inventoryDeps().skuFacts(trx, input.skuId);
  const bins = await binsByIds(trx, [input.fromBinId, input.toBinId], ctx.principal);
  const from = bins.get(input.fromBinId)!;
  const to = bins.get(input.toBinId)!;
  if (from.warehouse_id !== to.warehouse_id)
    throw badRequest('inventory.cross_warehouse_move', { from: from.code, to: to.code });
  const fromStatus = input.fromStatus ?? 'available';
  const toStatus = input.toStatus ?? fromStatus;
  assertMoveKeepsStatus(fromStatus, toStatus);
  if (from.id === to.id) throw badRequest('inventory.move_to_same_place');
  if (to.id !== from.id) assertStorable(sku, to);
  const lotId = await checkedLot(trx, sku, input.lotId ?? null);
  const [movement] = await postMovements(
    trx,
    [
      {
        type: input.type ?? 'move',
        skuId: sku.id,
        lotId,
        warehouseId: from.warehouse_id,
        from: { binId: from.id, status: fromStatus },
        to: { binId: to.id, status: toStatus },
        qty: input.qty,
        reason: input.reason,
        sourceType: input.sourceType,
        sourceId: input.sourceId,
      },
    ],
    ctx,
  );
  return movement;
}

async function checkedLot(trx: Trx, sku: SkuFacts, lotId: string | null): Promise<string | null> {
  if (!sku.lotTracked) {
    if (lotId) throw badRequest('inventory.lot_not_tracked', { sku: sku.code });
    return null;
  }
  if (!lotId) throw badRequest('inventory.lot_required', { sku: sku.code });
  const lot = await stockDb(trx)
    .selectFrom('inventory.lot')
    .select('id')
    .where('id', '=', lotId)
    .where('sku_id', '=', sku.id)
    .executeTakeFirst();
  if (!lot) throw notFound('lot', lotId);
  return lot.id;
}

export interface AdjustInput extends SourceRef {
  skuId: string;
  binId: string;
  lotId?: string | null;
  status?: StockStatus;
  /** Signed change in base units (never 0). */
  delta: number;
  reason: string;
  type?: Extract<MovementType, 'adjust' | 'count_variance' | 'scrap' | 'kit_consume'>;
}

/** A correction (stock found or lost, a count variance, a write-off), with its reason. */
export async function adjust(trx: Trx, input: AdjustInput, ctx: StockContext): Promise<MovementRow> {
  const type = input.type ?? 'adjust';
  if (!Number.isSafeInteger(input.delta) || input.delta === 0) throw badRequest('inventory.adjust_zero');
  if ((type === 'scrap' || type === 'kit_consume') && input.delta > 0)
    throw badRequest('inventory.adjust_sign', { type });
  if (!input.reason?.trim()) throw badRequest('inventory.reason_required');
  const sku = await inventoryDeps().skuFacts(trx, input.skuId);
  const bin = (await binsByIds(trx, [input.binId], ctx.principal)).get(input.binId)!;
  // Held stock leaves its hold only through the review (release, damaged, scrap) or an incident.
  if (input.status === 'quality_hold') throw new AppError('conflict', 'inventory.held_stock_stays', {});
  if (input.delta > 0) assertStorable(sku, bin);
  const lotId = await checkedLot(trx, sku, input.lotId ?? null);
  const leg = { binId: bin.id, status: input.status ?? 'available' };
  const [movement] = await postMovements(
    trx,
    [
      {
        type,
        skuId: sku.id,
        lotId,
        warehouseId: bin.warehouse_id,
        ...(input.delta > 0 ? { to: leg } : { from: leg }),
        qty: Math.abs(input.delta),
        reason: input.reason,
        sourceType: input.sourceType,
        sourceId: input.sourceId,
      },
    ],
    ctx,
  );
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: type,
      entity: 'stock',
      entityId: sku.id,
      summary: `${type} ${input.delta > 0 ? '+' : ''}${input.delta} ${sku.code} @ ${bin.code}: ${input.reason}`,
      after: { movementId: movement.id, binId: bin.id, lotId, status: leg.status, delta: input.delta },
      merchantId: sku.merchantId,
    },
    ctx.now,
  );
  return movement;
}
