import { describe, expect, it } from 'vitest';
import { distanceKm, pointOf } from './region.geo';
import { chargeableKg, promisedDate, shippingCostFen, zoneOf } from './shipping.rates';

describe('zones', () => {
  it('are 1 within a province, 2 within a region, 3 across, 4 to remote provinces', () => {
    expect(zoneOf('31', '31')).toBe(1);
    expect(zoneOf('31', '33')).toBe(2);
    expect(zoneOf('31', '44')).toBe(3);
    expect(zoneOf('31', '65')).toBe(4);
    expect(zoneOf('65', '65')).toBe(1);
    expect(zoneOf(null, '31')).toBe(3);
  });
});

describe('shipping cost', () => {
  it('charges the first kilogram and each further kilogram started', () => {
    expect(chargeableKg(1)).toBe(1);
    expect(chargeableKg(1000)).toBe(1);
    expect(chargeableKg(1001)).toBe(2);
    expect(shippingCostFen('standard', 1, 500)).toBe(600);
    expect(shippingCostFen('standard', 3, 2500)).toBe(1000 + 2 * 400);
    expect(shippingCostFen('cold_chain', 4, 1000)).toBe(5000);
  });
});

describe('distances', () => {
  it('place a destination at its city seat or provincial capital', () => {
    const shanghai = pointOf('31', '3101')!;
    const shenzhen = pointOf('44', '4403')!;
    const guangzhou = pointOf('44', '4401')!;
    expect(distanceKm(shanghai, guangzhou)).toBeGreaterThan(1150);
    expect(distanceKm(shanghai, guangzhou)).toBeLessThan(1250);
    expect(distanceKm(shenzhen, guangzhou)).toBeLessThan(120);
    expect(pointOf(null, null)).toBeNull();
  });
});

describe('promised date', () => {
  const opts = { cutoffHour: 16, timeZone: 'Asia/Shanghai' };
  it('ships today before the cut-off and counts working days', () => {
    // Tuesday 2026-11-24 10:00 in Shanghai.
    expect(promisedDate(new Date('2026-11-24T02:00:00Z'), 2, opts)).toEqual({
      shipDay: '2026-11-24',
      promised: '2026-11-26',
    });
  });
  it('ships the next working day after the cut-off, skipping the weekend', () => {
    // Friday 2026-11-27 17:00 in Shanghai → ships Monday 30th, 1 working day → Tuesday.
    expect(promisedDate(new Date('2026-11-27T09:00:00Z'), 1, opts)).toEqual({
      shipDay: '2026-11-30',
      promised: '2026-12-01',
    });
  });
  it('skips the National Day holiday', () => {
    // Tuesday 2026-09-29 09:00; 2026-10-01..07 are holidays.
    const { promised } = promisedDate(new Date('2026-09-29T01:00:00Z'), 3, opts);
    expect(promised > '2026-10-07').toBe(true);
  });
});
