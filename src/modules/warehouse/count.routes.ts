import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { idParams } from './asn.schemas';
import { inventoryAccuracy } from './count.accuracy';
import {
  createAdHocCount,
  createFullCount,
  generateFromPlan,
  getPlanRow,
  listCountPlans,
  planView,
  saveCountPlan,
} from './count.plan.service';
import {
  getCount,
  getCountTask,
  listCountLines,
  listCountRecords,
  listCounts,
  listCountTasks,
} from './count.query';
import { requestedBins } from './count.requests';
import { approveCount, cancelCount, postCount, requestRecount } from './count.review.service';
import {
  accuracyQuery,
  accuracySchema,
  approveBody,
  cancelBody,
  countCreateBody,
  countDetailSchema,
  countPage,
  countQuery,
  linePage,
  lineQuery,
  planBody,
  planSchema,
  recordList,
  recordQuery,
  recountBody,
  startBody,
  submitBody,
  submitResult,
  taskPage,
  taskQuery,
  taskSchema,
  valueList,
  valueQuery,
  valuesBody,
} from './count.schemas';
import { assertWarehouse } from './count.scope';
import { startCountTask, submitCountTask } from './count.task.service';
import { listSkuValues, setSkuValues } from './count.value';
import { whContext } from './warehouse.http';

const tags = ['warehouse'];

