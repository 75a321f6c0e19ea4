import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { idParams } from './asn.schemas';
import { withScanCounting } from './outbound.scan';
import { listPickLists, pickListView, scanErrorReport } from './pick.query';
import { confirmPick, reportShort, verifyPickScan } from './pick.service';
import { whContext } from './warehouse.http';
import { listWaves, waveProposal, waveView } from './wave.query';
import {
  pickConfirmBody,
  pickConfirmResult,
  pickListDetailSchema,
  pickListList,
  pickListQuery,
  pickScanBody,
  pickShortBody,
  pickShortResult,
  proposalQuery,
  proposalSchema,
  scanErrorQuery,
  scanErrorReportSchema,
  taskParams,
  waveCancelBody,
  waveCloseBody,
  waveCreateBody,
  waveDetailSchema,
  wavePage,
  waveQuery,
} from './wave.schemas';
import { cancelWave, closeWave, createWave, releaseWave } from './wave.service';

const tags = ['warehouse-outbound'];
const READ = 'warehouse.wave.read';
const WRITE = 'warehouse.wave.write';
const PICK = 'warehouse.pick';

/** Waves (波次), their batch pick lists and scan-verified picking. */
export async function waveRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/warehouse/waves',
    {
      config: { permission: READ },
      schema: { tags, summary: 'Waves, newest first', querystring: waveQuery, response: { 200: wavePage } },
    },
    async (request) => listWaves(app.db, request.principal, request.query),
  );
  r.get(
    '/api/warehouse/waves/proposal',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Proposed waves for the released orders waiting in a warehouse',
        description:
          'Groups by carrier cut-off, temperature class and zones, the earliest truck first; nothing is written. ' +
          'Create a wave from a group with POST /api/warehouse/waves and its outboundIds.',
        querystring: proposalQuery,
        response: { 200: proposalSchema },
      },
    },
    async (request) => waveProposal(app.db, request.principal, request.query, app.now()),
  );
  r.get(
    '/api/warehouse/waves/:id',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'One wave with its orders, pick lists and history',
        params: idParams,
        response: { 200: waveDetailSchema },
      },
    },
    async (request) => waveView(app.db, request.principal, request.params.id),
  );
  r.post(
    '/api/warehouse/waves',
    {
      config: { permission: WRITE },
      schema: {
        tags,
        summary: 'Create a wave from released orders (a proposal group or any selection)',
        body: waveCreateBody,
        response: { 201: waveDetailSchema },
      },
    },
    async (request, reply) => {
      const wave = await inTransaction(app.db, (trx) =>
        createWave(trx, request.body, whContext(app, request)),
      );
      return reply.code(201).send(await waveView(app.db, request.principal, wave.id));
    },
  );
  const action = (
    path: 'release' | 'cancel' | 'close',
    summary: string,
    body: z.ZodType,
    run: (
      trx: Parameters<typeof releaseWave>[0],
      id: string,
      body: any,
      ctx: ReturnType<typeof whContext>,
    ) => Promise<unknown>,
  ) =>
    r.post(
      `/api/warehouse/waves/:id/${path}`,
      {
        config: { permission: WRITE },
        schema: { tags, summary, params: idParams, body, response: { 200: waveDetailSchema } },
      },
      async (request) => {
        await inTransaction(app.db, (trx) =>
          run(trx, request.params.id, request.body, whContext(app, request)),
        );
        return waveView(app.db, request.principal, request.params.id);
      },
    );
  action(
    'release',
    'Release a planned wave: batch pick lists per zone, sequenced along the pick path',
    z.strictObject({}),
    (trx, id, _b, ctx) => releaseWave(trx, id, ctx),
  );
  action(
    'cancel',
    'Cancel a wave before picking starts; its orders go back to the pool',
    waveCancelBody,
    (trx, id, b, ctx) => cancelWave(trx, id, b.reason, ctx),
  );
  action('close', 'Close a packed wave', waveCloseBody, (trx, id, b, ctx) =>
    closeWave(trx, id, b.note ?? null, ctx),
  );

  r.get(
    '/api/warehouse/pick-lists',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Pick lists (拣货单), newest first',
        querystring: pickListQuery,
        response: { 200: pickListList },
      },
    },
    async (request) => listPickLists(app.db, request.principal, request.query),
  );
  r.get(
    '/api/warehouse/pick-lists/:id',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'A pick list in walking order, with the route on the zone map',
        params: idParams,
        response: { 200: pickListDetailSchema },
      },
    },
    async (request) => pickListView(app.db, request.principal, request.params.id, request.lang),
  );
  r.post(
    '/api/warehouse/pick-lists/:id/tasks/:taskId/scan',
    {
      config: { permission: PICK },
      schema: {
        tags,
        summary:
          'Check one handheld scan step (bin, then goods, then lot) without picking; a wrong scan is refused and counted',
        params: taskParams,
        body: pickScanBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const ctx = whContext(app, request);
      await withScanCounting(app.db, ctx, (trx) =>
        verifyPickScan(trx, request.params.id, request.params.taskId, request.body, ctx),
      );
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/warehouse/pick-lists/:id/tasks/:taskId/confirm',
    {
      config: { permission: PICK },
      schema: {
        tags,
        summary: 'Confirm a pick by scanning bin, goods and lot and entering the quantity',
        description:
          'A wrong scan or a quantity above what the task needs is refused (409) and counted. The pick is reported to the order desk, which posts the pick movement from the reserved bin.',
        params: taskParams,
        body: pickConfirmBody,
        response: { 200: pickConfirmResult },
      },
    },
    async (request) => {
      const ctx = whContext(app, request);
      const result = await withScanCounting(app.db, ctx, (trx) =>
        confirmPick(trx, request.params.id, request.params.taskId, request.body, ctx),
      );
      return {
        ...result,
        pickList: await pickListView(app.db, request.principal, request.params.id, request.lang),
      };
    },
  );
  r.post(
    '/api/warehouse/pick-lists/:id/tasks/:taskId/short',
    {
      config: { permission: PICK },
      schema: {
        tags,
        summary:
          'Report a short pick: found units are picked, a count request is raised for the bin, the orders are re-allocated',
        params: taskParams,
        body: pickShortBody,
        response: { 200: pickShortResult },
      },
    },
    async (request) => {
      const ctx = whContext(app, request);
      const result = await withScanCounting(app.db, ctx, (trx) =>
        reportShort(trx, request.params.id, request.params.taskId, request.body, ctx),
      );
      return {
        ...result,
        pickList: await pickListView(app.db, request.principal, request.params.id, request.lang),
      };
    },
  );
  r.get(
    '/api/warehouse/outbound-scan-errors',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Refused scans at picking, packing and the gate, counted per person and per pick list',
        querystring: scanErrorQuery,
        response: { 200: scanErrorReportSchema },
      },
    },
    async (request) => scanErrorReport(app.db, request.principal, request.query),
  );
}
