import { recordAudit } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { outboundDeps } from './outbound.deps';
import { OutboundWrongScan } from './outbound.scan';
import { lockOutbound, OUTBOUND_ENTITY } from './outbound.service';
import { settleWave } from './outbound.settle';
import { transitionOutbound } from './outbound.state';
import { type OutboundRow, obDb, type PackageItemRow, type PackageRow } from './outbound.tables';
import { OWN_PACKAGING, type PackSku, packItemsOf, proposePackages, refitPackage } from './pack.plan';
import { canSeeDoc, type WhContext } from './warehouse.access';
import { scanMatchesSku, type WarehouseSku, warehouseDeps } from './warehouse.deps';
import { isCarrierCode } from './waybill.carriers';

/** A measured weight within this of the computed one passes (scale and packing material vary). */
export const WEIGHT_TOLERANCE = { minG: 50, pct: 5 };

export const weightWithinTolerance = (measuredG: number, expectedG: number): boolean =>
  Math.abs(measuredG - expectedG) <=
  Math.max(WEIGHT_TOLERANCE.minG, (expectedG * WEIGHT_TOLERANCE.pct) / 100);

const packSkuOf = (s: WarehouseSku): PackSku => ({
  id: s.id,
  code: s.code,
  lengthMm: s.lengthMm,
  widthMm: s.widthMm,
  heightMm: s.heightMm,
  weightG: s.weightG,
  storageClass: s.storageClass,
  hazardClass: s.hazardClass ?? null,
});

async function packSkus(trx: Trx, ids: string[]): Promise<Map<string, WarehouseSku>> {
  return warehouseDeps().skusByIds(trx, ids);
}

/**
 * Start packing an order at the packing station (打包): the cartonisation proposes the cartons and
 * which units go in which (3-D fit, weight limit, fragile and cold-pack rules, least billable
 * weight); each becomes a parcel to scan items into. Starting again returns the same parcels.
 */
export async function startPacking(trx: Trx, outboundId: string, ctx: WhContext): Promise<OutboundRow> {
  const doc = await lockOutbound(trx, ctx.principal, outboundId);
  if (doc.status === 'packing') return doc;
  if (doc.status !== 'picked')
    throw new AppError('conflict', 'warehouse.outbound_not_picked', {
      number: doc.number,
      status: doc.status,
    });
  const lines = await obDb(trx)
    .selectFrom('warehouse.outbound_line')
    .select(['sku_id', 'picked_qty'])
    .where('outbound_id', '=', doc.id)
    .execute();
  const picked = lines.map((l) => ({ skuId: l.sku_id, qty: Number(l.picked_qty) })).filter((l) => l.qty > 0);
  const skus = await packSkus(
    trx,
    picked.map((l) => l.skuId),
  );
  const packSkuMap = new Map([...skus].map(([id, s]) => [id, packSkuOf(s)]));
  const plan = proposePackages(packItemsOf(picked, packSkuMap));
  for (const [i, p] of plan.entries()) {
    const id = newId();
    await obDb(trx)
      .insertInto('warehouse.package')
      .values({
        id,
        outbound_id: doc.id,
        seq: i + 1,
        status: 'open',
        proposed_carton_type_id: p.cartonTypeId,
        carton_type_id: p.cartonTypeId,
        carton_changed_reason: null,
        carton_changed_by_name: null,
        temperature: p.temperature,
        coolant_packs: p.coolantPacks,
        length_mm: p.lengthMm,
        width_mm: p.widthMm,
        height_mm: p.heightMm,
        computed_weight_g: p.grossWeightG,
        weight_g: null,
        fill_pct: p.fillPct,
        waybill_no: null,
        carrier: null,
        sealed_at: null,
        sealed_by_name: null,
        gate_checked_at: null,
        gate_checked_by_name: null,
        created_at: ctx.now,
      })
      .execute();
    await obDb(trx)
      .insertInto('warehouse.package_item')
      .values(
        p.items.map((it) => ({
          id: newId(),
          package_id: id,
          sku_id: it.skuId,
          sku_code: skus.get(it.skuId)?.code ?? it.skuId,
          qty: it.qty,
          scanned_qty: 0,
        })),
      )
      .execute();
  }
  await transitionOutbound(trx, doc, 'packing', ctx.now);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'pack_start',
      entity: OUTBOUND_ENTITY,
      entityId: doc.id,
      summary: `outbound ${doc.number}: ${plan.length} parcel(s) proposed (${plan.map((p) => p.cartonTypeId).join(', ')})`,
      merchantId: doc.merchant_id,
    },
    ctx.now,
  );
  return doc;
}

