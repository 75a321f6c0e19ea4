import { ADDRESS_ISSUES } from './address.parse';

/**
 * Why an order is in the exception queue (异常订单). Each reason has a message
 * `orders.reason.<code>` in zh-CN and en. "Overridable" reasons may be released by a person with a
 * note (e.g. the customer confirmed the address by phone); the others need the order changed.
 */
export const REASON_CODES = [
  ...ADDRESS_ISSUES,
  'phone_invalid',
  'sku_unknown',
  'sku_inactive',
  'qty_not_positive',
  'cold_chain_required',
  'cod_amount_mismatch',
  'payment_unpaid',
  'duplicate_suspected',
  'customer_blocked',
  'out_of_stock',
  'no_capable_warehouse',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const NOT_OVERRIDABLE: ReadonlySet<string> = new Set([
  'sku_unknown',
  'sku_inactive',
  'qty_not_positive',
  'cold_chain_required',
  'no_capable_warehouse',
  'address_unparsed',
  'address_outside_mainland',
]);

/** Reasons found at allocation, not by validation: re-validation keeps them until allocation retries. */
export const ALLOCATION_REASONS: ReadonlySet<string> = new Set(['out_of_stock', 'no_capable_warehouse']);
