export {
  type DeliveryStatus,
  getDeliveries,
  type PendingEvent,
  type PublishOptions,
  pruneOutbox,
  publish,
  retryAbandonedDeliveries,
} from './outbox.service';
export type { DeliveredEvent, OutboxEvent } from './outbox.table';
export {
  createOutboxDispatcher,
  type DrainResult,
  type OutboxDispatcher,
  type OutboxDispatcherOptions,
  type OutboxHandler,
  type OutboxRetryPolicy,
} from './outbox-dispatcher';
