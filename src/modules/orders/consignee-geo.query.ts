import type { Db, Trx } from '../../platform/db';
import { DISTRICT_CENTRES } from './consignee-geo.districts';
import { maskPhone } from './contact.check';
import { regionOf } from './order.query';
import { ordersDb } from './order.tables';
import { CITY_SEATS, PROVINCE_CAPITALS } from './region.geo';

/**
 * Where and when an order is to be delivered, for route planning (transport module): the consignee
 * with a masked phone, a point for the parsed GB/T 2260 address at the most precise level known,
 * the requested delivery window and whether it needs a refrigerated vehicle. Read-only.
 */

/** How precise a consignee's point is: the district's centre, the city's, or the province's capital. */
export type LocationPrecision = 'district' | 'city' | 'province';

export interface ConsigneeLocation {
  lat: number;
  lon: number;
  precision: LocationPrecision;
}

/**
 * The most precise point known for an address: its district's centre (consignee-geo.districts.ts),
 * else its city's seat (a listed large city, or the province's capital city `PP01`), else the
 * provincial capital; null without a province.
 */
export function consigneeLocation(
  provinceCode: string | null,
  cityCode: string | null,
  districtCode: string | null,
): ConsigneeLocation | null {
  const district = districtCode ? DISTRICT_CENTRES[districtCode] : undefined;
  if (district) return { lat: district[1], lon: district[2], precision: 'district' };
  const capital = provinceCode ? PROVINCE_CAPITALS[provinceCode] : undefined;
  const seat = cityCode ? CITY_SEATS[cityCode] : undefined;
  if (seat) return { lat: seat[1], lon: seat[2], precision: 'city' };
  if (!capital) return null;
  // The capital's own prefecture is numbered first in every province (3301 杭州, 4401 广州, 1101 北京).
  const capitalCity = cityCode !== null && cityCode === `${provinceCode}01`;
  return { lat: capital[1], lon: capital[2], precision: capitalCity ? 'city' : 'province' };
}

export interface ConsigneeGeo {
  orderId: string;
  orderNumber: string;
  merchantId: string;
  status: string;
  serviceType: string;
  consigneeName: string;
  /** The phone as a driver's sheet may show it (138****1234). */
  phoneMasked: string;
  /** Region names and street address, as parsed (or as entered when it could not be parsed). */
  address: string;
  districtName: string | null;
  location: ConsigneeLocation | null;
  /** Requested delivery window, ISO-8601 instants; null when the order asks for none. */
  deliveryWindow: { from: string; to: string } | null;
  /** Cold-chain service, or chilled or frozen goods on a line: needs a refrigerated vehicle. */
  coldChain: boolean;
}

const COLD_CLASSES = ['chilled', 'frozen'];

/** Delivery facts of the given orders by id; unknown ids are absent from the map. */
export async function consigneeGeoOf(
  db: Db | Trx,
  orderIds: readonly string[],
): Promise<Map<string, ConsigneeGeo>> {
  const out = new Map<string, ConsigneeGeo>();
  if (!orderIds.length) return out;
  const q = ordersDb(db as Db);
  const ids = [...new Set(orderIds)];
  const [orders, coldLines] = await Promise.all([
    q
      .selectFrom('orders.order')
      .select([
        'id',
        'number',
        'merchant_id',
        'status',
        'service_type',
        'consignee_name',
        'consignee_phone',
        'address_text',
        'address_detail',
        'province_code',
        'province_name',
        'city_code',
        'city_name',
        'district_code',
        'district_name',
        'window_from',
        'window_to',
      ])
      .where('id', 'in', ids)
      .execute(),
    q
      .selectFrom('orders.order_line')
      .select('order_id')
      .distinct()
      .where('order_id', 'in', ids)
      .where('storage_class', 'in', COLD_CLASSES)
      .execute(),
  ]);
  const cold = new Set(coldLines.map((l) => l.order_id));
  for (const o of orders) {
    const region = regionOf(o);
    out.set(o.id, {
      orderId: o.id,
      orderNumber: o.number,
      merchantId: o.merchant_id,
      status: o.status,
      serviceType: o.service_type,
      consigneeName: o.consignee_name,
      phoneMasked: maskPhone(o.consignee_phone),
      address: region && o.address_detail ? `${region}${o.address_detail}` : o.address_text,
      districtName: o.district_name,
      location: consigneeLocation(o.province_code, o.city_code, o.district_code),
      deliveryWindow:
        o.window_from && o.window_to
          ? { from: new Date(o.window_from).toISOString(), to: new Date(o.window_to).toISOString() }
          : null,
      coldChain: o.service_type === 'cold_chain' || cold.has(o.id),
    });
  }
  return out;
}
