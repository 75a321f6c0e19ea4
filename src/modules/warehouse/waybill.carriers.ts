import { addDays, businessDayOf, businessDayRange } from '../../platform/time/calendar';
import type { ServiceType } from './outbound.tables';

/**
 * Express carriers a Chinese e-commerce warehouse hands parcels to, with the two-letter prefix the
 * local waybill generator puts on their numbers (waybill.gateway.ts).
 */
export const CARRIERS = {
  SF: { nameZh: '顺丰速运', nameEn: 'SF Express', prefix: 'SF' },
  ZTO: { nameZh: '中通快递', nameEn: 'ZTO Express', prefix: 'ZT' },
  YTO: { nameZh: '圆通速递', nameEn: 'YTO Express', prefix: 'YT' },
  STO: { nameZh: '申通快递', nameEn: 'STO Express', prefix: 'ST' },
  YUNDA: { nameZh: '韵达快递', nameEn: 'Yunda Express', prefix: 'YD' },
  JD: { nameZh: '京东物流', nameEn: 'JD Logistics', prefix: 'JD' },
  EMS: { nameZh: '中国邮政EMS', nameEn: 'China Post EMS', prefix: 'EM' },
} as const;
export type CarrierCode = keyof typeof CARRIERS;
export const CARRIER_CODES = Object.keys(CARRIERS) as [CarrierCode, ...CarrierCode[]];

export const isCarrierCode = (value: string): value is CarrierCode => value in CARRIERS;

/**
 * Who takes each service and when their last truck leaves (截单时间), when a warehouse has not set
 * its own (PUT /api/warehouse/carrier-cutoffs): economy parcels with ZTO at 17:00, express with
 * SF at 18:00, cold chain with SF's cold service at 16:00 (the insulated truck leaves earlier so the
 * goods reach the sorting centre still cold). Local time of the warehouse's business zone.
 */
export const DEFAULT_CUTOFFS: Record<ServiceType, { carrier: CarrierCode; cutoffLocal: string }> = {
  standard: { carrier: 'ZTO', cutoffLocal: '17:00' },
  express: { carrier: 'SF', cutoffLocal: '18:00' },
  cold_chain: { carrier: 'SF', cutoffLocal: '16:00' },
};

export const CUTOFF_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The next departure at or after `now` for a cut-off time `HH:MM` in `timeZone`: today's if it is
 * still ahead, otherwise tomorrow's. (Mainland China has no daylight saving time; in zones that do,
 * the transition day is off by the shift.)
 */
export function nextCutoff(now: Date, cutoffLocal: string, timeZone = 'Asia/Shanghai'): Date {
  if (!CUTOFF_PATTERN.test(cutoffLocal)) throw new RangeError(`invalid cut-off time ${cutoffLocal}`);
  const [h, m] = cutoffLocal.split(':').map(Number);
  const today = businessDayOf(now, timeZone);
  const at = (day: string) =>
    new Date(businessDayRange(day, timeZone).start.getTime() + (h * 60 + m) * 60_000);
  const todays = at(today);
  return todays.getTime() >= now.getTime() ? todays : at(addDays(today, 1));
}

/** The carrier's name as the order desk records it on the shipped order. */
export const carrierName = (code: string): string => (isCarrierCode(code) ? CARRIERS[code].nameZh : code);
