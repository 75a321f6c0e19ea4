import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactTourLength,
  generateLayout,
  generatePickList,
  layoutFromBins,
  type PickPoint,
  type PickRoute,
  routeBatch,
  routePicks,
  type WarehouseLayout,
} from './index';

const layout1: WarehouseLayout = {
  aisleXsMm: [0, 3000, 6000],
  crossAisleYsMm: [0, 10_000],
  aisleWidthMm: 1500,
  depot: { xMm: 0, yMm: -1000 },
};

const polyline = (r: PickRoute) =>
  r.waypoints
    .slice(1)
    .reduce((s, p, i) => s + Math.abs(p.xMm - r.waypoints[i].xMm) + Math.abs(p.yMm - r.waypoints[i].yMm), 0);

describe('routePicks: hand-computed single-block cases', () => {
  it('one pick: up the aisle and back, plus the depot access both ways', () => {
    const r = routePicks(layout1, [{ id: 'a', xMm: 0, yMm: 5000 }]);
    expect(r.distanceMm).toBe(2 * 5000 + 2 * 1000);
    expect(r.sequence).toEqual(['a']);
    expect(r.stops[0].legMm).toBe(6000);
    expect(r.returnLegMm).toBe(6000);
    expect(r.waypoints[0]).toEqual({ xMm: 0, yMm: -1000 });
    expect(r.waypoints.at(-1)).toEqual({ xMm: 0, yMm: -1000 });
  });

  it('picks deep in the first and last aisle: traverse both (S-shape is optimal here)', () => {
    const picks = [
      { id: 'a', xMm: 0, yMm: 9000 },
      { id: 'b', xMm: 6000, yMm: 9000 },
    ];
    const r = routePicks(layout1, picks);
    expect(r.distanceMm).toBe(10_000 + 6000 + 10_000 + 6000 + 2000);
    expect(r.sShapeDistanceMm).toBe(r.distanceMm);
  });

  it('picks near the front: two returns beat the S-shape traversals', () => {
    const picks = [
      { id: 'a', xMm: 0, yMm: 1000 },
      { id: 'b', xMm: 6000, yMm: 1000 },
    ];
    const r = routePicks(layout1, picks);
    expect(r.distanceMm).toBe(2000 + 6000 + 2000 + 6000 + 2000);
    expect(r.sShapeDistanceMm).toBe(34_000);
    expect(r.optimal).toBe(true);
    expect(r.method).toBe('exact-dp');
    const s = routePicks(layout1, picks, { method: 's-shape' });
    expect(s.distanceMm).toBe(34_000);
    expect(polyline(s)).toBe(34_000);
  });

  it('two blocks: picks just past the middle cross aisle', () => {
    const layout: WarehouseLayout = {
      aisleXsMm: [0, 3000],
      crossAisleYsMm: [0, 10_000, 20_000],
      aisleWidthMm: 1500,
      depot: { xMm: 0, yMm: 0 },
    };
    const picks = [
      { id: 'a', xMm: 0, yMm: 11_000 },
      { id: 'b', xMm: 3000, yMm: 11_000 },
    ];
    const r = routePicks(layout, picks);
    expect(r.distanceMm).toBe(30_000);
    expect(exactTourLength(layout, picks)).toBe(30_000);
  });

  it('picks at one location make one stop; an empty list is a zero walk', () => {
    const r = routePicks(layout1, [
      { id: 'a', xMm: 3000, yMm: 4000 },
      { id: 'b', xMm: 3000, yMm: 4000 },
    ]);
    expect(r.stops).toHaveLength(1);
    expect(r.stops[0].pickIds).toEqual(['a', 'b']);
    expect(routePicks(layout1, []).distanceMm).toBe(2000);
    expect(routePicks({ ...layout1, depot: { xMm: 0, yMm: 0 } }, []).distanceMm).toBe(0);
  });

  it('a depot between two aisles on the front cross aisle', () => {
    const layout = { ...layout1, depot: { xMm: 4500, yMm: 0 } };
    const picks = [{ id: 'a', xMm: 6000, yMm: 2000 }];
    expect(routePicks(layout, picks).distanceMm).toBe(2 * (1500 + 2000));
  });

  it('rejects bad layouts and duplicate pick ids', () => {
    expect(() => routePicks({ ...layout1, aisleXsMm: [3000, 0] }, [])).toThrow(RangeError);
    expect(() => routePicks({ ...layout1, crossAisleYsMm: [0] }, [])).toThrow(RangeError);
    expect(() =>
      routePicks(layout1, [
        { id: 'a', xMm: 0, yMm: 1 },
        { id: 'a', xMm: 0, yMm: 2 },
      ]),
    ).toThrow(/twice/);
    expect(() => routePicks(layout1, [{ id: 'a', xMm: Number.NaN, yMm: 2 }])).toThrow(RangeError);
  });
});

