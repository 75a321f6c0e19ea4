/**
 * Inventory: warehouses, zones, bins and the stock ledger (movements, balances, lots, reservations).
 * Other modules, web/ and tests import only from here. Every ledger function takes the caller's
 * transaction first and runs inside it.
 */
export { seedDemoBins } from './bin.seed';
export {
  type BinInput,
  type BinPattern,
  type BinView,
  binsByIds,
  createBins,
  dispatchBinOf,
  expandBinPattern,
  listBins,
} from './bin.service';
export type { InventoryDeps, SkuFacts } from './inventory.deps';
export { ZONES_FOR_CLASS } from './inventory.deps';
export { inventoryMessages } from './inventory.messages';
export { createInventoryModule, inventoryMigrations, inventoryPermissions } from './inventory.module';
export { seedDemoWarehouses } from './inventory.seed';
export {
  createWarehouse,
  listWarehouses,
  missingWarehouses,
  STORAGE_CLASSES,
  type StorageClass,
  type WarehouseInput,
  type WarehouseView,
  warehouseIdsByCode,
} from './location.service';
export {
  type Allocation,
  type PickInput,
  pick,
  type ReserveLine,
  release,
  reserve,
  ship,
} from './reservation.service';
export {
  listMovements,
  listStock,
  type MovementQuery,
  type MovementView,
  type StockQuery,
  type StockRow,
} from './stock.query';
export { DEMO_STOCK_SOURCE, seedDemoStock } from './stock.seed';
export {
  type AdjustInput,
  adjust,
  type MoveInput,
  move,
  type ReceiveInput,
  receive,
  receiveMany,
  type SourceRef,
  type StockContext,
} from './stock.service';
export {
  BIN_KINDS,
  type BinKind,
  MOVEMENT_TYPES,
  type MovementType,
  STOCK_STATUSES,
  type StockStatus,
} from './stock.tables';
export { auditStock, type StockAudit, type StockDiscrepancy } from './stock-audit.service';
