import { parseMoney } from '../../platform/lib/money';
import type { PaymentStatus } from './order.tables';
import type { ServiceType } from './shipping.rates';

/**
 * The order import layout: one row per order line; rows with the same channel and channel order
 * number form one order (order-level cells may be repeated or left blank after the first row).
 * Headers are accepted in Chinese or English; money is in yuan with up to two decimals.
 */
export type ColumnKey =
  | 'merchant_code'
  | 'channel'
  | 'external_no'
  | 'consignee_name'
  | 'consignee_phone'
  | 'consignee_email'
  | 'address'
  | 'province'
  | 'city'
  | 'district'
  | 'detail'
  | 'sku_code'
  | 'qty'
  | 'unit_price'
  | 'payment'
  | 'cod_amount'
  | 'service_type'
  | 'window_from'
  | 'window_to'
  | 'notes';

export interface Column {
  key: ColumnKey;
  zh: string;
  en: string;
  aliases: string[];
  /** Belongs to the order (same on every row of it) rather than to the line. */
  orderLevel: boolean;
}

// biome-ignore format: a table
export const ORDER_COLUMNS: Column[] = [
  { key: 'merchant_code', zh: '商家编码', en: 'Merchant code', aliases: ['商家', 'merchant'], orderLevel: true },
  { key: 'channel', zh: '渠道', en: 'Channel', aliases: ['销售渠道', '平台', 'platform'], orderLevel: true },
  { key: 'external_no', zh: '平台订单号', en: 'Channel order no', aliases: ['订单号', '外部订单号', 'external no', 'order no'], orderLevel: true },
  { key: 'consignee_name', zh: '收货人', en: 'Consignee', aliases: ['收件人', '姓名', 'name'], orderLevel: true },
  { key: 'consignee_phone', zh: '联系电话', en: 'Phone', aliases: ['手机', '手机号', '电话', 'mobile'], orderLevel: true },
  { key: 'consignee_email', zh: '收货人邮箱', en: 'Consignee e-mail', aliases: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail'], orderLevel: true },
  { key: 'address', zh: '收货地址', en: 'Address', aliases: ['地址', '详细收货地址', 'full address'], orderLevel: true },
  { key: 'province', zh: '省', en: 'Province', aliases: ['省份'], orderLevel: true },
  { key: 'city', zh: '市', en: 'City', aliases: ['城市'], orderLevel: true },
  { key: 'district', zh: '区县', en: 'District', aliases: ['区', '县'], orderLevel: true },
  { key: 'detail', zh: '详细地址', en: 'Street address', aliases: ['街道地址', 'detail'], orderLevel: true },
  { key: 'sku_code', zh: '商品编码', en: 'SKU code', aliases: ['SKU', '货号', 'sku'], orderLevel: false },
  { key: 'qty', zh: '数量', en: 'Quantity', aliases: ['件数', 'qty'], orderLevel: false },
  { key: 'unit_price', zh: '单价（元）', en: 'Unit price (yuan)', aliases: ['单价', 'price'], orderLevel: false },
  { key: 'payment', zh: '付款状态', en: 'Payment', aliases: ['付款方式', '支付状态'], orderLevel: true },
  { key: 'cod_amount', zh: '代收金额（元）', en: 'COD amount (yuan)', aliases: ['代收货款', '代收金额', 'cod'], orderLevel: true },
  { key: 'service_type', zh: '服务类型', en: 'Service', aliases: ['配送服务', '物流服务', 'service type'], orderLevel: true },
  { key: 'window_from', zh: '期望送达开始', en: 'Deliver from', aliases: ['送达开始时间'], orderLevel: true },
  { key: 'window_to', zh: '期望送达结束', en: 'Deliver by', aliases: ['送达结束时间'], orderLevel: true },
  { key: 'notes', zh: '备注', en: 'Notes', aliases: ['买家留言', '订单备注', 'remark'], orderLevel: true },
];

const norm = (text: string) =>
  text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_()（）]/g, '');
const BY_HEADER = new Map<string, Column>();
for (const c of ORDER_COLUMNS)
  for (const name of [c.key, c.zh, c.en, ...c.aliases]) BY_HEADER.set(norm(name), c);

export const columnForHeader = (text: string): Column | undefined => BY_HEADER.get(norm(text));

const PAYMENT: Record<string, PaymentStatus> = {
  paid: 'paid',
  已付款: 'paid',
  已支付: 'paid',
  在线支付: 'paid',
  '': 'paid',
  cod: 'cod',
  货到付款: 'cod',
  到付: 'cod',
  代收货款: 'cod',
  unpaid: 'unpaid',
  未付款: 'unpaid',
  待付款: 'unpaid',
  未支付: 'unpaid',
};
const SERVICE: Record<string, ServiceType> = {
  standard: 'standard',
  标准: 'standard',
  标准快递: 'standard',
  普通: 'standard',
  '': 'standard',
  express: 'express',
  特快: 'express',
  加急: 'express',
  次日达: 'express',
  coldchain: 'cold_chain',
  cold_chain: 'cold_chain',
  冷链: 'cold_chain',
  生鲜冷链: 'cold_chain',
};

export type Converted<T> = { value: T } | { bad: true };

export const paymentOf = (text: string): Converted<PaymentStatus> => {
  const v = PAYMENT[norm(text)];
  return v ? { value: v } : { bad: true };
};
export const serviceOf = (text: string): Converted<ServiceType> => {
  const v = SERVICE[norm(text).replace('-', '_')];
  return v ? { value: v } : { bad: true };
};

/** Yuan text (12.5, 12.50, ¥12.50, 1,200.00) to fen; more than two decimals is refused, never rounded. */
export function fenOf(text: string): Converted<number> {
  const cleaned = text.normalize('NFKC').replace(/[¥,\s元]/g, '');
  if (!cleaned) return { bad: true };
  try {
    const m = parseMoney(cleaned, 'CNY');
    return m.amountMinor >= 0 ? { value: m.amountMinor } : { bad: true };
  } catch {
    return { bad: true };
  }
}

export function intOf(text: string): Converted<number> {
  const t = text.normalize('NFKC').trim();
  return /^[+-]?\d{1,9}$/.test(t) ? { value: Number(t) } : { bad: true };
}

/** "2026-11-25 09:00" is Beijing time; ISO with an offset is taken as it is. */
export function instantOf(text: string): Converted<string> {
  const t = text.normalize('NFKC').trim();
  const local = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const iso = local
    ? `${local[1]}-${local[2].padStart(2, '0')}-${local[3].padStart(2, '0')}T${(local[4] ?? '00').padStart(2, '0')}:${local[5] ?? '00'}:${local[6] ?? '00'}+08:00`
    : t;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) || !/[T ]/.test(iso) ? { bad: true } : { value: at.toISOString() };
}