const instance = fc
  .record({
    aisles: fc.integer({ min: 1, max: 7 }),
    blocks: fc.integer({ min: 1, max: 4 }),
    pitch: fc.integer({ min: 1, max: 9 }),
    blockLength: fc.integer({ min: 1, max: 15 }),
    depot: fc.record({ x: fc.integer({ min: -5, max: 70 }), y: fc.integer({ min: -5, max: 70 }) }),
    picks: fc.array(fc.record({ x: fc.integer({ min: -3, max: 70 }), y: fc.integer({ min: -3, max: 70 }) }), {
      maxLength: 9,
    }),
  })
  .map(({ aisles, blocks, pitch, blockLength, depot, picks }) => {
    const layout: WarehouseLayout = {
      aisleXsMm: Array.from({ length: aisles }, (_, i) => i * pitch),
      crossAisleYsMm: Array.from({ length: blocks + 1 }, (_, i) => i * blockLength),
      aisleWidthMm: 1,
      depot: { xMm: depot.x, yMm: depot.y },
    };
    return { layout, picks: picks.map((p, i): PickPoint => ({ id: `p${i}`, xMm: p.x, yMm: p.y })) };
  });

describe('routePicks: properties', () => {
  it('visits every pick once, adds up, never beats the exact optimum nor loses to the S-shape', () => {
    fc.assert(
      fc.property(instance, ({ layout, picks }) => {
        const r = routePicks(layout, picks);
        expect([...r.sequence].sort()).toEqual(picks.map((p) => p.id).sort());
        expect(new Set(r.stops.map((s) => `${s.xMm},${s.yMm}`)).size).toBe(r.stops.length);
        expect(r.stops.reduce((s, x) => s + x.legMm, 0) + r.returnLegMm).toBe(r.distanceMm);
        expect(polyline(r)).toBe(r.distanceMm);
        expect(r.distanceMm).toBeLessThanOrEqual(r.sShapeDistanceMm);
        expect(r.distanceMm).toBe(exactTourLength(layout, picks));
        expect(polyline(routePicks(layout, picks, { method: 's-shape' }))).toBe(r.sShapeDistanceMm);
      }),
      { numRuns: 400 },
    );
  });

  it('the local search (fallback for many cross aisles) is never shorter than exact nor longer than S-shape', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 1, max: 1000 }), ({ layout, picks }, seed) => {
        const r = routePicks(layout, picks, { method: 'heuristic', heldKarpMax: 0, seed });
        expect([...r.sequence].sort()).toEqual(picks.map((p) => p.id).sort());
        expect(polyline(r)).toBe(r.distanceMm);
        expect(r.distanceMm).toBeGreaterThanOrEqual(exactTourLength(layout, picks));
        expect(r.distanceMm).toBeLessThanOrEqual(r.sShapeDistanceMm);
      }),
      { numRuns: 150 },
    );
  });
});

