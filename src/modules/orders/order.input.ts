import { z } from 'zod';
import { PAYMENT_STATUSES } from './order.tables';
import { SERVICE_TYPES } from './shipping.rates';

/**
 * The order as a channel sends it (API body, batch item, import row group). Structure and types are
 * checked here (a bad request is a 400); whether the order can ship — address, phone, SKUs, payment —
 * is validation (信息校验), which sends the order to the exception queue with reason codes instead.
 */
const MAX_FEN = 10_000_000_000; // 100 million yuan
const text = (max: number) => z.string().trim().max(max);

export const CHANNEL_PATTERN = /^[a-z0-9_-]{1,30}$/;

const EMAIL = z.email();
/**
 * An e-mail address: trimmed, lower-cased, at most 254 characters (RFC 5321). A blank one counts as
 * none. A bad one is the field issue `orders.invalid_email` (its own message, not the generic one).
 */
export const emailInput = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .refine((v) => v === '' || EMAIL.safeParse(v).success, { message: 'orders.invalid_email', abort: true })
  .transform((v) => v || undefined);

export const consigneeInput = z
  .strictObject({
    name: text(50).min(1),
    phone: text(40)
      .min(1)
      .describe('Mobile (13812345678), landline (021-62345678) or a privacy number with extension.'),
    email: emailInput
      .optional()
      .describe('The consignee’s e-mail, for milestone e-mails (stored lower-cased; blank = none).'),
    address: text(300)
      .optional()
      .describe('The whole address as one text (e.g. 浙江省杭州市西湖区文三路90号).'),
    province: text(30).optional(),
    city: text(30).optional(),
    district: text(30).optional(),
    detail: text(200)
      .optional()
      .describe('Street, number, building, room — with province/city/district given apart.'),
    districtCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional()
      .describe('GB/T 2260 county-level code, when the channel sends one.'),
  })
  .refine((c) => !!(c.address || c.detail), { message: 'orders.address_required', path: ['address'] });

export const lineInput = z
  .strictObject({
    skuId: z.uuid().optional(),
    skuCode: text(40).min(1).toUpperCase().optional(),
    qty: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .describe('Units; a line with no positive quantity is held as an exception.'),
    unitPriceFen: z.number().int().min(0).max(MAX_FEN).describe('Price per unit in fen.'),
  })
  .refine((l) => !!(l.skuId || l.skuCode), { message: 'orders.sku_required', path: ['skuCode'] });

export const orderInput = z
  .strictObject({
    merchantId: z
      .uuid()
      .optional()
      .describe('Owner merchant; merchant-portal users leave it out (their own).'),
    channel: z
      .string()
      .trim()
      .toLowerCase()
      .regex(CHANNEL_PATTERN)
      .describe('Sales channel code, e.g. tmall, jd, douyin, pdd, web (a–z, 0–9, _ -).'),
    externalNo: text(64).min(1).describe('The order number in the channel; unique per merchant and channel.'),
    consignee: consigneeInput,
    lines: z.array(lineInput).min(1).max(200),
    payment: z
      .strictObject({
        status: z.enum(PAYMENT_STATUSES),
        codAmountFen: z
          .number()
          .int()
          .min(0)
          .max(MAX_FEN)
          .optional()
          .describe('Cash to collect on delivery (代收货款).'),
      })
      .describe('`cod` orders must collect exactly the order total; `unpaid` orders are held.'),
    serviceType: z.enum(SERVICE_TYPES).default('standard'),
    deliveryWindow: z
      .strictObject({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
      .refine((w) => Date.parse(w.to) > Date.parse(w.from), {
        message: 'orders.window_inverted',
        path: ['to'],
      })
      .optional()
      .describe('Requested delivery window (ISO-8601).'),
    notes: text(500).optional(),
  })
  .describe('An order from a sales channel.');

export type OrderInput = z.output<typeof orderInput>;
export type OrderDraftInput = z.input<typeof orderInput>;

/** An order whose owner is known. */
export type OrderDraft = Omit<OrderInput, 'merchantId'> & { merchantId: string };
