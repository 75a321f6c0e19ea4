import { describe, expect, it } from 'vitest';
import { DEMO_DEPOT, shanghaiDemoPlan } from './route-plan.demo';
import { routePlanBody } from './route-plan.schemas';

describe('the Shanghai demo day', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(shanghaiDemoPlan()).toEqual(shanghaiDemoPlan());
    expect(shanghaiDemoPlan({ seed: 2 }).stops).not.toEqual(shanghaiDemoPlan().stops);
  });

  it('is a valid plan: 60 stops around WH-SH plus one oversize order, two vehicle types', () => {
    const plan = routePlanBody.parse(shanghaiDemoPlan());
    expect(plan.stops).toHaveLength(61);
    expect(plan.depot).toMatchObject(DEMO_DEPOT);
    expect(plan.vehicles.map((v) => v.id)).toEqual(['box-4.2m', 'reefer-4.2m']);
    expect(plan.vehicles[1].skills).toEqual(['refrigerated']);
    const regular = plan.stops.slice(0, 60);
    for (const s of regular) {
      // Within Shanghai's western and central districts.
      expect(s.lat).toBeGreaterThan(31.0);
      expect(s.lat).toBeLessThan(31.45);
      expect(s.lon).toBeGreaterThan(121.05);
      expect(s.lon).toBeLessThan(121.5);
      expect(s.weightG).toBeGreaterThanOrEqual(30_000);
      expect(s.weightG).toBeLessThanOrEqual(380_000);
      expect(s.volumeCm3).toBeGreaterThan(0);
      expect(s.windows?.length).toBeGreaterThan(0);
      expect(s.name).toMatch(/（.+店）/);
      expect(s.address).toMatch(/^上海市/);
    }
    const cold = regular.filter((s) => s.skills?.includes('refrigerated')).length;
    expect(cold).toBeGreaterThan(10);
    expect(cold).toBeLessThan(40);
    // The oversize order exceeds every vehicle's payload.
    const maxPayload = Math.max(...plan.vehicles.map((v) => v.capacityWeightG ?? 0));
    expect(plan.stops[60].weightG).toBeGreaterThan(maxPayload);
    expect(new Set(plan.stops.map((s) => s.id)).size).toBe(61);
  });

  it('takes a size, a date and a warehouse', () => {
    const plan = shanghaiDemoPlan({ stops: 10, oversizeOrder: false, date: '2027-01-04', warehouseId: 'w' });
    expect(plan.stops).toHaveLength(10);
    expect(plan.date).toBe('2027-01-04');
    expect(plan.warehouseId).toBe('w');
  });
});