export async function countRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = (id: string) => getCount(app.db, null, id);

  // ── Plans ──
  r.get(
    '/api/warehouse/count-plans',
    {
      config: { permission: 'warehouse.count.read' },
      schema: {
        tags,
        summary: 'Cycle-count plans (by ABC class or zone)',
        querystring: z.object({ warehouseId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(planSchema) }) },
      },
    },
    async (request) => ({
      items: await listCountPlans(app.db, request.principal, request.query.warehouseId),
    }),
  );
  r.post(
    '/api/warehouse/count-plans',
    {
      config: { permission: 'warehouse.count.plan' },
      schema: { tags, summary: 'Create a cycle-count plan', body: planBody, response: { 201: planSchema } },
    },
    async (request, reply) => {
      const plan = await inTransaction(app.db, (trx) =>
        saveCountPlan(trx, null, request.body, whContext(app, request)),
      );
      return reply.code(201).send(planView(plan));
    },
  );
  r.put(
    '/api/warehouse/count-plans/:id',
    {
      config: { permission: 'warehouse.count.plan' },
      schema: {
        tags,
        summary: 'Change a cycle-count plan',
        params: idParams,
        body: planBody,
        response: { 200: planSchema },
      },
    },
    async (request) =>
      planView(
        await inTransaction(app.db, (trx) =>
          saveCountPlan(trx, request.params.id, request.body, whContext(app, request)),
        ),
      ),
  );
  r.post(
    '/api/warehouse/count-plans/:id/generate',
    {
      config: { permission: 'warehouse.count.plan' },
      schema: {
        tags,
        summary:
          'Generate the count the plan says is due now (bins of overdue SKUs or zones, requested bins first)',
        params: idParams,
        response: { 201: countDetailSchema },
      },
    },
    async (request, reply) => {
      const count = await inTransaction(app.db, (trx) =>
        generateFromPlan(trx, request.params.id, whContext(app, request)),
      );
      return reply.code(201).send(await detail(count.id));
    },
  );
  r.get(
    '/api/warehouse/count-plans/:id',
    {
      config: { permission: 'warehouse.count.read' },
      schema: { tags, summary: 'One cycle-count plan', params: idParams, response: { 200: planSchema } },
    },
    async (request) => planView(await getPlanRow(app.db, request.principal, request.params.id)),
  );

  // ── Counts (reviewers see book quantities and variances) ──
  r.get(
    '/api/warehouse/counts',
    {
      config: { permission: 'warehouse.count.read' },
      schema: {
        tags,
        summary: 'Counts (盘点单), newest first, with progress',
        querystring: countQuery,
        response: { 200: countPage },
      },
    },
    async (request) => listCounts(app.db, request.principal, request.query),
  );
  r.post(
    '/api/warehouse/counts',
    {
      config: { permission: 'warehouse.count.plan' },
      schema: {
        tags,
        summary: 'Start a full count (全盘, every bin) or an ad hoc count of bins',
        body: countCreateBody,
        response: { 201: countDetailSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const ctx = whContext(app, request);
      const count = await inTransaction(app.db, async (trx) => {
        if (body.kind === 'full') return createFullCount(trx, body, ctx);
        await assertWarehouse(trx, ctx.principal, body.warehouseId);
        const binIds = [
          ...(body.binIds ?? []),
          ...(body.fromRequests ? await requestedBins(trx, body.warehouseId) : []),
        ];
        if (!binIds.length)
          throw new AppError('bad_request', 'validation_failed', {}, [
            { field: 'body.binIds', code: 'warehouse.count_bins_required', message: 'bins' },
          ]);
        return createAdHocCount(trx, { ...body, binIds }, ctx);
      });
      return reply.code(201).send(await detail(count.id));
    },
  );
  r.get(
    '/api/warehouse/counts/:id',
    {
      config: { permission: 'warehouse.count.read' },
      schema: {
        tags,
        summary: 'One count with totals and history',
        params: idParams,
        response: { 200: countDetailSchema },
      },
    },
    async (request) => getCount(app.db, request.principal, request.params.id),
  );
  r.get(
    '/api/warehouse/counts/:id/lines',
    {
      config: { permission: 'warehouse.count.read' },
      schema: {
        tags,
        summary: "A count's lines: book at the count, counted, variance and its value",
        params: idParams,
        querystring: lineQuery,
        response: { 200: linePage },
      },
    },
    async (request) => listCountLines(app.db, request.principal, request.params.id, request.query),
  );
  const review = (
    path: string,
    permission: string,
    summary: string,
    body: z.ZodType,
    run: (
      trx: Parameters<Parameters<typeof inTransaction>[1]>[0],
      id: string,
      body: any,
      ctx: ReturnType<typeof whContext>,
    ) => Promise<unknown>,
  ) =>
    r.post(
      `/api/warehouse/counts/:id/${path}`,
      {
        config: { permission },
        schema: { tags, summary, params: idParams, body, response: { 200: countDetailSchema } },
      },
      async (request) => {
        await inTransaction(app.db, (trx) =>
          run(trx, request.params.id, request.body, whContext(app, request)),
        );
        return detail(request.params.id);
      },
    );
  review(
    'approve',
    'warehouse.count.approve',
    'Approve the variances of a submitted count (post: and post them)',
    approveBody,
    (trx, id, b, ctx) => approveCount(trx, id, b, ctx),
  );
  review(
    'recount',
    'warehouse.count.approve',
    'Send bins of a submitted count back for a blind recount',
    recountBody,
    (trx, id, b, ctx) => requestRecount(trx, id, b, ctx),
  );
  review(
    'post',
    'warehouse.count.plan',
    'Post an approved count: variances become count_variance movements',
    z.strictObject({}),
    (trx, id, _b, ctx) => postCount(trx, id, ctx),
  );
  review(
    'cancel',
    'warehouse.count.plan',
    'Cancel a count that is not posted',
    cancelBody,
    (trx, id, b, ctx) => cancelCount(trx, id, b.reason, ctx),
  );

  // ── Counting (blind: no book quantity is ever sent to the counter) ──
  r.get(
    '/api/warehouse/count-tasks',
    {
      config: { permission: 'warehouse.count.execute' },
      schema: {
        tags,
        summary: 'Count tasks to do (blind: the goods listed, never their quantities), in bin order',
        querystring: taskQuery,
        response: { 200: taskPage },
      },
    },
    async (request) => listCountTasks(app.db, request.principal, request.query),
  );
  r.get(
    '/api/warehouse/count-tasks/:id',
    {
      config: { permission: 'warehouse.count.execute' },
      schema: { tags, summary: 'One count task (blind)', params: idParams, response: { 200: taskSchema } },
    },
    async (request) => getCountTask(app.db, request.principal, request.params.id),
  );
  r.post(
    '/api/warehouse/count-tasks/:id/start',
    {
      config: { permission: 'warehouse.count.execute' },
      schema: {
        tags,
        summary: 'Scan the bin to start counting it',
        params: idParams,
        body: startBody,
        response: { 200: taskSchema },
      },
    },
    async (request) => {
      await inTransaction(app.db, (trx) =>
        startCountTask(trx, request.params.id, request.body.binBarcode, whContext(app, request)),
      );
      return getCountTask(app.db, request.principal, request.params.id);
    },
  );
  r.post(
    '/api/warehouse/count-tasks/:id/submit',
    {
      config: { permission: 'warehouse.count.execute' },
      schema: {
        tags,
        summary:
          'Submit the blind count of a bin (quantities found per SKU and lot); answers whether to recount',
        params: idParams,
        body: submitBody,
        response: { 200: submitResult },
      },
    },
    async (request) =>
      inTransaction(app.db, (trx) =>
        submitCountTask(trx, request.params.id, request.body, whContext(app, request)),
      ),
  );

  // ── Accuracy, last counts, declared values ──
  r.get(
    '/api/warehouse/count-accuracy',
    {
      config: { permission: 'warehouse.count.read' },
      schema: {
        tags,
        summary:
          'Inventory record accuracy (IRA): counted lines within tolerance, per warehouse, period and ABC class',
        querystring: accuracyQuery,
        response: { 200: accuracySchema },
      },
    },
    async (request) => inventoryAccuracy(app.db, request.principal, request.query, app.now()),
  );
  r.get(
    '/api/warehouse/count-records',
    {
      config: { permission: 'warehouse.count.read' },
      schema: {
        tags,
        summary: 'The last count of bins and SKUs (the card of 账卡物三一致)',
        querystring: recordQuery,
        response: { 200: recordList },
      },
    },
    async (request) => ({ items: await listCountRecords(app.db, request.principal, request.query) }),
  );
  r.get(
    '/api/warehouse/sku-values',
    {
      config: { permission: 'warehouse.count.read' },
      schema: {
        tags,
        summary: 'Declared unit values (fen) that value count variances',
        querystring: valueQuery,
        response: { 200: valueList },
      },
    },
    async (request) => ({ items: await listSkuValues(app.db, request.query) }),
  );
  r.put(
    '/api/warehouse/sku-values',
    {
      config: { permission: 'warehouse.count.plan' },
      schema: {
        tags,
        summary: 'Set declared unit values (fen per base unit) of SKUs',
        body: valuesBody,
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => ({
      updated: await inTransaction(app.db, (trx) =>
        setSkuValues(trx, request.body.values, whContext(app, request)),
      ),
    }),
  );
}
