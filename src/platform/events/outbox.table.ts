/** Table types of the outbox (schema `platform`); rows are mapped to camelCase at the repo boundary. */
export interface OutboxTables {
  'platform.outbox_event': {
    id: string;
    topic: string;
    payload: unknown;
    created_at: Date;
    available_at: Date;
    fanned_out_at: Date | null;
  };
  'platform.outbox_subscription': {
    handler: string;
    topic: string;
    created_at: Date;
  };
  'platform.outbox_delivery': {
    event_id: string;
    handler: string;
    delivered_at: Date | null;
    attempts: number;
    last_error: string | null;
    next_attempt_at: Date;
    locked_by: string | null;
    locked_until: Date | null;
    gave_up_at: Date | null;
  };
}

/** An event as written by `publish`. */
export interface OutboxEvent<P = unknown> {
  id: string;
  topic: string;
  payload: P;
  createdAt: Date;
  /** Not delivered before this instant (delayed events, e.g. SLA timers). */
  availableAt: Date;
}

/** What a handler receives: the event plus which delivery attempt this is (1 for the first). */
export interface DeliveredEvent<P = unknown> extends OutboxEvent<P> {
  handler: string;
  attempt: number;
}

export interface OutboxEventRow {
  id: string;
  topic: string;
  payload: unknown;
  created_at: Date | string;
  available_at: Date | string;
}

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

export function toOutboxEvent(row: OutboxEventRow): OutboxEvent {
  return {
    id: row.id,
    topic: row.topic,
    payload: row.payload,
    createdAt: toDate(row.created_at),
    availableAt: toDate(row.available_at),
  };
}

/** Advisory lock serialising subscription changes against fan-out, so no new handler misses an event. */
export const SUBSCRIPTION_LOCK = 0x77_61_79_6c_6e_65; // 'wayline'
