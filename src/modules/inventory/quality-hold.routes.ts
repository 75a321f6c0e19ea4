import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../platform/db';
import { acknowledgeAlert, listAlerts } from './alert.service';
import {
  ackBody,
  alertPage,
  alertQuery,
  alertSchema,
  holdPage,
  holdQuery,
  holdSchema,
  idParams,
  placeHoldBody,
  reviewBody,
} from './coldchain.schemas';
import { placeHold } from './quality-hold.place';
import { getHold, listHolds, reviewHold } from './quality-hold.service';

const tags = ['inventory'];

/** Warehouse alerts (acknowledge) and quality holds (review and release). */
export async function qualityHoldRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({
    actor: request.actor,
    now: app.now(),
    principal: request.principal,
  });

  r.get(
    '/api/inventory/alerts',
    {
      config: { permission: 'inventory.coldchain.read' },
      schema: {
        tags,
        summary: 'Warehouse alerts (temperature excursions, expired stock quarantined), newest first',
        querystring: alertQuery,
        response: { 200: alertPage },
      },
    },
    async (request) => listAlerts(app.db, request.principal, request.query),
  );
  r.post(
    '/api/inventory/alerts/:id/acknowledge',
    {
      config: { permission: 'inventory.alert.ack' },
      schema: {
        tags,
        summary: 'Acknowledge an alert (once), with an optional note',
        params: idParams,
        body: ackBody,
        response: { 200: alertSchema },
      },
    },
    async (request) =>
      inTransaction(app.db, (trx) =>
        acknowledgeAlert(trx, request.params.id, request.body.note ?? null, ctx(request)),
      ),
  );
  r.get(
    '/api/inventory/quality-holds',
    {
      config: { permission: 'inventory.coldchain.read' },
      schema: {
        tags,
        summary: 'Quality holds (stock out of sale until reviewed), newest first',
        querystring: holdQuery,
        response: { 200: holdPage },
      },
    },
    async (request) => listHolds(app.db, request.principal, request.query),
  );
  r.post(
    '/api/inventory/quality-holds',
    {
      config: { permission: 'inventory.quality_hold.release' },
      schema: {
        tags,
        summary: 'Put stock on quality hold by hand (whole available stock at the places given)',
        description:
          'Writes `move` movements (available → quality_hold) under one hold document; reservations on the ' +
          'stock are broken and the orders told. Only the hold’s review takes the stock out of hold again: a ' +
          'manual move keeps the status.',
        body: placeHoldBody,
        response: { 201: holdSchema },
      },
    },
    async (request, reply) => {
      const hold = await inTransaction(app.db, (trx) => placeHold(trx, request.body, ctx(request)));
      return reply.code(201).send(hold);
    },
  );
  r.get(
    '/api/inventory/quality-holds/:id',
    {
      config: { permission: 'inventory.coldchain.read' },
      schema: {
        tags,
        summary: 'One quality hold with its lines',
        params: idParams,
        response: { 200: holdSchema },
      },
    },
    async (request) => getHold(app.db, request.principal, request.params.id),
  );
  r.post(
    '/api/inventory/quality-holds/:id/review',
    {
      config: { permission: 'inventory.quality_hold.release' },
      schema: {
        tags,
        summary: 'Quality review of a hold: per line, release to available, move to damaged, or scrap',
        description:
          'Writes `move` movements (quality_hold → available / damaged) and `scrap` movements in one ' +
          'transaction. Lines may be reviewed in parts; the hold closes when nothing is left on it. An expired ' +
          'lot cannot be released to available.',
        params: idParams,
        body: reviewBody,
        response: { 200: holdSchema },
      },
    },
    async (request) =>
      inTransaction(app.db, (trx) => reviewHold(trx, request.params.id, request.body, ctx(request))),
  );
}
