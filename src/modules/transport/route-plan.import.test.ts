import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/lib/errors';
import { detectPlanFile, planFromFile } from './route-plan.import';

const solomon = (due0: number) =>
  [
    'R-TINY',
    'VEHICLE',
    'NUMBER     CAPACITY',
    '  2         50',
    'CUSTOMER',
    'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
    `    0      10         10          0          0       ${due0}          0`,
    '    1      12         15         10         30        90         10',
    '    2       4          8          5          0       500          5',
  ].join('\n');

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
  return null;
};

describe('plan files', () => {
  it('tells the three formats apart', () => {
    expect(detectPlanFile('  {"stops": []}')).toBe('wayline');
    expect(detectPlanFile(solomon(230))).toBe('solomon');
    expect(detectPlanFile('NAME : X\nNODE_COORD_SECTION\n1 0 0\nDEMAND_SECTION\n1 0\nEOF')).toBe('cvrplib');
    expect(detectPlanFile('id,lat,lon')).toBeNull();
  });

  it('maps Solomon minutes to clock times and units to km at 60 km/h', () => {
    const { plan, format } = planFromFile(solomon(230), 'auto');
    expect(format).toBe('solomon');
    expect(plan.coordinates).toBe('planar');
    expect(plan.speedKmh).toBe(60);
    expect(plan.vehicles[0]).toMatchObject({
      count: 2,
      capacityItems: 50,
      shiftStart: '00:00',
      shiftEnd: '03:50',
    });
    expect(plan.stops[0]).toMatchObject({ id: '1', x: 12, y: 15, items: 10, serviceMin: 10 });
    expect(plan.stops[0].windows).toEqual([{ from: '00:30', to: '01:30' }]);
    expect(plan.stops[1].windows).toEqual([{ from: '00:00', to: '08:20' }]);
  });

  it('refuses what it cannot represent or read', () => {
    expect(codeOf(() => planFromFile(solomon(6000), 'solomon'))).toBe('transport.file.horizon_too_long');
    expect(codeOf(() => planFromFile('VEHICLE\nCUSTOMER\n', 'solomon'))).toBe('transport.file.unreadable');
    expect(codeOf(() => planFromFile('{', 'wayline'))).toBe('transport.file.unreadable');
    expect(codeOf(() => planFromFile('no idea', 'auto'))).toBe('transport.file.unknown_format');
    const many = JSON.stringify({
      depot: { lat: 31, lon: 121 },
      stops: Array.from({ length: 2001 }, (_, i) => ({ id: String(i), lat: 31, lon: 121 })),
      vehicles: [{ id: 'v', count: 1 }],
    });
    expect(codeOf(() => planFromFile(many, 'auto'))).toBe('transport.file.too_many_stops');
  });
});
