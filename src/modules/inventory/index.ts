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
export {
  type BinContent,
  type BinOccupancy,
  type BinOccupancyQuery,
  binOccupancy,
} from './bin-occupancy.query';
// Fresh goods and safety: expiry, cold chain, quality holds, incidents (events other modules consume).
export { seedDemoColdChain } from './coldchain.seed';
// Counts, kitting and slotting (warehouse module): book quantities and variance posting, consumption, velocity.
export { countVarianceMessages } from './count-variance.messages';
export {
  type BookLine,
  bookQuantities,
  type CountVarianceInput,
  type CountVarianceLine,
  type CountVarianceResult,
  postCountVariances,
} from './count-variance.service';
export { EXPIRE_STOCK_JOB, type ExpiryRunResult } from './expiry.jobs';
export { type ExpiryOutcome, quarantineExpired } from './expiry.service';
export { INCIDENT_POSTED } from './incident.service';
export type { InventoryDeps, LastCountFact, SkuFacts } from './inventory.deps';
export { ZONES_FOR_CLASS } from './inventory.deps';
export { inventoryMessages } from './inventory.messages';
export { createInventoryModule, inventoryMigrations, inventoryPermissions } from './inventory.module';
export { seedDemoWarehouses } from './inventory.seed';
export { type Consumed, type ConsumeInput, consumeReserved } from './kit-consume.service';
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
export { type LotRef, lotCodeKey, lotsByCodes, lotsByIds } from './lot-lookup.query';
export { type PickStats, pickStatsBySku } from './pick-stats.query';
export { QUALITY_HOLD_REVIEWED } from './quality-hold.service';
export {
  type LockedCandidates,
  type ManyLine,
  type OrderToReserve,
  type ReserveManyOptions,
  reservationLock,
  reserveMany,
} from './reservation.many';
export {
  type Allocation,
  type PickInput,
  pick,
  type ReserveLine,
  release,
  reserve,
  ship,
} from './reservation.service';
export { RESERVATION_LOST, type ReservationLostEvent } from './reservation-break.service';
// Customer returns back into stock after inspection (orders' returns and exchanges).
export {
  RETURN_SOURCE_TYPE,
  type ReturnDisposition,
  type ReturnReceiptInput,
  type ReturnReceiptLine,
  type ReturnReceiptResult,
  receiveReturn,
} from './return-receipt.service';
export {
  type AvailableStock,
  availableStock,
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
export {
  type ReadingInput,
  recordReadings,
  TEMPERATURE_EXCURSION,
  TEMPERATURE_EXCURSION_ENDED,
} from './temperature.service';
export { returnToVendor, type VendorReturnInput } from './vendor-return.service';
