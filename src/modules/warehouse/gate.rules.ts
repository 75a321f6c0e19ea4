/**
 * What must be true before a shipment leaves the warehouse (出门证): the outbound document is
 * packed, every parcel is sealed and was scanned at the gate, the order desk has the order packed,
 * the order is paid, cash on delivery or credit-approved, and the parcels go with the carrier named
 * on the pass. Each failure is a reason with its message code.
 */
export interface GateFacts {
  number: string;
  orderNumber: string;
  status: string;
  carrier: string;
  creditApproved: boolean;
  parcels: Array<{ seq: number; sealed: boolean; gateChecked: boolean; waybillNo: string | null }>;
  order: { status: string; paymentStatus: string } | null;
}

export const GATE_REASONS = [
  'not_packed',
  'no_parcels',
  'parcel_not_sealed',
  'parcel_not_checked',
  'order_not_packed',
  'unpaid',
  'carrier_mismatch',
] as const;
export type GateReasonCode = (typeof GATE_REASONS)[number];

export interface GateReason {
  code: GateReasonCode;
  params: Record<string, string | number>;
}

export function gateReasons(f: GateFacts, carrier?: string | null): GateReason[] {
  const out: GateReason[] = [];
  const add = (code: GateReasonCode, params: Record<string, string | number> = {}) =>
    out.push({ code, params: { number: f.number, order: f.orderNumber, ...params } });
  if (f.status !== 'packed') add('not_packed', { status: f.status });
  if (!f.parcels.length) add('no_parcels');
  const unsealed = f.parcels.filter((p) => !p.sealed);
  if (unsealed.length)
    add('parcel_not_sealed', { parcels: unsealed.map((p) => p.seq).join(', '), total: f.parcels.length });
  const unchecked = f.parcels.filter((p) => p.sealed && !p.gateChecked);
  if (unchecked.length)
    add('parcel_not_checked', {
      parcels: unchecked.map((p) => p.seq).join(', '),
      waybills: unchecked.map((p) => p.waybillNo ?? '-').join(', '),
      total: f.parcels.length,
    });
  if (f.order?.status !== 'packed') add('order_not_packed', { orderStatus: f.order?.status ?? '-' });
  if (f.order && f.order.paymentStatus !== 'paid' && f.order.paymentStatus !== 'cod' && !f.creditApproved)
    add('unpaid', { payment: f.order.paymentStatus });
  if (carrier && carrier !== f.carrier) add('carrier_mismatch', { carrier, expected: f.carrier });
  return out;
}