interface LockedPackage {
  pkg: PackageRow;
  doc: OutboundRow;
  items: PackageItemRow[];
}

async function lockPackage(
  trx: Trx,
  ctx: WhContext,
  packageId: string,
  needOpen = true,
): Promise<LockedPackage> {
  const pkg = await obDb(trx)
    .selectFrom('warehouse.package')
    .selectAll()
    .where('id', '=', packageId)
    .forUpdate()
    .executeTakeFirst();
  if (!pkg) throw notFound('package', packageId);
  const doc = await obDb(trx)
    .selectFrom('warehouse.outbound')
    .selectAll()
    .where('id', '=', pkg.outbound_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!canSeeDoc(ctx.principal, doc)) throw notFound('package', packageId);
  if (needOpen && (pkg.status !== 'open' || doc.status !== 'packing'))
    throw new AppError('conflict', 'warehouse.package_sealed', {
      parcel: pkg.seq,
      number: doc.number,
      status: doc.status,
    });
  const items = await obDb(trx)
    .selectFrom('warehouse.package_item')
    .selectAll()
    .where('package_id', '=', pkg.id)
    .orderBy('sku_code')
    .execute();
  return { pkg, doc, items };
}

/**
 * Scan an item into a parcel (扫描复核): the barcode must be one of the parcel's goods still to be
 * scanned. Goods that are not in this parcel, or one unit too many, are refused and counted.
 */
export async function scanPackItem(
  trx: Trx,
  packageId: string,
  input: { barcode: string; qty?: number },
  ctx: WhContext,
) {
  const { pkg, doc, items } = await lockPackage(trx, ctx, packageId);
  const qty = input.qty ?? 1;
  const skus = await packSkus(
    trx,
    items.map((i) => i.sku_id),
  );
  const scanned = input.barcode.trim();
  const item = items.find((i) => {
    const s = skus.get(i.sku_id);
    return !!s && scanMatchesSku(s, scanned);
  });
  const ref = {
    warehouseId: doc.warehouse_id,
    stage: 'pack' as const,
    outboundId: doc.id,
    packageId: pkg.id,
    scanned,
  };
  if (!item)
    throw new OutboundWrongScan(
      'warehouse.pack_wrong_item',
      { scanned, parcel: pkg.seq, number: doc.number },
      { ...ref, kind: 'item', expected: items.map((i) => i.sku_code).join(',') },
    );
  if (Number(item.scanned_qty) + qty > Number(item.qty))
    throw new OutboundWrongScan(
      'warehouse.pack_item_complete',
      { sku: item.sku_code, parcel: pkg.seq, qty: Number(item.qty) },
      { ...ref, kind: 'qty', expected: String(Number(item.qty) - Number(item.scanned_qty)) },
    );
  await obDb(trx)
    .updateTable('warehouse.package_item')
    .set({ scanned_qty: Number(item.scanned_qty) + qty })
    .where('id', '=', item.id)
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'pack_scan',
      entity: OUTBOUND_ENTITY,
      entityId: doc.id,
      summary: `outbound ${doc.number} parcel ${pkg.seq}: ${qty} × ${item.sku_code} scanned in`,
      merchantId: doc.merchant_id,
    },
    ctx.now,
  );
  return { skuCode: item.sku_code, scannedQty: Number(item.scanned_qty) + qty, qty: Number(item.qty) };
}

/**
 * The packer takes another carton (the proposed one is out of stock, or they know better): the
 * parcel's goods must fit it under the same rules. Recorded with the reason; dims and weight follow.
 */
