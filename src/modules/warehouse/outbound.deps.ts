import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { isAppError } from '../../platform/lib/errors';
import { type CarrierGateway, localCarrierGateway } from './waybill.gateway';

/** What the warehouse needs to know about an order (orders module), in this module's terms. */
export interface OrderFacts {
  id: string;
  number: string;
  status: string;
  merchantId: string;
  warehouseId: string | null;
  serviceType: string;
  /** `paid`, `cod` (cash on delivery) or `unpaid`. */
  paymentStatus: string;
  codAmountFen: number | null;
  totalFen: number;
  promisedDate: string | null;
  consignee: { name: string; phoneMasked: string; address: string };
  /** Where the order's stock is reserved, and how much of it was picked. */
  allocations: Array<{
    skuId: string;
    warehouseId: string;
    binId: string;
    binCode: string;
    lotId: string | null;
    lotCode: string | null;
    qty: number;
    pickedQty: number;
  }>;
}

export interface FulfilCtx {
  actor: Actor;
  now: Date;
}

/**
 * The order desk's side of outbound work, injected by the composition root (the warehouse module is
 * composed after orders and never imports its files): the order's facts, and the hand-back calls
 * that move the order through its state machine and post the ledger movements from the reserved
 * bins (pick → dispatch point, ship → out of the books). Each takes the caller's transaction.
 */
export interface OutboundDeps {
  /** The order as the warehouse needs it; null when there is no such order. */
  orderFacts(db: Db | Trx, orderId: string): Promise<OrderFacts | null>;
  recordPick(
    trx: Trx,
    input: { orderId: string; skuId: string; binId: string; lotId?: string | null; qty: number },
    ctx: FulfilCtx,
  ): Promise<void>;
  /** A short pick: the missing units are written off at the bin and the order re-allocated. */
  reallocateLost(
    trx: Trx,
    input: {
      orderId: string;
      lines: Array<{ skuId: string; qty: number; binId: string; lotId: string | null }>;
      note?: string | null;
    },
    ctx: FulfilCtx,
  ): Promise<{ outcome: 'same_warehouse' | 'reallocated' | 'split' }>;
  markPacked(trx: Trx, orderId: string, ctx: FulfilCtx, note?: string | null): Promise<void>;
  markShipped(
    trx: Trx,
    orderId: string,
    ctx: FulfilCtx,
    parcel: { carrier?: string | null; waybillNo?: string | null },
  ): Promise<void>;
  /** Waybill numbers (a carrier's API in production; the local generator by default). */
  carrierGateway?: CarrierGateway;
  /** IANA zone of the carriers' cut-off times; default Asia/Shanghai. */
  timeZone?: string;
}

let bound: Required<OutboundDeps> | null = null;

/**
 * Bind the order desk's functions. A composition without them (a benchmark of inbound work, say)
 * leaves outbound work unbound: it fails with a clear error when used, and nothing else does.
 */
export function bindOutboundDeps(deps: Partial<OutboundDeps>): void {
  const { orderFacts, recordPick, reallocateLost, markPacked, markShipped } = deps;
  bound =
    orderFacts && recordPick && reallocateLost && markPacked && markShipped
      ? {
          orderFacts,
          recordPick,
          reallocateLost,
          markPacked,
          markShipped,
          carrierGateway: deps.carrierGateway ?? localCarrierGateway,
          timeZone: deps.timeZone ?? 'Asia/Shanghai',
        }
      : null;
}

export function outboundDeps(): Required<OutboundDeps> {
  if (!bound)
    throw new Error(
      'warehouse: outbound work needs the order desk — pass its functions to createWarehouseModule',
    );
  return bound;
}

/** The orders module's order detail (`orderDetail` of its index), in the shape above. */
export interface OrderDetailLike {
  id: string;
  number: string;
  status: string;
  merchantId: string;
  warehouseId: string | null;
  serviceType: string;
  paymentStatus: string;
  codAmountFen: number | null;
  totalFen: number;
  promisedDate: string | null;
  phoneMasked: string;
  region: string | null;
  consigneeName: string;
  consignee: { addressText: string; detail: string };
  allocations: OrderFacts['allocations'];
}

export const orderFactsFrom = (d: OrderDetailLike): OrderFacts => ({
  id: d.id,
  number: d.number,
  status: d.status,
  merchantId: d.merchantId,
  warehouseId: d.warehouseId,
  serviceType: d.serviceType,
  paymentStatus: d.paymentStatus,
  codAmountFen: d.codAmountFen,
  totalFen: d.totalFen,
  promisedDate: d.promisedDate,
  consignee: {
    name: d.consigneeName,
    phoneMasked: d.phoneMasked,
    address: d.region && d.consignee.detail ? `${d.region}${d.consignee.detail}` : d.consignee.addressText,
  },
  allocations: d.allocations.map((a) => ({
    skuId: a.skuId,
    warehouseId: a.warehouseId,
    binId: a.binId,
    binCode: a.binCode,
    lotId: a.lotId,
    lotCode: a.lotCode,
    qty: a.qty,
    pickedQty: a.pickedQty,
  })),
});

/** `orderFacts` from the order desk's detail lookup: an unknown order is null, not an error. */
export const orderFactsVia =
  (detail: (db: Db, id: string) => Promise<OrderDetailLike>) =>
  async (db: Db | Trx, id: string): Promise<OrderFacts | null> => {
    try {
      return orderFactsFrom(await detail(db as Db, id));
    } catch (error) {
      if (isAppError(error) && error.kind === 'not_found') return null;
      throw error;
    }
  };
