/**
 * Warehouse operations on top of the inventory ledger. Inbound: advance shipping notices, receipts
 * with per-line inspection, sign-off posting to the dock, putaway suggestions and scan-confirmed
 * putaway, returns to the vendor. Other modules, web/ and tests import only from here.
 */

// Counts (盘点), ABC classes and re-slotting (货位优化), kitting (延迟策略): abc.*, count.*, kit.*, slotting.*.
export { classifyAbc } from './abc.logic';
export { abcClassesOf, computeAbc, latestAbcRun } from './abc.service';
export { type AsnInput, type AsnView, createAsn, getAsn, listAsns } from './asn.service';
export { ASN_STATUSES, ASN_TRANSITIONS, type AsnStatus } from './asn.state';
export { inventoryAccuracy } from './count.accuracy';
export { createCount } from './count.generate';
export {
  createAdHocCount,
  createFullCount,
  dueBins,
  generateFromPlan,
  saveCountPlan,
} from './count.plan.service';
export { getCount, listCountLines, listCountTasks } from './count.query';
export { type LastCount, lastCounts } from './count.records';
export { approveCount, COUNT_SOURCE, cancelCount, postCount, requestRecount } from './count.review.service';
export { type CountRules, DEFAULT_COUNT_RULES, needsApproval, withinTolerance } from './count.rules';
export { seedDemoStockOps } from './count.seed';
export { COUNT_TRANSITIONS } from './count.state';
export { ABC_CLASSES, type AbcClass, COUNT_STATUSES, type CountStatus } from './count.tables';
export { type CountEntryInput, startCountTask, submitCountTask } from './count.task.service';
export { setSkuValues } from './count.value';
export { type DispatchQuery, type DispatchShipment, dispatchShipments } from './dispatch.query';

// Outbound: outbound documents from released orders, waves, pick lists, packing, labels, the gate.
export { type GateFacts, gateReasons } from './gate.rules';
export { seedDemoInbound } from './inbound.seed';
export {
  closeKitOrder,
  completeKitOrder,
  createKitOrder,
  KIT_SOURCE,
  startKitOrder,
} from './kit.order.service';
export { getKitOrder } from './kit.query';
export { createKit, getKit } from './kit.service';
export { KIT_ORDER_TRANSITIONS } from './kit.state';
export { KIT_ORDER_STATUSES } from './kit.tables';
export { type OrderFacts, type OutboundDeps, orderFactsFrom, orderFactsVia } from './outbound.deps';
export { outboundEventHandlers } from './outbound.handlers';
export { OUTBOUND_STATUSES, OUTBOUND_TRANSITIONS, type OutboundStatus } from './outbound.state';
export { listTasks, type TaskView } from './putaway.query';
export { confirmPutaway, type PutawayConfirmInput } from './putaway.service';
export { type SlotBin, type SlotItem, suggestPutaway } from './putaway.suggest';
export { type InspectionInput, inspectLine } from './receipt.inspection';
export { getReceipt, listReceipts, type ReceiptView } from './receipt.query';
export {
  addReceiptLine,
  arriveReceipt,
  cancelReceipt,
  createAdHocReceipt,
  createReceiptFromAsn,
  recordDocuments,
} from './receipt.service';
export { RECEIPT_SOURCE, signOffReceipt } from './receipt.signoff';
export { RECEIPT_ACTIONS, RECEIPT_STATUSES, RECEIPT_TRANSITIONS, type ReceiptStatus } from './receipt.state';
export { acceptReslot, reslotSuggestions, tripDistances } from './slotting.service';
export { suggestReslotting } from './slotting.suggest';
export { returnRejectedGoods } from './vendor-return.service';
export type { WhContext } from './warehouse.access';
export type { WarehouseDeps, WarehouseSku } from './warehouse.deps';
export { warehouseMessages } from './warehouse.messages';
export { createWarehouseModule, warehouseMigrations, warehousePermissions } from './warehouse.module';
export { REJECT_REASONS, type RejectReason } from './warehouse.tables';
export { proposeWaves } from './wave.proposal';
export { seedDemoWaves } from './wave.seed';
export { WAVE_STATUSES, WAVE_TRANSITIONS, type WaveStatus } from './wave.state';
export { CARRIERS, DEFAULT_CUTOFFS, nextCutoff } from './waybill.carriers';
export { type CarrierGateway, formatWaybill, isLocalWaybill, localCarrierGateway } from './waybill.gateway';
export { type LabelData, renderLabelsPdf } from './waybill.pdf';