describe('routePicks on generated warehouses', () => {
  it('is exact on lists the checker can solve, and saves on the S-shape walk', () => {
    let saving = 0;
    let n = 0;
    for (const blocks of [1, 2, 3])
      for (let seed = 1; seed <= 6; seed++) {
        const gl = generateLayout({ aisles: 12, blocks, depot: seed % 2 ? 'left' : 'centre' });
        const picks = generatePickList(gl, 10, seed * 7 + blocks);
        const r = routePicks(gl.layout, picks);
        expect(r.distanceMm).toBe(exactTourLength(gl.layout, picks));
        saving += 1 - r.distanceMm / r.sShapeDistanceMm;
        n++;
      }
    expect(saving / n).toBeGreaterThan(0.1);
  });

  it('five blocks: auto falls back to the local search, within 1 % of the exact DP', () => {
    const gl = generateLayout({ aisles: 10, blocks: 5, blockLengthMm: 10_000 });
    let gap = 0;
    for (let seed = 1; seed <= 3; seed++) {
      const picks = generatePickList(gl, 40, seed);
      const auto = routePicks(gl.layout, picks, { seed: 3 });
      expect(auto.method).toBe('local-search');
      expect(auto.optimal).toBe(false);
      const exact = routePicks(gl.layout, picks, { method: 'exact-dp' });
      expect(exact.optimal).toBe(true);
      expect(auto.distanceMm).toBeGreaterThanOrEqual(exact.distanceMm);
      gap += auto.distanceMm / exact.distanceMm - 1;
      // Deterministic for a seed.
      expect(routePicks(gl.layout, picks, { seed: 3 }).sequence).toEqual(auto.sequence);
    }
    expect(gap / 3).toBeLessThan(0.01);
  });

  it('routes 60 picks in a 20-aisle, 3-block warehouse quickly', () => {
    const gl = generateLayout({ aisles: 20, blocks: 3 });
    const picks = generatePickList(gl, 60, 11);
    routePicks(gl.layout, picks);
    const t = performance.now();
    const r = routePicks(gl.layout, picks);
    expect(performance.now() - t).toBeLessThan(200);
    expect(r.method).toBe('exact-dp');
    expect(r.distanceMm).toBeLessThan(r.sShapeDistanceMm);
  });
});

describe('routeBatch', () => {
  it('merges the lines of several orders by location and routes their union', () => {
    const lines = [
      { lineId: 'o1-1', orderRef: 'SO-1', locationKey: 'bin-a', xMm: 0, yMm: 8000 },
      { lineId: 'o2-1', orderRef: 'SO-2', locationKey: 'bin-a', xMm: 0, yMm: 8000 },
      { lineId: 'o2-2', orderRef: 'SO-2', locationKey: 'bin-b', xMm: 6000, yMm: 2000 },
      { lineId: 'o3-1', orderRef: 'SO-3', xMm: 3000, yMm: 5000 },
    ];
    const r = routeBatch(layout1, lines);
    expect(r.orderRefs).toEqual(['SO-1', 'SO-2', 'SO-3']);
    expect(r.stops).toHaveLength(3);
    const a = r.stops.find((s) => s.lines.some((l) => l.locationKey === 'bin-a'))!;
    expect(a.lines.map((l) => l.lineId)).toEqual(['o1-1', 'o2-1']);
    expect([...r.sequence].sort()).toEqual(lines.map((l) => l.lineId).sort());
    const union = routePicks(layout1, [
      { id: 'a', xMm: 0, yMm: 8000 },
      { id: 'b', xMm: 6000, yMm: 2000 },
      { id: 'c', xMm: 3000, yMm: 5000 },
    ]);
    expect(r.distanceMm).toBe(union.distanceMm);
  });
});

describe('layoutFromBins', () => {
  it('infers aisles from x and a middle cross aisle from a wide gap in y', () => {
    const bins = [];
    for (const x of [0, 3000, 6000])
      for (let bay = 0; bay < 10; bay++)
        bins.push({ xMm: x, yMm: 1000 + bay * 1000 }, { xMm: x, yMm: 15_000 + bay * 1000 });
    const layout = layoutFromBins(bins, { depot: { xMm: 0, yMm: 0 } });
    expect(layout.aisleXsMm).toEqual([0, 3000, 6000]);
    expect(layout.crossAisleYsMm).toEqual([0, 12_500, 25_000]);
    const r = routePicks(layout, [{ id: 'x', ...bins[0] }]);
    expect(r.distanceMm).toBe(2000);
  });

  it('merges rack-face positions of one aisle and groups by aisle label when given', () => {
    const faces = [-700, 700].flatMap((dx) => [0, 3000].map((x) => ({ xMm: x + dx, yMm: 2000 })));
    expect(layoutFromBins(faces, { depot: { xMm: 0, yMm: 0 }, aisleMergeMm: 1500 }).aisleXsMm).toEqual([
      0, 3000,
    ]);
    const labelled = [
      { aisle: 'B', xMm: 3100, yMm: 1000 },
      { aisle: 'A', xMm: 0, yMm: 1000 },
      { aisle: 'A', xMm: 200, yMm: 2000 },
    ];
    const layout = layoutFromBins(labelled, { depot: { xMm: 0, yMm: 0 } });
    expect(layout.aisleNames).toEqual(['A', 'B']);
    expect(layout.aisleXsMm).toEqual([100, 3100]);
    expect(() => layoutFromBins([], { depot: { xMm: 0, yMm: 0 } })).toThrow(RangeError);
  });
});
