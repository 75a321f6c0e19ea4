import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { computeAbc, listAbc, runView } from './abc.service';
import { idParams } from './asn.schemas';
import { binMap } from './slotting.binmap';
import { cancelMove, confirmMove, listMoveTasks } from './slotting.move';
import {
  abcComputeBody,
  abcPage,
  abcQuery,
  acceptBody,
  binMapQuery,
  binMapSchema,
  moveConfirmBody,
  moveTaskPage,
  moveTaskQuery,
  moveTaskSchema,
  reslotList,
  reslotQuery,
  runSchema,
} from './slotting.schemas';
import { acceptReslot, reslotSuggestions } from './slotting.service';
import { whContext } from './warehouse.http';

const tags = ['warehouse'];

export async function slottingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/warehouse/abc',
    {
      config: { permission: 'warehouse.slotting.read' },
      schema: {
        tags,
        summary: 'The current ABC classification of a warehouse (by pick lines or units), ranked',
        querystring: abcQuery,
        response: { 200: abcPage },
      },
    },
    async (request) => listAbc(app.db, request.principal, request.query),
  );
  r.post(
    '/api/warehouse/abc',
    {
      config: { permission: 'warehouse.slotting.manage' },
      schema: {
        tags,
        summary: 'Classify SKUs A/B/C from the pick movements of the last N days (default 90) and store it',
        body: abcComputeBody,
        response: { 201: runSchema },
      },
    },
    async (request, reply) => {
      const run = await inTransaction(app.db, (trx) =>
        computeAbc(trx, request.body, whContext(app, request)),
      );
      return reply.code(201).send(runView(run));
    },
  );
  r.get(
    '/api/warehouse/reslot-suggestions',
    {
      config: { permission: 'warehouse.slotting.read' },
      schema: {
        tags,
        summary:
          'Re-slot suggestions: A items next to dispatch, C items out of prime slots, with travel saved',
        querystring: reslotQuery,
        response: { 200: reslotList },
      },
    },
    async (request) => reslotSuggestions(app.db, request.principal, request.query),
  );
  r.post(
    '/api/warehouse/reslot-suggestions/accept',
    {
      config: { permission: 'warehouse.slotting.manage' },
      schema: {
        tags,
        summary: 'Accept a re-slot move: creates move tasks, done by scanning',
        body: acceptBody,
        response: { 201: z.object({ taskIds: z.array(z.uuid()) }) },
      },
    },
    async (request, reply) => {
      const taskIds = await inTransaction(app.db, (trx) =>
        acceptReslot(trx, request.body, whContext(app, request)),
      );
      return reply.code(201).send({ taskIds });
    },
  );
  r.get(
    '/api/warehouse/move-tasks',
    {
      config: { permission: 'warehouse.slotting.move' },
      schema: {
        tags,
        summary: 'Re-slot move tasks (open by default)',
        querystring: moveTaskQuery,
        response: { 200: moveTaskPage },
      },
    },
    async (request) => listMoveTasks(app.db, request.principal, request.query),
  );
  r.post(
    '/api/warehouse/move-tasks/:id/confirm',
    {
      config: { permission: 'warehouse.slotting.move' },
      schema: {
        tags,
        summary: 'Do a re-slot move by scanning the source bin, the goods and the target bin',
        params: idParams,
        body: moveConfirmBody,
        response: { 200: z.object({ movementId: z.number().int(), task: moveTaskSchema }) },
      },
    },
    async (request) =>
      inTransaction(app.db, (trx) =>
        confirmMove(trx, request.params.id, request.body, whContext(app, request)),
      ),
  );
  r.post(
    '/api/warehouse/move-tasks/:id/cancel',
    {
      config: { permission: 'warehouse.slotting.manage' },
      schema: {
        tags,
        summary: 'Cancel an open re-slot move task',
        params: idParams,
        response: { 200: moveTaskSchema },
      },
    },
    async (request) =>
      inTransaction(app.db, (trx) => cancelMove(trx, request.params.id, whContext(app, request))),
  );
  r.get(
    '/api/warehouse/bin-map',
    {
      config: { permission: 'warehouse.slotting.read' },
      schema: {
        tags,
        summary: 'Bins on the floor plan with fill (weight/volume used), ABC class and last count',
        querystring: binMapQuery,
        response: { 200: binMapSchema },
      },
    },
    async (request) => binMap(app.db, request.principal, request.query),
  );
}
