import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TemperatureClass } from './outbound.tables';
import { type PoolOrder, proposeWaves } from './wave.proposal';

const at = (h: number) => new Date(Date.UTC(2026, 10, 26, 0, (h - 8) * 60));
const order = (id: string, over: Partial<PoolOrder> = {}): PoolOrder => ({
  id,
  number: `OB-${id}`,
  carrier: 'ZTO',
  cutoffAt: at(17),
  temperatureClass: 'ambient',
  zoneKey: 'SH-A',
  lines: 1,
  units: 2,
  createdAt: at(9),
  ...over,
});

describe('proposeWaves', () => {
  it('groups by carrier cut-off, temperature class and zones, earliest truck first, frozen first', () => {
    const waves = proposeWaves(
      [
        order('a'),
        order('b', { carrier: 'SF', cutoffAt: at(18) }),
        order('c', { zoneKey: 'SH-A+SH-G' }),
        order('d'),
        order('e', { temperatureClass: 'frozen', zoneKey: 'SH-F', carrier: 'SF', cutoffAt: at(16) }),
        order('f', { temperatureClass: 'chilled', zoneKey: 'SH-K', carrier: 'SF', cutoffAt: at(16) }),
      ],
      { now: at(12) },
    );
    expect(waves.map((w) => w.outboundIds)).toEqual([['e'], ['f'], ['a', 'd'], ['c'], ['b']]);
    expect(waves[0]).toMatchObject({ carrier: 'SF', temperatureClass: 'frozen', minutesToCutoff: 240 });
    expect(waves[2]).toMatchObject({ orders: 2, units: 4, lines: 2 });
  });

  it('splits a big group by orders and units, oldest orders first', () => {
    const pool = Array.from({ length: 5 }, (_, i) =>
      order(`o${i}`, { createdAt: at(9 + (4 - i) / 10), units: 30 }),
    );
    const byOrders = proposeWaves(pool, { now: at(10), maxOrders: 2 });
    expect(byOrders.map((w) => w.outboundIds)).toEqual([['o4', 'o3'], ['o2', 'o1'], ['o0']]);
    expect(byOrders.map((w) => w.key.split('#')[1])).toEqual(['1', '2', '3']);
    const byUnits = proposeWaves(pool, { now: at(10), maxUnits: 70 });
    expect(byUnits.map((w) => w.orders)).toEqual([2, 2, 1]);
  });

  it('puts every order in exactly one wave whose members share its key (property)', () => {
    const temps: TemperatureClass[] = ['ambient', 'chilled', 'frozen'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            carrier: fc.constantFrom('SF', 'ZTO'),
            h: fc.integer({ min: 15, max: 19 }),
            t: fc.integer({ min: 0, max: 2 }),
            z: fc.constantFrom('A', 'B', 'A+B'),
            units: fc.integer({ min: 1, max: 50 }),
          }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 10 }),
        (specs, maxOrders) => {
          const pool = specs.map((s, i) =>
            order(String(i), {
              carrier: s.carrier,
              cutoffAt: at(s.h),
              temperatureClass: temps[s.t],
              zoneKey: s.z,
              units: s.units,
            }),
          );
          const waves = proposeWaves(pool, { now: at(12), maxOrders, maxUnits: 100 });
          const ids = waves.flatMap((w) => w.outboundIds).sort();
          expect(ids).toEqual(pool.map((o) => o.id).sort());
          for (const w of waves) {
            expect(w.orders).toBeLessThanOrEqual(maxOrders);
            expect(w.units <= 100 || w.orders === 1).toBe(true);
            for (const id of w.outboundIds) {
              const o = pool.find((p) => p.id === id)!;
              expect([o.carrier, o.cutoffAt.getTime(), o.temperatureClass, o.zoneKey]).toEqual([
                w.carrier,
                w.cutoffAt.getTime(),
                w.temperatureClass,
                w.zoneKey,
              ]);
            }
          }
          for (let i = 1; i < waves.length; i++)
            expect(waves[i].cutoffAt.getTime()).toBeGreaterThanOrEqual(waves[i - 1].cutoffAt.getTime());
        },
      ),
    );
  });
});
