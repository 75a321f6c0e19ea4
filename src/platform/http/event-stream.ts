import type { FastifyReply, FastifyRequest } from 'fastify';

/** How often a stream re-reads what it follows. */
const STREAM_POLL_MS = 500;
/** A comment line this often keeps proxies from closing a quiet stream. */
const STREAM_PING_MS = 15_000;

export interface PolledStream<T> {
  /** The state when the stream opens (visibility already checked by the caller). */
  first: T;
  /** Read the state again; null ends the stream (the thing is gone). */
  reload: (current: T) => Promise<T | null>;
  /** The JSON sent for a state. */
  payload: (state: T) => unknown;
  /** A finished state is sent (if new) and then once more as `event: end`, and the stream closes. */
  finished: (state: T) => boolean;
  /** Name of the change events (`event: <name>`). */
  event: string;
}

/**
 * Server-sent events that follow something stored (a job, a route plan) by polling it: an event each
 * time its JSON changes, a ping comment while it is quiet, `event: end` with the final state, then
 * the stream closes. Stops polling as soon as the client goes away.
 */
export async function streamPolled<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  stream: PolledStream<T>,
): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  let closed = false;
  const wake: { fn: (() => void) | null } = { fn: null };
  // The response's 'close' fires when the client goes away (the request's fires once its body is read).
  res.once('close', () => {
    closed = true;
    wake.fn?.();
  });
  const send = (event: string, data: unknown) => {
    if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  res.write('retry: 2000\n\n');
  let state = stream.first;
  let last = '';
  let quietMs = 0;
  try {
    while (!closed) {
      const json = stream.payload(state);
      const text = JSON.stringify(json);
      if (stream.finished(state)) {
        if (text !== last) send(stream.event, json);
        send('end', json);
        break;
      }
      if (text !== last) {
        send(stream.event, json);
        last = text;
        quietMs = 0;
      } else {
        quietMs += STREAM_POLL_MS;
        if (quietMs >= STREAM_PING_MS) {
          if (!closed) res.write(': ping\n\n');
          quietMs = 0;
        }
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, STREAM_POLL_MS);
        wake.fn = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (closed) break;
      const next = await stream.reload(state);
      if (next === null) break;
      state = next;
    }
  } catch (error) {
    request.log.error({ err: error }, `${stream.event} event stream failed`);
    send('error', { code: 'internal_error' });
  } finally {
    res.end();
  }
}
