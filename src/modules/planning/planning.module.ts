import type { FastifyInstance } from 'fastify';
import type { PermissionDef, WaylineModule } from '../../platform/http/module';
import type { JobHandler } from '../../platform/jobs';
import { alertNoticeHandler } from './alert.notify';
import { alertRoutes } from './alert.routes';
import { createDemandRoutes } from './demand.routes';
import { demandEventHandlers } from './demand.service';
import { createForecastRoutes } from './forecast.routes';
import { planningMigrations } from './migrations';
import { bindPlanningDeps, type PlanningDeps } from './planning.deps';
import { createPlanningJobHandlers, PLANNING_REVIEW_JOB } from './planning.jobs';
import { planningMessages } from './planning.messages';
import { createReplenishmentRoutes } from './replenishment.routes';

export const planningPermissions: PermissionDef[] = [
  {
    code: 'planning.forecast.read',
    nameZh: '查看需求预测、准确率、补货建议与预警',
    nameEn: 'View forecasts, accuracy, replenishment suggestions and alerts',
    group: 'logistics',
  },
  {
    code: 'planning.forecast.run',
    nameZh: '运行需求预测、回测与每日补货检查',
    nameEn: 'Run forecasts, backtests and the daily replenishment review',
    group: 'logistics',
  },
  {
    code: 'planning.demand.import',
    nameZh: '导入需求历史',
    nameEn: 'Import demand history',
    group: 'logistics',
  },
  {
    code: 'planning.promotion.write',
    nameZh: '维护促销日历',
    nameEn: 'Maintain the promotion calendar',
    group: 'logistics',
  },
  {
    code: 'planning.policy.write',
    nameZh: '设置补货策略（服务水平、提前期、起订量等）',
    nameEn: 'Set replenishment policies (service level, lead time, MOQ …)',
    group: 'logistics',
  },
  {
    code: 'planning.suggestion.decide',
    nameZh: '处理补货建议（接受、修改、拒绝、导出）',
    nameEn: 'Decide on replenishment suggestions (accept, edit, reject, export)',
    group: 'logistics',
  },
  {
    code: 'planning.alert.ack',
    nameZh: '确认库存预警',
    nameEn: 'Acknowledge stock alerts',
    group: 'logistics',
  },
];

/** The daily review (suggestions and alerts) runs at this local time when the scheduler is on. */
export const PLANNING_REVIEW_TIME = '06:30';

export interface PlanningModule extends WaylineModule {
  /** Handlers for the platform job queue, by job kind (`planning.*`). */
  jobHandlers: Record<string, JobHandler>;
  /** Jobs to run once a day (the daily review). */
  schedules: Array<{ kind: string; atLocalTime: string; payload?: Record<string, unknown> }>;
}

/**
 * Demand planning: daily demand history, promotions, forecasts and backtests (jobs on the worker
 * pool), replenishment policies and suggestions, alerts. `deps` brings SKUs (catalog), stock and
 * warehouses (inventory), the job queue and the worker pool.
 */
export function createPlanningModule(deps: PlanningDeps): PlanningModule {
  bindPlanningDeps(deps);
  return {
    name: 'planning',
    migrations: planningMigrations,
    permissions: planningPermissions,
    messages: planningMessages,
    routes: async (app: FastifyInstance) => {
      await createDemandRoutes(deps)(app);
      await createForecastRoutes(deps)(app);
      await createReplenishmentRoutes(deps)(app);
      await alertRoutes(app);
    },
    eventHandlers: [
      ...demandEventHandlers(deps.demandEvents ?? []),
      ...(deps.notifyStaff ? [alertNoticeHandler({ ...deps, notifyStaff: deps.notifyStaff })] : []),
    ],
    jobHandlers: createPlanningJobHandlers(deps),
    schedules: [{ kind: PLANNING_REVIEW_JOB, atLocalTime: PLANNING_REVIEW_TIME, payload: {} }],
  };
}
