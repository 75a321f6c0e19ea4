/**
 * Transport module: route planning (how many vehicles, which stops each drives, in which order) as a
 * background job over the VRP solver. Other modules, web/ and tests import only from here.
 */
import type { PermissionDef, WaylineModule } from '../../platform/http/module';
import type { JobHandler } from '../../platform/jobs';
import { transportJobHandlers } from './route-plan.jobs';
import { createTransportRoutes, type TransportDeps } from './route-plan.routes';
import { transportMessages } from './transport.messages';

export {
  buildRoutePlanProblem,
  describeSolution,
  ROUTE_PLAN_JOB,
  type RoutePlanPayload,
  type RoutePlanResult,
  type RoutePlanResultRoute,
  type RunRoutePlanOptions,
  routePlanPayload,
  runRoutePlan,
  transportJobHandlers,
} from './route-plan.jobs';
export { createTransportRoutes, type TransportDeps } from './route-plan.routes';
export {
  clockOf,
  minutesOf,
  type RoutePlan,
  type RoutePlanInput,
  routePlanBody,
  routePlanStop,
  routePlanVehicle,
} from './route-plan.schemas';
export { transportMessages } from './transport.messages';

export const transportPermissions: PermissionDef[] = [
  {
    code: 'transport.route_plan.run',
    nameZh: '运行智能调度（路线规划）',
    nameEn: 'Run route planning',
    group: 'transport',
  },
];

export interface TransportModule extends WaylineModule {
  /** Handlers for the platform job queue, by job kind (`transport.route_plan`). */
  jobHandlers: Record<string, JobHandler>;
}

/** The transport module: route planning for now (no tables yet; plans live in jobs). */
export function createTransportModule(deps: TransportDeps): TransportModule {
  return {
    name: 'transport',
    migrations: {} as WaylineModule['migrations'],
    permissions: transportPermissions,
    messages: transportMessages,
    routes: createTransportRoutes(deps),
    jobHandlers: transportJobHandlers,
  };
}
