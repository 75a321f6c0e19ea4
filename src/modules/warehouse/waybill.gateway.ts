import { sql } from 'kysely';
import type { Trx } from '../../platform/db';
import { CARRIERS, type CarrierCode } from './waybill.carriers';

/**
 * Where waybill numbers (运单号) come from. In production each carrier's e-waybill API (电子面单)
 * books the numbers and returns the routing codes printed on the label; that integration is out of
 * scope, so the warehouse talks to this interface and the composition root may pass a real gateway
 * (`carrierGateway` in the module's deps).
 */
export interface CarrierGateway {
  readonly name: string;
  /** `parcels` fresh, unique numbers of `carrier`, in the caller's transaction. */
  issueWaybills(
    trx: Trx,
    request: { carrier: CarrierCode; warehouseId: string; outboundNumber: string; parcels: number },
  ): Promise<string[]>;
}

/** GS1 mod-10 check digit (weights 3, 1 from the right), as on GTINs and many carriers' numbers. */
export function mod10CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += d * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A local waybill number: the carrier's two-letter prefix, a 12-digit serial of that carrier, and a
 * mod-10 check digit — e.g. `SF0000000000017`. 15 characters, like SF's current numbers; a mistyped
 * digit fails `isLocalWaybill`. These numbers are not registered with the carrier.
 */
export function formatWaybill(carrier: CarrierCode, serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 1 || serial >= 1e12) throw new RangeError(`serial ${serial}`);
  const body = String(serial).padStart(12, '0');
  return `${CARRIERS[carrier].prefix}${body}${mod10CheckDigit(body)}`;
}

export function isLocalWaybill(value: string): boolean {
  const m = /^([A-Z]{2})(\d{12})(\d)$/.exec(value);
  return (
    !!m && Object.values(CARRIERS).some((c) => c.prefix === m[1]) && mod10CheckDigit(m[2]) === Number(m[3])
  );
}

/**
 * The local generator: one counter row per carrier (`warehouse.waybill_sequence`), moved by the
 * number of parcels with one atomic upsert in the caller's transaction — concurrent packers queue on
 * the row, and a rolled-back packing gives its numbers back.
 */
export const localCarrierGateway: CarrierGateway = {
  name: 'local',
  async issueWaybills(trx, { carrier, parcels }) {
    if (!Number.isSafeInteger(parcels) || parcels < 1) throw new RangeError(`parcels ${parcels}`);
    const { rows } = await sql<{ last_value: string | number }>`
      insert into warehouse.waybill_sequence as s (carrier, last_value) values (${carrier}, ${parcels})
      on conflict (carrier) do update set last_value = s.last_value + ${parcels}
      returning s.last_value
    `.execute(trx);
    const last = Number(rows[0].last_value);
    return Array.from({ length: parcels }, (_, i) => formatWaybill(carrier, last - parcels + 1 + i));
  },
};
