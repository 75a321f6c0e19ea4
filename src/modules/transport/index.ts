/**
 * Transport module: route planning (how many vehicles, which stops each drives, in which order) as a
 * background job over the VRP solver, stored plans, and drivers' route sheets. Other modules, web/
 * and tests import only from here.
 */
import type { PermissionDef, WaylineModule } from '../../platform/http/module';
import type { JobHandler } from '../../platform/jobs';
import { transportMigrations } from './migrations';
import { transportJobHandlers } from './route-plan.jobs';
import { createTransportRoutes } from './route-plan.routes';
import type { TransportDeps } from './route-plan.service';
import { transportMessages } from './transport.messages';

export { DEMO_DEPOT, DEMO_FLEET, type DemoOptions, shanghaiDemoPlan } from './route-plan.demo';
export { DEFAULT_SERVICE_MIN, type FleetSetting, getFleetSetting } from './route-plan.fleet';
export { detectPlanFile, type PlanFileKind, planFromFile } from './route-plan.import';
export {
  ROUTE_PLAN_JOB,
  type RoutePlanPayload,
  type RunRoutePlanOptions,
  routePlanPayload,
  runRoutePlan,
  transportJobHandlers,
} from './route-plan.jobs';
export { buildRoutePlanProblem, planarKmMatrix } from './route-plan.problem';
export { planOfRequest, type RoutePlanRequest, routePlanRequest } from './route-plan.request';
export {
  describeSolution,
  type RoutePlanResult,
  type RoutePlanResultRoute,
  type RoutePlanResultStop,
} from './route-plan.result';
export { createTransportRoutes } from './route-plan.routes';
export {
  clockOf,
  isApproximate,
  LOCATION_PRECISIONS,
  type LocationPrecision,
  minutesOf,
  type RoutePlan,
  type RoutePlanInput,
  routePlanBody,
  routePlanStop,
  routePlanVehicle,
} from './route-plan.schemas';
export { canSeePlan, type DepotWarehouse, type TransportDeps } from './route-plan.service';
export {
  type ConsigneeFacts,
  type ShipmentFacts,
  type ShipmentSources,
  type ShipmentStops,
  type ShipmentsSource,
  shipmentStops,
  shipmentsSource,
} from './route-plan.shipments';
export { XLSX_STOP_HEADER_ROW, XLSX_SUMMARY_HEADER_ROW } from './route-sheet.xlsx';
export { transportMessages } from './transport.messages';

export const transportPermissions: PermissionDef[] = [
  {
    code: 'transport.route_plan.run',
    nameZh: '运行智能调度（路线规划）',
    nameEn: 'Run route planning',
    group: 'transport',
  },
  {
    code: 'transport.route_plan.read',
    nameZh: '查看调度方案与路线单',
    nameEn: 'View route plans and route sheets',
    group: 'transport',
  },
];

export interface TransportModule extends WaylineModule {
  /** Handlers for the platform job queue, by job kind (`transport.route_plan`). */
  jobHandlers: Record<string, JobHandler>;
}

/** The transport module: route plans (table `transport.route_plan`) solved by background jobs. */
export function createTransportModule(deps: TransportDeps): TransportModule {
  return {
    name: 'transport',
    migrations: transportMigrations,
    permissions: transportPermissions,
    messages: transportMessages,
    routes: createTransportRoutes(deps),
    jobHandlers: transportJobHandlers,
  };
}
