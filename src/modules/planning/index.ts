/**
 * Planning module (需求计划): daily demand history per SKU × warehouse, promotions and the Chinese
 * retail calendar, forecasts with quantiles and backtested accuracy, replenishment policies and
 * suggestions, stock alerts. Other modules, web/ and tests import only from here.
 */
export { type Accuracy, accuracyOf, groupAccuracy, naiveScale } from './accuracy';
export { ALERT_KINDS, type AlertDraft, type AlertKind, expiryAlerts, stockAlerts } from './alert.logic';
export { ALERT_AUDIENCE, alertNoticeHandler, type NotifyStaff, type StaffNoticeInput } from './alert.notify';
export { ALERT_RAISED_TOPIC, type Alert } from './alert.service';
export { DEMO_HISTORY_DAYS, seedDemoDemand } from './demand.seed';
export { demandEventHandlers, recordDemand, replaceDemand } from './demand.service';
export {
  DEMAND_COLUMNS,
  type DemandImportResult,
  importDemandFile,
  runDemandImport,
} from './demand-import.service';
export { defaultAsOf, type RunRequest, type RunSummary, runPlanning } from './forecast-run.service';
export { planningMigrations } from './migrations';
export {
  type DemandEventSource,
  type DemandRow,
  type OpenSupply,
  type PlanningDeps,
  type PlanningSku,
  type PlanningStockRow,
  type PlanningWarehouse,
  planningDeps,
} from './planning.deps';
export {
  createPlanningJobHandlers,
  PLANNING_IMPORT_JOB,
  PLANNING_REVIEW_JOB,
  PLANNING_RUN_JOB,
} from './planning.jobs';
export { planningMessages } from './planning.messages';
export {
  createPlanningModule,
  PLANNING_REVIEW_TIME,
  type PlanningModule,
  planningPermissions,
} from './planning.module';
export { DEFAULT_POLICIES, OVERSTOCK_DAYS } from './policy.defaults';
export {
  economicOrderQuantity,
  type PolicyLevels,
  type PolicyParams,
  policyLevels,
  roundOrderQty,
  safetyStock,
  zFor,
} from './policy.math';
export { type Plan, planReplenishment, projectStock } from './replenishment.logic';
export { type ReviewSummary, runReview } from './review.service';
export { SUGGESTION_STATUSES, SUGGESTION_TRANSITIONS, type SuggestionStatus } from './suggestion.state';