export async function changeCarton(
  trx: Trx,
  packageId: string,
  input: { cartonTypeId: string; reason: string },
  ctx: WhContext,
) {
  const { pkg, doc, items } = await lockPackage(trx, ctx, packageId);
  const skus = await packSkus(
    trx,
    items.map((i) => i.sku_id),
  );
  const packSkuMap = new Map([...skus].map(([id, s]) => [id, packSkuOf(s)]));
  const fit = refitPackage(
    packItemsOf(
      items.map((i) => ({ skuId: i.sku_id, qty: Number(i.qty) })),
      packSkuMap,
    ),
    input.cartonTypeId,
  );
  if (!fit)
    throw new AppError('conflict', 'warehouse.carton_does_not_fit', {
      carton: input.cartonTypeId,
      parcel: pkg.seq,
    });
  await obDb(trx)
    .updateTable('warehouse.package')
    .set({
      carton_type_id: fit.cartonTypeId,
      carton_changed_reason: input.reason,
      carton_changed_by_name: ctx.actor.name,
      temperature: fit.temperature,
      coolant_packs: fit.coolantPacks,
      length_mm: fit.lengthMm,
      width_mm: fit.widthMm,
      height_mm: fit.heightMm,
      computed_weight_g: fit.grossWeightG,
      fill_pct: fit.fillPct,
    })
    .where('id', '=', pkg.id)
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'change_carton',
      entity: OUTBOUND_ENTITY,
      entityId: doc.id,
      summary: `outbound ${doc.number} parcel ${pkg.seq}: carton ${pkg.carton_type_id} → ${fit.cartonTypeId} (${input.reason})`,
      before: { cartonTypeId: pkg.carton_type_id, proposed: pkg.proposed_carton_type_id },
      after: { cartonTypeId: fit.cartonTypeId, reason: input.reason },
      merchantId: doc.merchant_id,
    },
    ctx.now,
  );
  return fit;
}

/**
 * Seal a parcel (封箱): every item scanned, the weight on the scale (or the computed one) within
 * tolerance of the computed weight unless the packer confirms it, a waybill number from the
 * carrier gateway. The last parcel packs the order: the order desk moves it to `packed`.
 */
export async function sealPackage(
  trx: Trx,
  packageId: string,
  input: { weightG?: number; acceptWeight?: boolean },
  ctx: WhContext,
) {
  const { pkg, doc, items } = await lockPackage(trx, ctx, packageId);
  const missing = items.filter((i) => Number(i.scanned_qty) < Number(i.qty));
  if (missing.length)
    throw new AppError('conflict', 'warehouse.pack_items_missing', {
      parcel: pkg.seq,
      missing: missing.map((i) => `${i.sku_code}×${Number(i.qty) - Number(i.scanned_qty)}`).join(', '),
    });
  const expected = Number(pkg.computed_weight_g);
  const weight = input.weightG ?? expected;
  if (
    input.weightG !== undefined &&
    !input.acceptWeight &&
    pkg.carton_type_id !== OWN_PACKAGING &&
    !weightWithinTolerance(weight, expected)
  )
    throw new AppError('conflict', 'warehouse.pack_weight_mismatch', {
      parcel: pkg.seq,
      measured: weight,
      expected,
    });
  if (!isCarrierCode(doc.carrier))
    throw new AppError('conflict', 'warehouse.unknown_carrier', { carrier: doc.carrier });
  const [waybill] = await outboundDeps().carrierGateway.issueWaybills(trx, {
    carrier: doc.carrier,
    warehouseId: doc.warehouse_id,
    outboundNumber: doc.number,
    parcels: 1,
  });
  await obDb(trx)
    .updateTable('warehouse.package')
    .set({
      status: 'sealed',
      weight_g: weight,
      waybill_no: waybill,
      carrier: doc.carrier,
      sealed_at: ctx.now,
      sealed_by_name: ctx.actor.name,
    })
    .where('id', '=', pkg.id)
    .execute();
  const open = await obDb(trx)
    .selectFrom('warehouse.package')
    .select('id')
    .where('outbound_id', '=', doc.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (!open) {
    await transitionOutbound(trx, doc, 'packed', ctx.now, { packed_at: ctx.now });
    await outboundDeps().markPacked(trx, doc.order_id, ctx, `${doc.number}`);
    await settleWave(trx, doc.wave_id, ctx);
  }
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'seal',
      entity: OUTBOUND_ENTITY,
      entityId: doc.id,
      summary: `outbound ${doc.number} parcel ${pkg.seq}: ${pkg.carton_type_id}, ${weight} g, waybill ${waybill}`,
      after: { packageId: pkg.id, waybill, weightG: weight, computedWeightG: expected },
      merchantId: doc.merchant_id,
    },
    ctx.now,
  );
  return { waybillNo: waybill, weightG: weight, outboundPacked: !open };
}
