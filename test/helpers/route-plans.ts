import { expect } from 'vitest';
import {
  buildRoutePlanProblem,
  type RoutePlanInput,
  type RoutePlanResult,
  routePlanBody,
} from '../../src/modules/transport';
import { checkSolution, DEMAND_DIMENSIONS, type VrpSolution } from '../../src/solvers/vrp';
import { type Agent, DEMO_PASSWORD, type TestSystem } from './system';

/** Shared by the route-plan test files: follow a plan, and check its result independently. */
export async function waitForPlan(agent: Agent, id: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const plan = await agent.get(`/api/route-plans/${id}`);
    expect(plan.status, plan.text).toBe(200);
    if (['succeeded', 'failed', 'cancelled'].includes(plan.body.status)) return plan.body;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`route plan ${id} did not finish`);
}

export async function startPlan(agent: Agent, plan: RoutePlanInput) {
  const started = await agent.post('/api/route-plans', plan);
  expect(started.status, started.text).toBe(202);
  return started.body as {
    id: string;
    kind: string;
    routePlan: { id: string; number: string; name: string };
  };
}

/**
 * The API's result turned back into the solver's terms and re-checked by the independent checker
 * (capacity per dimension, windows, skills, shifts, duration, every stop once, distances); plus the
 * times it reports are consistent with each stop's windows.
 */
export async function expectFeasible(planInput: unknown, result: RoutePlanResult) {
  const plan = routePlanBody.parse(planInput);
  const problem = await buildRoutePlanProblem(plan);
  const stopIndex = new Map(problem.stops.map((s, i) => [s.id, i]));
  const typeIndex = new Map(problem.vehicleTypes.map((v, i) => [v.id, i]));
  const solution: VrpSolution = {
    routes: result.routes.map((r) => ({
      vehicleType: typeIndex.get(r.vehicleId)!,
      stops: r.stops.map((s) => stopIndex.get(s.id)!),
      visits: r.stops.map((s) => ({
        stop: stopIndex.get(s.id)!,
        arrivalS: s.arrivalS,
        startS: s.startS,
        departureS: s.departureS,
      })),
      departureS: r.departureS,
      returnS: r.returnS,
      distanceM: r.distanceM,
      durationS: r.returnS - r.departureS,
      peakLoad: DEMAND_DIMENSIONS.map((d) => r.load[d]),
      cost: r.costFen,
    })),
    unassigned: result.unassigned.map((u) => ({ stop: stopIndex.get(u.id)!, reason: u.reason })),
    cost: result.totals.costFen,
    distanceM: result.totals.distanceM,
    vehicles: result.totals.vehicles,
    iterations: result.iterations,
    elapsedMs: result.elapsedMs,
    history: [],
  };
  const report = checkSolution(problem, solution);
  expect(report.errors).toEqual([]);
  expect(report.feasible).toBe(true);
  for (const route of result.routes) {
    let previous = route.departureS;
    for (const s of route.stops) {
      const windows = plan.stops[stopIndex.get(s.id)!].windows ?? [];
      const inWindow = windows.some((w) => {
        const [fh, fm] = w.from.split(':').map(Number);
        const [th, tm] = w.to.split(':').map(Number);
        return s.startS >= (fh * 60 + fm) * 60 - 1e-6 && s.startS <= (th * 60 + tm) * 60 + 1e-6;
      });
      expect(windows.length === 0 || inWindow, `${s.id} starts at ${s.start}`).toBe(true);
      expect(s.arrivalS).toBeGreaterThanOrEqual(previous);
      expect(s.startS).toBeGreaterThanOrEqual(s.arrivalS);
      expect(s.departureS).toBeGreaterThanOrEqual(s.startS);
      previous = s.departureS;
    }
    expect(route.returnS).toBeGreaterThanOrEqual(previous);
  }
  return { problem, report };
}

/** Number of page objects in a PDF (`/Type /Page`, not `/Type /Pages`). */
export const pdfPageCount = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

/** A file download as raw bytes (the Agent decodes bodies as text), signed in as `username`. */
export async function downloadAs(
  sys: TestSystem,
  username: string,
  url: string,
  lang = 'zh-CN',
): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  const login = await sys.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = (login.cookies as Array<{ name: string; value: string }>)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  const res = await sys.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
  return { status: res.statusCode, body: res.rawPayload, headers: res.headers };
}
