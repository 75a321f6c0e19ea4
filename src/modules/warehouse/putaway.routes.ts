import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../platform/db';
import { notFound } from '../../platform/lib/errors';
import { idParams } from './asn.schemas';
import { listScanErrors, listTasks, taskView } from './putaway.query';
import {
  alternativesSchema,
  confirmBody,
  confirmResult,
  scanErrorPage,
  scanErrorQuery,
  taskPage,
  taskQuery,
  taskSchema,
} from './putaway.schemas';
import { alternativeBins, confirmPutaway, recordScanError, WrongScan } from './putaway.service';
import { canSeeDoc } from './warehouse.access';
import { whContext } from './warehouse.http';
import { whDb } from './warehouse.tables';

const tags = ['warehouse'];

export async function putawayRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/warehouse/putaway-tasks',
    {
      config: { permission: 'warehouse.putaway' },
      schema: {
        tags,
        summary: 'Putaway tasks (上架任务) with the suggested bin, oldest first',
        querystring: taskQuery,
        response: { 200: taskPage },
      },
    },
    async (request) => listTasks(app.db, request.principal, request.query),
  );
  r.get(
    '/api/warehouse/putaway-tasks/:id',
    {
      config: { permission: 'warehouse.putaway' },
      schema: { tags, summary: 'One putaway task', params: idParams, response: { 200: taskSchema } },
    },
    async (request) => {
      const task = await taskView(app.db, request.params.id);
      const receipt = task
        ? await whDb(app.db)
            .selectFrom('warehouse.receipt')
            .select(['warehouse_id', 'merchant_id'])
            .where('id', '=', task.receiptId)
            .executeTakeFirst()
        : undefined;
      if (!task || !receipt || !canSeeDoc(request.principal, receipt))
        throw notFound('putaway_task', request.params.id);
      return task;
    },
  );
  r.get(
    '/api/warehouse/putaway-tasks/:id/alternatives',
    {
      config: { permission: 'warehouse.putaway' },
      schema: {
        tags,
        summary: 'Other bins with room for what the task still has to put away, best first',
        params: idParams,
        response: { 200: alternativesSchema },
      },
    },
    async (request) => ({
      items: await alternativeBins(app.db, request.principal, request.params.id),
    }),
  );
  r.post(
    '/api/warehouse/putaway-tasks/:id/confirm',
    {
      config: { permission: 'warehouse.putaway' },
      schema: {
        tags,
        summary:
          'Confirm a putaway by scanning the goods and the bin; a wrong scan is refused and counted, another valid bin needs acceptDifferentBin',
        params: idParams,
        body: confirmBody,
        response: { 200: confirmResult },
      },
    },
    async (request) => {
      const ctx = whContext(app, request);
      try {
        const result = await inTransaction(app.db, (trx) =>
          confirmPutaway(trx, request.params.id, request.body, ctx),
        );
        return { ...result, task: (await taskView(app.db, request.params.id))! };
      } catch (error) {
        if (error instanceof WrongScan)
          await inTransaction(app.db, (trx) => recordScanError(trx, error, ctx));
        throw error;
      }
    },
  );
  r.get(
    '/api/warehouse/scan-errors',
    {
      config: { permission: 'warehouse.putaway' },
      schema: {
        tags,
        summary: 'Refused scans (wrong bin, wrong goods), newest first, with their count',
        querystring: scanErrorQuery,
        response: { 200: scanErrorPage },
      },
    },
    async (request) => listScanErrors(app.db, request.principal, request.query),
  );
}
