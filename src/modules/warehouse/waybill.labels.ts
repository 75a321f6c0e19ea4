import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { listWarehouses } from '../inventory';
import { outboundDeps } from './outbound.deps';
import { type OutboundRow, obDb } from './outbound.tables';
import { canSeeDoc } from './warehouse.access';
import { seesWarehouse } from './wave.service';
import { carrierName } from './waybill.carriers';
import type { LabelData } from './waybill.pdf';

const printedAt = (now: Date, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(now);

/** Labels of sealed parcels of some outbound documents, in document then parcel order. */
async function labelsOf(db: Db, docs: OutboundRow[], now: Date): Promise<LabelData[]> {
  if (!docs.length) return [];
  const warehouses = await listWarehouses(db, null);
  const packages = await obDb(db)
    .selectFrom('warehouse.package')
    .selectAll()
    .where(
      'outbound_id',
      'in',
      docs.map((d) => d.id),
    )
    .orderBy('outbound_id')
    .orderBy('seq')
    .execute();
  const out: LabelData[] = [];
  for (const doc of docs) {
    const parcels = packages.filter((p) => p.outbound_id === doc.id);
    const sealed = parcels.filter((p) => p.status === 'sealed');
    if (!sealed.length) continue;
    const order = await outboundDeps().orderFacts(db, doc.order_id);
    const w = warehouses.find((x) => x.id === doc.warehouse_id);
    for (const p of sealed)
      out.push({
        waybillNo: p.waybill_no!,
        carrierName: carrierName(doc.carrier),
        serviceType: doc.service_type,
        temperature: p.temperature,
        sender: { name: w ? `${w.nameZh} (${w.code})` : '-', address: w ? `${w.city} ${w.address}` : '-' },
        consignee: order?.consignee ?? { name: '-', phoneMasked: '-', address: '-' },
        orderNumber: doc.order_number,
        outboundNumber: doc.number,
        parcelNo: p.seq,
        parcelCount: parcels.length,
        weightG: Number(p.weight_g ?? p.computed_weight_g),
        dims: { lengthMm: p.length_mm, widthMm: p.width_mm, heightMm: p.height_mm },
        cartonTypeId: p.carton_type_id,
        codAmountFen: order?.paymentStatus === 'cod' && p.seq === 1 ? order.codAmountFen : null,
        printedAt: printedAt(now, outboundDeps().timeZone),
      });
  }
  return out;
}

/** Labels of one order's sealed parcels. */
export async function labelsForOutbound(db: Db, principal: Principal | null, id: string, now: Date) {
  const doc = await obDb(db)
    .selectFrom('warehouse.outbound')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!doc || !canSeeDoc(principal, doc)) throw notFound('outbound', id);
  const labels = await labelsOf(db, [doc], now);
  if (!labels.length) throw new AppError('conflict', 'warehouse.no_sealed_parcels', { number: doc.number });
  return { number: doc.number, labels };
}

/** Every sealed parcel of a wave: one batch for the label printer. */
export async function labelsForWave(db: Db, principal: Principal | null, id: string, now: Date) {
  const wave = await obDb(db)
    .selectFrom('warehouse.wave')
    .select(['id', 'number', 'warehouse_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!wave || !seesWarehouse(principal, wave.warehouse_id)) throw notFound('wave', id);
  const docs = await obDb(db)
    .selectFrom('warehouse.outbound')
    .selectAll()
    .where('wave_id', '=', id)
    .where('status', 'in', ['packing', 'packed', 'shipped'])
    .orderBy('cutoff_at')
    .orderBy('number')
    .execute();
  const labels = await labelsOf(db, docs, now);
  if (!labels.length) throw new AppError('conflict', 'warehouse.no_sealed_parcels', { number: wave.number });
  return { number: wave.number, labels };
}
