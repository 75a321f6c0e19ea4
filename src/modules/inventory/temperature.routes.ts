import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { badRequest } from '../../platform/lib/errors';
import {
  excursionPage,
  excursionQuery,
  readingBatchBody,
  readingBody,
  recordOutcome,
  ruleBody,
  ruleParams,
  ruleSchema,
  zoneParams,
  zoneTemperatureQuery,
  zoneTemperatureSchema,
} from './coldchain.schemas';
import { listExcursions, listRules, zoneTemperature } from './temperature.query';
import { recordReadings, updateRule } from './temperature.service';

const tags = ['inventory'];
const HOUR_MS = 3_600_000;
/** The longest chart range. */
const MAX_RANGE_DAYS = 93;

export async function temperatureRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({
    actor: request.actor,
    now: app.now(),
    principal: request.principal,
  });

  r.post(
    '/api/inventory/temperature-readings',
    {
      config: { permission: 'inventory.coldchain.record' },
      schema: {
        tags,
        summary: 'Record one temperature reading (by hand, or a sensor with `deviceId`)',
        description:
          'A reading of a zone (or, for transport, a vehicle). With `deviceId` it counts as a sensor reading, ' +
          'otherwise as a manual one. The zone is evaluated at once: out of range for its storage class’s ' +
          'tolerance, or beyond the hard margin, opens an excursion — alert, quality hold of the zone’s stock and ' +
          'the event `inventory.temperature_excursion`.',
        body: readingBody,
        response: { 201: recordOutcome },
      },
    },
    async (request, reply) => {
      const source = request.body.deviceId ? 'sensor' : 'manual';
      const outcome = await inTransaction(app.db, (trx) =>
        recordReadings(trx, [request.body], source, ctx(request)),
      );
      return reply.code(201).send(outcome);
    },
  );
  r.post(
    '/api/inventory/temperature-readings/batch',
    {
      config: { permission: 'inventory.coldchain.record' },
      schema: {
        tags,
        summary: 'Record up to 1,000 sensor readings at once (all or none; resent readings are skipped)',
        body: readingBatchBody,
        response: { 201: recordOutcome },
      },
    },
    async (request, reply) => {
      const readings = request.body.readings;
      const outcome = await inTransaction(app.db, (trx) =>
        recordReadings(trx, readings, readings.every((x) => x.deviceId) ? 'sensor' : 'manual', ctx(request)),
      );
      return reply.code(201).send(outcome);
    },
  );
  r.get(
    '/api/inventory/zones/:id/temperature',
    {
      config: { permission: 'inventory.coldchain.read' },
      schema: {
        tags,
        summary:
          'A zone’s temperature over a time range, with its allowed band and excursions (for the chart)',
        params: zoneParams,
        querystring: zoneTemperatureQuery,
        response: { 200: zoneTemperatureSchema },
      },
    },
    async (request) => {
      const to = request.query.to ? new Date(request.query.to) : app.now();
      const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 72 * HOUR_MS);
      if (from >= to || to.getTime() - from.getTime() > MAX_RANGE_DAYS * 24 * HOUR_MS)
        throw badRequest('validation_failed', {}, [
          {
            field: 'querystring.from',
            code: 'inventory.temperature_range',
            message: 'inventory.temperature_range',
            params: { max: MAX_RANGE_DAYS },
          },
        ]);
      return zoneTemperature(app.db, request.principal, request.params.id, { from, to });
    },
  );
  r.get(
    '/api/inventory/temperature-excursions',
    {
      config: { permission: 'inventory.coldchain.read' },
      schema: {
        tags,
        summary: 'Temperature excursions, newest first',
        querystring: excursionQuery,
        response: { 200: excursionPage },
      },
    },
    async (request) => listExcursions(app.db, request.principal, request.query),
  );
  r.get(
    '/api/inventory/temperature-rules',
    {
      config: { permission: 'inventory.coldchain.read' },
      schema: {
        tags,
        summary: 'Excursion rules per storage class (tolerance in minutes, hard margin in tenths of °C)',
        response: { 200: z.object({ items: z.array(ruleSchema) }) },
      },
    },
    async () => ({ items: await listRules(app.db) }),
  );
  r.put(
    '/api/inventory/temperature-rules/:storageClass',
    {
      config: { permission: 'inventory.coldchain.manage' },
      schema: {
        tags,
        summary: 'Change a storage class’s excursion rule',
        params: ruleParams,
        body: ruleBody,
        response: { 200: ruleSchema },
      },
    },
    async (request) => {
      await inTransaction(app.db, (trx) =>
        updateRule(trx, request.params.storageClass, request.body, ctx(request)),
      );
      return (await listRules(app.db)).find((x) => x.storageClass === request.params.storageClass)!;
    },
  );
}
