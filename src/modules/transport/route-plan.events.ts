import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../platform/auth/principal';
import { isFinished } from '../../platform/jobs';
import { getRoutePlanProgress, type RoutePlanProgress } from './route-plan.service';

/** How often the stream re-reads the plan. */
const STREAM_POLL_MS = 500;
/** A comment line this often keeps proxies from closing a quiet stream. */
const STREAM_PING_MS = 15_000;

/**
 * Server-sent events for one plan: `event: progress` whenever status, progress or the best-cost
 * series change (the same JSON as GET /api/route-plans/{id}/progress), then `event: end` with the
 * final state; the result itself is read with GET /api/route-plans/{id}.
 * Visibility was checked by the caller before the stream opened.
 */
export async function streamRoutePlan(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  principal: Principal,
  first: RoutePlanProgress,
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
  res.once('close', () => {
    closed = true;
    wake.fn?.();
  });
  const send = (event: string, data: unknown) => {
    if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  res.write('retry: 2000\n\n');
  let plan = first;
  let last = '';
  let quietMs = 0;
  try {
    while (!closed) {
      const payload = plan;
      const text = JSON.stringify(payload);
      if (isFinished(plan.status)) {
        if (text !== last) send('progress', payload);
        send('end', payload);
        break;
      }
      if (text !== last) {
        send('progress', payload);
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
      plan = await getRoutePlanProgress(app.db, principal, plan.id, request.lang);
    }
  } catch (error) {
    request.log.error({ err: error }, 'route plan event stream failed');
    send('error', { code: 'internal_error' });
  } finally {
    res.end();
  }
}
