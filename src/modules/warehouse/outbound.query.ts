import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { type Lang, t } from '../../platform/i18n/i18n';
import { notFound } from '../../platform/lib/errors';
import { gateCheck } from './gate.service';
import type { OutboundStatus } from './outbound.state';
import { type OutboundRow, obDb } from './outbound.tables';
import { canSeeDoc, docScopeOf } from './warehouse.access';
import { warehouseDeps } from './warehouse.deps';
import { carrierName } from './waybill.carriers';

export interface OutboundQuery {
  warehouseId?: string;
  status?: OutboundStatus;
  waveId?: string;
  carrier?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

export async function summariesOf(db: Db, docs: OutboundRow[]) {
  if (!docs.length) return [];
  const ids = docs.map((d) => d.id);
  const waveIds = [...new Set(docs.map((d) => d.wave_id).filter((w): w is string => !!w))];
  const [sums, waves, parcels] = await Promise.all([
    obDb(db)
      .selectFrom('warehouse.outbound_line')
      .select('outbound_id')
      .select((eb) => [
        eb.fn.countAll<string>().as('lines'),
        eb.fn.sum<string>('qty').as('units'),
        eb.fn.sum<string>('picked_qty').as('picked'),
        eb.fn.sum<string>('short_qty').as('short'),
      ])
      .where('outbound_id', 'in', ids)
      .groupBy('outbound_id')
      .execute(),
    waveIds.length
      ? obDb(db).selectFrom('warehouse.wave').select(['id', 'number']).where('id', 'in', waveIds).execute()
      : [],
    obDb(db)
      .selectFrom('warehouse.package')
      .select('outbound_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('outbound_id', 'in', ids)
      .groupBy('outbound_id')
      .execute(),
  ]);
  return docs.map((d) => {
    const s = sums.find((x) => x.outbound_id === d.id);
    return {
      id: d.id,
      number: d.number,
      orderId: d.order_id,
      orderNumber: d.order_number,
      merchantId: d.merchant_id,
      warehouseId: d.warehouse_id,
      status: d.status,
      serviceType: d.service_type,
      carrier: d.carrier,
      carrierName: carrierName(d.carrier),
      cutoffAt: d.cutoff_at.toISOString(),
      temperatureClass: d.temperature_class,
      zoneKey: d.zone_key,
      waveId: d.wave_id,
      waveNumber: waves.find((w) => w.id === d.wave_id)?.number ?? null,
      promisedDate: d.promised_date,
      lines: Number(s?.lines ?? 0),
      units: Number(s?.units ?? 0),
      pickedUnits: Number(s?.picked ?? 0),
      shortUnits: Number(s?.short ?? 0),
      parcels: Number(parcels.find((p) => p.outbound_id === d.id)?.n ?? 0),
      creditApprovedAt: d.credit_approved_at?.toISOString() ?? null,
      creditApprovedByName: d.credit_approved_by_name,
      packedAt: d.packed_at?.toISOString() ?? null,
      shippedAt: d.shipped_at?.toISOString() ?? null,
      cancelReason: d.cancel_reason,
      createdAt: d.created_at.toISOString(),
    };
  });
}

/** Outbound documents in the caller's warehouses, the earliest truck first. */
export async function listOutbounds(db: Db, principal: Principal | null, query: OutboundQuery) {
  const scope = docScopeOf(principal);
  let q = obDb(db).selectFrom('warehouse.outbound').selectAll();
  if (scope.warehouseIds) {
    if (!scope.warehouseIds.length) return { items: [], nextCursor: null };
    q = q.where('warehouse_id', 'in', scope.warehouseIds);
  }
  if (scope.merchantId) q = q.where('merchant_id', '=', scope.merchantId);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.waveId) q = q.where('wave_id', '=', query.waveId);
  if (query.carrier) q = q.where('carrier', '=', query.carrier);
  if (query.q) {
    const text = query.q.trim().toUpperCase();
    q = q.where((eb) => eb.or([eb('number', '=', text), eb('order_number', '=', text)]));
  }
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2).map(String);
    q = q.where((eb) =>
      eb.or([
        eb('cutoff_at', '>', new Date(at)),
        eb.and([eb('cutoff_at', '=', new Date(at)), eb('id', '>', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('cutoff_at')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.cutoff_at.toISOString(), r.id]);
  return { items: await summariesOf(db, page.items), nextCursor: page.nextCursor };
}

/** One outbound document with its lines, parcels, shortages and whether it may leave the gate. */
export async function outboundView(db: Db, principal: Principal | null, id: string, lang: Lang) {
  const doc = await obDb(db)
    .selectFrom('warehouse.outbound')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!doc || !canSeeDoc(principal, doc)) throw notFound('outbound', id);
  const [lines, packages, shortages] = await Promise.all([
    obDb(db)
      .selectFrom('warehouse.outbound_line')
      .selectAll()
      .where('outbound_id', '=', id)
      .orderBy('bin_code')
      .orderBy('id')
      .execute(),
    obDb(db)
      .selectFrom('warehouse.package')
      .selectAll()
      .where('outbound_id', '=', id)
      .orderBy('seq')
      .execute(),
    obDb(db)
      .selectFrom('warehouse.pick_shortage')
      .selectAll()
      .where('outbound_id', '=', id)
      .orderBy('at')
      .execute(),
  ]);
  const items = packages.length
    ? await obDb(db)
        .selectFrom('warehouse.package_item')
        .selectAll()
        .where(
          'package_id',
          'in',
          packages.map((p) => p.id),
        )
        .orderBy('sku_code')
        .execute()
    : [];
  const skus = await warehouseDeps().skusByIds(db, [
    ...lines.map((l) => l.sku_id),
    ...items.map((i) => i.sku_id),
  ]);
  const name = (skuId: string) => {
    const s = skus.get(skuId);
    return s ? (lang === 'en' && s.nameEn ? s.nameEn : s.nameZh) : null;
  };
  const [summary] = await summariesOf(db, [doc]);
  const gate = await gateCheck(db, doc);
  return {
    ...summary,
    creditNote: doc.credit_note,
    gatePassId: doc.gate_pass_id,
    cancelledAt: doc.cancelled_at?.toISOString() ?? null,
    lines: lines.map((l) => ({
      id: l.id,
      skuId: l.sku_id,
      skuCode: l.sku_code,
      skuName: name(l.sku_id),
      binId: l.bin_id,
      binCode: l.bin_code,
      lotId: l.lot_id,
      lotCode: l.lot_code,
      qty: Number(l.qty),
      pickedQty: Number(l.picked_qty),
      shortQty: Number(l.short_qty),
      pickTaskId: l.pick_task_id,
    })),
    packages: packages.map((p) => ({
      id: p.id,
      seq: p.seq,
      status: p.status,
      proposedCartonTypeId: p.proposed_carton_type_id,
      cartonTypeId: p.carton_type_id,
      cartonChangedReason: p.carton_changed_reason,
      cartonChangedByName: p.carton_changed_by_name,
      temperature: p.temperature,
      coolantPacks: p.coolant_packs,
      lengthMm: p.length_mm,
      widthMm: p.width_mm,
      heightMm: p.height_mm,
      computedWeightG: Number(p.computed_weight_g),
      weightG: p.weight_g === null ? null : Number(p.weight_g),
      fillPct: p.fill_pct,
      waybillNo: p.waybill_no,
      sealedAt: p.sealed_at?.toISOString() ?? null,
      sealedByName: p.sealed_by_name,
      gateCheckedAt: p.gate_checked_at?.toISOString() ?? null,
      gateCheckedByName: p.gate_checked_by_name,
      items: items
        .filter((i) => i.package_id === p.id)
        .map((i) => ({
          skuId: i.sku_id,
          skuCode: i.sku_code,
          skuName: name(i.sku_id),
          qty: Number(i.qty),
          scannedQty: Number(i.scanned_qty),
        })),
    })),
    shortages: shortages.map((s) => ({
      skuId: s.sku_id,
      binId: s.bin_id,
      lotId: s.lot_id,
      qty: Number(s.qty),
      outcome: s.outcome,
      countRequestId: s.count_request_id,
      actorName: s.actor_name,
      at: s.at.toISOString(),
    })),
    gate: {
      ready: gate.ready,
      paymentStatus: gate.paymentStatus,
      reasons: gate.reasons.map((r) => ({
        code: r.code,
        params: r.params,
        message: t(lang, `warehouse.gate_${r.code}`, r.params),
      })),
    },
  };
}

/** Count requests raised by short picks (and others), newest first. */
export async function listCountRequests(
  db: Db,
  principal: Principal | null,
  query: { warehouseId?: string; status?: 'open' | 'done' | 'cancelled'; limit: number },
) {
  const scope = docScopeOf(principal);
  let q = obDb(db).selectFrom('warehouse.count_request').selectAll();
  if (scope.warehouseIds) {
    if (!scope.warehouseIds.length) return { items: [] };
    q = q.where('warehouse_id', 'in', scope.warehouseIds);
  }
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.status) q = q.where('status', '=', query.status);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(query.limit).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      warehouseId: r.warehouse_id,
      binId: r.bin_id,
      binCode: r.bin_code,
      skuId: r.sku_id,
      lotId: r.lot_id,
      reason: r.reason,
      expectedQty: Number(r.expected_qty),
      foundQty: Number(r.found_qty),
      status: r.status,
      note: r.note,
      createdByName: r.created_by_name,
      createdAt: r.created_at.toISOString(),
      closedAt: r.closed_at?.toISOString() ?? null,
    })),
  };
}
