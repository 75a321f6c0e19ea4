import { describe, expect, it } from 'vitest';
import { checkSolution } from './feasibility';
import type { VrpProblem } from './model';
import { solveVrp } from './solve';

/**
 * A stop with two windows and a gap between them: leaving the depot "as late as possible" by the
 * windows' hull would arrive in the gap and miss the next stop's window. The planned schedule must
 * still be the feasible one the search found.
 */
describe('schedules with several windows per stop', () => {
  // depot 0, A 1, B 2; B → A is a long detour so A comes first.
  const d = [
    [0, 2, 5],
    [2, 0, 10],
    [5, 100, 0],
  ];
  const problem: VrpProblem = {
    depots: [{ id: 'depot', location: 0 }],
    stops: [
      {
        id: 'A',
        location: 1,
        timeWindows: [
          [0, 5],
          [50, 60],
        ],
      },
      { id: 'B', location: 2, timeWindows: [[20, 30]] },
    ],
    vehicleTypes: [{ id: 'v', count: 1, capacity: {}, shiftStartS: 0, shiftEndS: 1000, startDepot: 0 }],
    matrix: { size: 3, distances: d.flat(), durations: d.flat() },
  };

  it('leaves early enough to reach the first window', async () => {
    const s = await solveVrp(problem, { seed: 1, maxIterations: 50 });
    expect(checkSolution(problem, s).errors).toEqual([]);
    expect(s.unassigned).toEqual([]);
    const route = s.routes[0];
    expect(route.stops).toEqual([0, 1]);
    expect(route.visits[0].startS).toBeLessThanOrEqual(5);
    expect(route.visits[1].startS).toBeGreaterThanOrEqual(20);
    expect(route.visits[1].startS).toBeLessThanOrEqual(30);
    // The latest departure that is still on time: 3 (arrive at A at 5).
    expect(route.departureS).toBe(3);
  });
});
