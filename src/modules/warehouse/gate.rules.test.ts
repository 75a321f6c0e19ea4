import { describe, expect, it } from 'vitest';
import { type GateFacts, gateReasons } from './gate.rules';

const ready: GateFacts = {
  number: 'OB1',
  orderNumber: 'SO1',
  status: 'packed',
  carrier: 'SF',
  creditApproved: false,
  parcels: [
    { seq: 1, sealed: true, gateChecked: true, waybillNo: 'SF1' },
    { seq: 2, sealed: true, gateChecked: true, waybillNo: 'SF2' },
  ],
  order: { status: 'packed', paymentStatus: 'paid' },
};
const codes = (f: Partial<GateFacts>, carrier?: string) =>
  gateReasons({ ...ready, ...f }, carrier).map((r) => r.code);

describe('gate release rules', () => {
  it('lets a packed, checked, paid (or COD, or credit-approved) shipment out', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ order: { status: 'packed', paymentStatus: 'cod' } })).toEqual([]);
    expect(codes({ order: { status: 'packed', paymentStatus: 'unpaid' }, creditApproved: true })).toEqual([]);
    expect(codes({}, 'SF')).toEqual([]);
  });

  it('names every reason a shipment is held', () => {
    expect(codes({ order: { status: 'packed', paymentStatus: 'unpaid' } })).toEqual(['unpaid']);
    expect(
      codes({ status: 'packing', parcels: [{ seq: 1, sealed: false, gateChecked: false, waybillNo: null }] }),
    ).toEqual(['not_packed', 'parcel_not_sealed']);
    const unchecked = gateReasons({
      ...ready,
      parcels: [ready.parcels[0], { ...ready.parcels[1], gateChecked: false }],
    });
    expect(unchecked).toEqual([
      {
        code: 'parcel_not_checked',
        params: { number: 'OB1', order: 'SO1', parcels: '2', waybills: 'SF2', total: 2 },
      },
    ]);
    expect(codes({ order: null })).toEqual(['order_not_packed']);
    expect(codes({ status: 'shipped', parcels: [] })).toEqual(['not_packed', 'no_parcels']);
    expect(codes({}, 'ZTO')).toEqual(['carrier_mismatch']);
  });
});
