import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WhContext } from './warehouse.access';

/** The acting context of an HTTP request. */
export const whContext = (app: FastifyInstance, request: FastifyRequest): WhContext => ({
  actor: request.actor,
  now: app.now(),
  principal: request.principal,
});
