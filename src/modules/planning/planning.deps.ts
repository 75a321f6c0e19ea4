import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import type { CpuPool, Job } from '../../platform/jobs';
import { isAppError } from '../../platform/lib/errors';
import type { NotifyStaff } from './alert.notify';

/** What planning needs to know about a SKU (catalog module), in planning's own terms. */
export interface PlanningSku {
  id: string;
  code: string;
  merchantId: string;
  nameZh: string;
  nameEn: string | null;
  storageClass: string;
  shelfLifeDays: number | null;
  minRemainingShelfLifeDays: number | null;
  active: boolean;
}

/** One stock balance row (inventory module): SKU × bin × lot × status. */
export interface PlanningStockRow {
  skuId: string;
  warehouseId: string;
  lotId: string | null;
  lotCode: string | null;
  expiryDate: string | null;
  status: string;
  onHand: number;
  reserved: number;
  available: number;
}

export interface PlanningWarehouse {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A receipt already on its way from a supplier (procurement module, once it exists). */
export interface OpenSupply {
  skuId: string;
  warehouseId: string;
  qty: number;
  /** Expected receipt day, YYYY-MM-DD. */
  due: string;
  reference: string;
}

/** A demand posting: units that left a warehouse for customers on one day. */
export interface DemandRow {
  skuId: string;
  warehouseId: string;
  /** Business day, YYYY-MM-DD. */
  day: string;
  qty: number;
  /** The day's demand was cut short by a stock-out (censored). */
  stockout?: boolean;
}

/** An outbox topic whose events carry demand (e.g. the orders module's shipped event). */
export interface DemandEventSource {
  topic: string;
  /** Turns an event's payload into demand rows; an empty list ignores the event. */
  rows(payload: unknown): DemandRow[];
}

export interface PlanningEnqueueInput {
  kind: string;
  payload: unknown;
  createdBy: string | null;
  merchantId: string | null;
  now: Date;
}

/**
 * What planning needs from other modules, injected by the composition root (src/app/modules.ts) so
 * planning never imports their files: SKUs (catalog), stock and warehouses (inventory), the job queue
 * and the worker-thread pool (platform), and optionally open supply (procurement) and demand events.
 */
export interface PlanningDeps {
  /** Every SKU (active or not). */
  skus(db: Db): Promise<PlanningSku[]>;
  /** One SKU; throws the catalog's not-found error for an unknown id. */
  skuById(db: Db, id: string): Promise<PlanningSku>;
  /** Stock rows, paged (inventory's `listStock`); `principal` null = all warehouses. */
  listStock(
    db: Db,
    principal: Principal | null,
    query: { warehouseId?: string; skuId?: string; limit: number; cursor?: string },
  ): Promise<{ items: PlanningStockRow[]; nextCursor: string | null }>;
  listWarehouses(db: Db, principal: Principal | null): Promise<PlanningWarehouse[]>;
  /** Merchant codes and names by id (org module). */
  merchantCodes(db: Db, ids: string[]): Promise<Map<string, string>>;
  merchantNames(db: Db, ids: string[]): Promise<Map<string, string>>;
  enqueueJob(db: Db, job: PlanningEnqueueInput): Promise<Job>;
  /** The shared worker-thread pool for CPU-heavy work (created on first use). */
  cpuPool(): CpuPool;
  /** Receipts on their way (procurement, later); until then accepted suggestions count as on order. */
  openSupply?(db: Db, skuIds: string[] | null): Promise<OpenSupply[]>;
  /** Outbox topics that carry demand (orders' shipped event, later). */
  demandEvents?: DemandEventSource[];
  /** Tell staff about alerts (notifications module's `notifyStaff`); without it alerts stay on the console. */
  notifyStaff?: NotifyStaff;
  /** Business time zone for "today" (default Asia/Shanghai). */
  timeZone?: string;
}

let bound: PlanningDeps | null = null;

/**
 * `createPlanningModule(deps)` binds the lookups here so the job handlers and the CLI (which have no
 * deps at hand) use the same ones. Only functions are kept — no data — so every process behaves the same.
 */
export function bindPlanningDeps(deps: PlanningDeps): void {
  bound = deps;
}

export function planningDeps(): PlanningDeps {
  if (!bound) throw new Error('planning: call createPlanningModule(deps) first');
  return bound;
}

/** The SKU, or null when the catalog does not know it. */
export async function skuOrNull(db: Db, deps: PlanningDeps, id: string): Promise<PlanningSku | null> {
  try {
    return await deps.skuById(db, id);
  } catch (error) {
    if (isAppError(error) && error.kind === 'not_found') return null;
    throw error;
  }
}
