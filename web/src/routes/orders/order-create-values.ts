import type { Dayjs } from 'dayjs';
import type { OrderCreateBody } from '../../api/orders';
import { fenOf } from './order-actions';

export type PaymentStatus = OrderCreateBody['payment']['status'];
export type ServiceType = NonNullable<OrderCreateBody['serviceType']>;

export const PAYMENT_STATUSES: PaymentStatus[] = ['paid', 'cod', 'unpaid'];
export const SERVICE_TYPES: ServiceType[] = ['standard', 'express', 'cold_chain'];
/** Channel codes offered while typing; any code of a–z, 0–9, _ and - is accepted. */
export const CHANNEL_SUGGESTIONS = ['tmall', 'jd', 'douyin', 'pdd', 'kuaishou', 'miniapp', 'web'];

/**
 * What the new-order form edits. Field names follow the API body (`lines.0.unitPriceFen`,
 * `payment.codAmountFen`) so the server's field issues land on the right inputs — but money is
 * typed in yuan there ("39.9") and turned into fen only when the body is built.
 */
export interface OrderFormValues {
  merchantId?: string;
  channel: string;
  externalNo: string;
  consignee: { name: string; phone: string; address: string; email?: string };
  lines: Array<{ skuCode?: string; qty?: number; unitPriceFen?: string }>;
  payment: { status: PaymentStatus; codAmountFen?: string };
  serviceType: ServiceType;
  deliveryWindow?: [Dayjs | null, Dayjs | null] | null;
  notes?: string;
}

export const EMPTY_ORDER: Partial<OrderFormValues> = {
  lines: [{ qty: 1 }],
  payment: { status: 'paid' },
  serviceType: 'standard',
};

/** Sum of the lines in fen; lines not filled in yet count as nothing. */
export function totalFen(lines: OrderFormValues['lines'] | undefined): number {
  return (lines ?? []).reduce((sum, l) => sum + Math.max(0, l?.qty ?? 0) * (fenOf(l?.unitPriceFen) ?? 0), 0);
}

const optText = (v: string | undefined) => v?.trim() || undefined;

/**
 * A picked date and time as Beijing time, whatever the browser's zone: the console shows every time
 * in Asia/Shanghai (see lib/format), so "09:00" typed here is 09:00 there (mainland China, no DST).
 */
const shanghaiTime = (d: Dayjs) => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

/** The API body of a filled-in form (the form's rules have checked what is required). */
export function toOrderBody(v: OrderFormValues): OrderCreateBody {
  const email = optText(v.consignee.email);
  const notes = optText(v.notes);
  const [from, to] = v.deliveryWindow ?? [];
  return {
    ...(v.merchantId ? { merchantId: v.merchantId } : {}),
    channel: v.channel.trim(),
    externalNo: v.externalNo.trim(),
    consignee: {
      name: v.consignee.name.trim(),
      phone: v.consignee.phone.trim(),
      address: v.consignee.address.trim(),
      ...(email ? { email } : {}),
    },
    lines: v.lines.map((l) => ({
      skuCode: (l.skuCode ?? '').trim(),
      qty: l.qty ?? 0,
      unitPriceFen: fenOf(l.unitPriceFen) ?? 0,
    })),
    payment: {
      status: v.payment.status,
      ...(v.payment.status === 'cod' ? { codAmountFen: fenOf(v.payment.codAmountFen) ?? 0 } : {}),
    },
    serviceType: v.serviceType,
    ...(from && to ? { deliveryWindow: { from: shanghaiTime(from), to: shanghaiTime(to) } } : {}),
    ...(notes ? { notes } : {}),
  };
}
