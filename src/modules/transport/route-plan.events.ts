import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../platform/auth/principal';
import { streamPolled } from '../../platform/http/event-stream';
import { isFinished } from '../../platform/jobs';
import { getRoutePlanProgress, type RoutePlanProgress } from './route-plan.service';

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
  await streamPolled(request, reply, {
    first,
    reload: (plan) => getRoutePlanProgress(app.db, principal, plan.id, request.lang),
    payload: (plan) => plan,
    finished: (plan) => isFinished(plan.status),
    event: 'progress',
  });
}
