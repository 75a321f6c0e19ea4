import type { Db, Trx } from '../../platform/db';
import type { OutboundStatus } from './outbound.state';
import { obDb, type TemperatureClass } from './outbound.tables';
import { type PackSku, packItemsOf, proposePackages } from './pack.plan';
import { warehouseDeps } from './warehouse.deps';

/**
 * The shipments that leave a warehouse on a day, for route planning (transport module): outbound
 * documents packed (their parcels sealed, perhaps already checked at the gate) or released at the
 * gate that day, and — on request — those still being picked or packed. What each weighs and
 * measures comes from its parcels; documents not packed yet are estimated from the SKUs' weights
 * and dimensions by the same cartonisation the packing station proposes. Read-only.
 */

/** Documents being worked on (released by the order desk, not packed yet). */
const IN_PROGRESS: OutboundStatus[] = ['open', 'waved', 'picking', 'picked', 'packing'];

export interface DispatchQuery {
  warehouseId: string;
  /** The business day as an instant range [from, to). */
  from: Date;
  to: Date;
  /** Only this merchant's documents (merchant users); null = all. */
  merchantId?: string | null;
  /** Also documents not packed yet (their demand estimated). */
  includeUnpacked?: boolean;
}

export interface DispatchShipment {
  outboundId: string;
  outboundNumber: string;
  orderId: string;
  orderNumber: string;
  merchantId: string;
  status: OutboundStatus;
  serviceType: string;
  temperatureClass: TemperatureClass;
  carrier: string;
  packedAt: string | null;
  shippedAt: string | null;
  /** Every parcel scanned at the gate (出门复核) or the document released on a gate pass. */
  gateChecked: boolean;
  /** Parcels (sealed or proposed cartons); the estimate's cartons when not packed yet. */
  parcels: number;
  weightG: number;
  volumeCm3: number;
  /** `parcels`: from the document's cartons; `estimate`: SKU weights and dimensions, not packed yet. */
  demandSource: 'parcels' | 'estimate';
  waybills: string[];
}

function byOutbound<T extends { outbound_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.outbound_id, [...(map.get(r.outbound_id) ?? []), r]);
  return map;
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
const cm3 = (l: number, w: number, h: number) => Math.round((Number(l) * Number(w) * Number(h)) / 1000);

/**
 * Shipments of a warehouse for a business day: `packed` documents packed before the day ends (still
 * waiting to go), `shipped` documents released at the gate during the day, and with
 * `includeUnpacked` the live documents created before the day ends that are not packed yet.
 * Ordered by document number.
 */
export async function dispatchShipments(db: Db | Trx, query: DispatchQuery): Promise<DispatchShipment[]> {
  const ob = obDb(db);
  let q = ob
    .selectFrom('warehouse.outbound')
    .select([
      'id',
      'number',
      'order_id',
      'order_number',
      'merchant_id',
      'status',
      'service_type',
      'temperature_class',
      'carrier',
      'packed_at',
      'shipped_at',
      'gate_pass_id',
    ])
    .where('warehouse_id', '=', query.warehouseId)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'packed'), eb('packed_at', '<', query.to)]),
        eb.and([
          eb('status', '=', 'shipped'),
          eb('shipped_at', '>=', query.from),
          eb('shipped_at', '<', query.to),
        ]),
        ...(query.includeUnpacked
          ? [eb.and([eb('status', 'in', IN_PROGRESS), eb('created_at', '<', query.to)])]
          : []),
      ]),
    );
  if (query.merchantId) q = q.where('merchant_id', '=', query.merchantId);
  const docs = await q.orderBy('number').execute();
  if (!docs.length) return [];
  const ids = docs.map((d) => d.id);
  const [packages, lines] = await Promise.all([
    ob
      .selectFrom('warehouse.package')
      .select([
        'outbound_id',
        'weight_g',
        'computed_weight_g',
        'length_mm',
        'width_mm',
        'height_mm',
        'waybill_no',
        'gate_checked_at',
      ])
      .where('outbound_id', 'in', ids)
      .orderBy('seq')
      .execute(),
    ob
      .selectFrom('warehouse.outbound_line')
      .select(['outbound_id', 'sku_id', 'qty', 'short_qty'])
      .where('outbound_id', 'in', ids)
      .execute(),
  ]);
  const parcelsOf = byOutbound(packages);
  const linesOf = byOutbound(lines);
  const unpacked = docs.filter((d) => !parcelsOf.has(d.id));
  const skuIds = [...new Set(unpacked.flatMap((d) => (linesOf.get(d.id) ?? []).map((l) => l.sku_id)))];
  const skus = skuIds.length ? await warehouseDeps().skusByIds(db, skuIds) : new Map();
  const packSkus = new Map<string, PackSku>([...skus].map(([id, s]) => [id, s]));

  return docs.map((d): DispatchShipment => {
    const parcels = parcelsOf.get(d.id);
    const base = {
      outboundId: d.id,
      outboundNumber: d.number,
      orderId: d.order_id,
      orderNumber: d.order_number,
      merchantId: d.merchant_id,
      status: d.status,
      serviceType: d.service_type,
      temperatureClass: d.temperature_class,
      carrier: d.carrier,
      packedAt: iso(d.packed_at),
      shippedAt: iso(d.shipped_at),
    };
    if (parcels) {
      return {
        ...base,
        gateChecked: d.gate_pass_id !== null || parcels.every((p) => p.gate_checked_at !== null),
        parcels: parcels.length,
        weightG: parcels.reduce((s, p) => s + Number(p.weight_g ?? p.computed_weight_g), 0),
        volumeCm3: parcels.reduce((s, p) => s + cm3(p.length_mm, p.width_mm, p.height_mm), 0),
        demandSource: 'parcels',
        waybills: parcels.map((p) => p.waybill_no).filter((w): w is string => w !== null),
      };
    }
    const units = (linesOf.get(d.id) ?? [])
      .map((l) => ({ skuId: l.sku_id, qty: Number(l.qty) - Number(l.short_qty) }))
      .filter((l) => l.qty > 0 && packSkus.has(l.skuId));
    const planned = units.length ? proposePackages(packItemsOf(units, packSkus)) : [];
    return {
      ...base,
      gateChecked: false,
      parcels: planned.length,
      weightG: planned.reduce((s, p) => s + p.grossWeightG, 0),
      volumeCm3: planned.reduce((s, p) => s + cm3(p.lengthMm, p.widthMm, p.heightMm), 0),
      demandSource: 'estimate',
      waybills: [],
    };
  });
}
