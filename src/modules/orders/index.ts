/**
 * Orders (OMS): intake from channels and files, validation (信息校验) and the exception queue
 * (异常订单), allocation to warehouses (订单分配), the order lifecycle and the consumer tracking
 * lookup. Other modules, web/ and tests import only from here.
 *
 * Hand-off to the warehouse: an allocated order is released with `releaseToWarehouse`, which
 * publishes `orders.order_released` (payload `OrderReleasedEvent`: lines and the exact bins and
 * lots reserved). The warehouse reports back with `recordPick` / `pickAllocated`, `markPacked`,
 * `markShipped`, and `reallocateLost` for stock that is not there; transport with `markJourney`.
 * Each takes the caller's transaction.
 */
export {
  type AddressInput,
  type AddressParts,
  formatAddress,
  type ParsedAddress,
  parseAddress,
  partsOfDistrict,
} from './address.parse';
export { type CandidateView, type PlanInput, type PlanResult, planAllocation } from './allocation.plan';
export { type AllocationOutcome, allocateOrder } from './allocation.service';
export {
  type ConsigneeGeo,
  type ConsigneeLocation,
  consigneeGeoOf,
  consigneeLocation,
  type LocationPrecision,
} from './consignee-geo.query';
export { type CheckedPhone, checkPhone, maskPhone } from './contact.check';
export {
  type CancelOutcome,
  cancelOrder,
  markJourney,
  markPacked,
  markShipped,
  ORDER_SHIPPED,
  type OrderShippedEvent,
  type OrderShippedLine,
  type PickReport,
  pickAllocated,
  recordPick,
} from './fulfilment.service';
export { ordersMigrations } from './migrations';
export { type OrderContact, orderContact } from './order.contact';
export { type OrderDetail, orderDetail } from './order.detail';
export { type OrderInput, orderInput } from './order.input';
export { REASON_CODES, type ReasonCode } from './order.reasons';
export { ORDER_RELEASED, type OrderReleasedEvent, releaseToWarehouse } from './order.release';
export { seedDemoOrders } from './order.seed';
export { BEFORE_SHIPPING, canTransition, ORDER_TRANSITIONS } from './order.state';
export { ORDER_STATUSES, type OrderStatus } from './order.tables';
export { MAX_IMPORT_ROWS, type OrderImportResult, runOrderImport } from './order-import.service';
export { importOrderFile, type OrderImportFileOptions } from './order-import-file.service';
export type { OrdersDeps, SkuInfo, StockInfo, WarehouseInfo } from './orders.deps';
export { ALLOCATE_JOB, IMPORT_JOB, ordersJobHandlers, runAllocation } from './orders.jobs';
export { ordersMessages } from './orders.messages';
export { createOrdersModule, type OrdersModule, ordersPermissions } from './orders.module';
export { DEFAULT_SETTINGS, getSettings, type OrdersSettings } from './orders.settings';
export {
  type LostLine,
  ORDER_REALLOCATED,
  type OrderReallocatedEvent,
  type ReallocationOutcome,
  reallocateLost,
} from './reallocation.service';
// Returns and exchanges (R-OMS-5): return authorisations, receiving and inspection, refunds and replacements.
export type { ReturnReceipt, ReturnsDeps } from './returns.deps';
export { type ReturnDetail, returnDetail } from './returns.detail';
export { returnsPermissions } from './returns.permissions';
export { seedDemoReturns } from './returns.seed';
export { RETURN_EVENTS } from './returns.service';
export { DEFAULT_RETURN_SETTINGS, getReturnSettings, type ReturnSettings } from './returns.settings';
export { RETURN_TRANSITIONS } from './returns.state';
export {
  DISPOSITIONS,
  type Disposition,
  RETURN_REASONS,
  RETURN_STATUSES,
  type ReturnReason,
  type ReturnStatus,
} from './returns.tables';
export {
  DEFAULT_TRANSIT_DAYS,
  promisedDate,
  RATE_TABLE,
  SERVICE_TYPES,
  type ServiceType,
  shippingCostFen,
  zoneOf,
} from './shipping.rates';
export { PUBLIC_STAGES, trackOrder } from './tracking.service';
