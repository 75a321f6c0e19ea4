import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { streamPolled } from '../http/event-stream';
import { registerMessages } from '../i18n/i18n';
import { AppError } from '../lib/errors';
import { jobIdParams, jobMessages, jobPageSchema, jobSchema, listJobsQuery, toJobJson } from './job.schemas';
import { getJob, listJobs, requestCancel } from './job.service';
import { isFinished, type Job } from './job.table';

export const READ_ALL_JOBS = 'platform.job.read_all';
const tags = ['jobs'];

function callerOf(request: FastifyRequest) {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthenticated', 'unauthenticated');
  return principal;
}

/** The job, if the caller may see it: their own, or any with `platform.job.read_all`. Otherwise 404. */
async function visibleJob(app: FastifyInstance, request: FastifyRequest, id: string): Promise<Job> {
  const principal = callerOf(request);
  const job = await getJob(app.db, id);
  if (!job || (job.createdBy !== principal.userId && !principal.permissions.has(READ_ALL_JOBS))) {
    throw new AppError('not_found', 'job_not_found', { id });
  }
  return job;
}

/** Background jobs: list, inspect, cancel, and follow progress as server-sent events. */
export async function jobRoutes(app: FastifyInstance): Promise<void> {
  registerMessages(jobMessages);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/jobs',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'List background jobs (the caller’s own by default), newest first',
        querystring: listJobsQuery,
        response: { 200: jobPageSchema },
      },
    },
    async (request) => {
      const principal = callerOf(request);
      const { scope, limit, cursor, kind, status } = request.query;
      if (scope === 'all' && !principal.permissions.has(READ_ALL_JOBS)) {
        throw new AppError('forbidden', 'forbidden', { permission: READ_ALL_JOBS });
      }
      const page = await listJobs(app.db, {
        createdBy: scope === 'all' ? undefined : principal.userId,
        kind,
        status,
        limit,
        cursor,
      });
      return { items: page.items.map((job) => toJobJson(job, request.lang)), nextCursor: page.nextCursor };
    },
  );

  api.get(
    '/api/jobs/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Get a job: status, progress, result or error',
        params: jobIdParams,
        response: { 200: jobSchema },
      },
    },
    async (request) => toJobJson(await visibleJob(app, request, request.params.id), request.lang),
  );

  api.post(
    '/api/jobs/:id/cancel',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Cancel a job: a queued job stops at once, a running one at its next check',
        params: jobIdParams,
        response: { 200: jobSchema },
      },
    },
    async (request) => {
      await visibleJob(app, request, request.params.id);
      return toJobJson(await requestCancel(app.db, request.params.id, app.now()), request.lang);
    },
  );

  api.get(
    '/api/jobs/:id/events',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Follow a job as server-sent events until it finishes',
        description:
          'A `text/event-stream`: an `event: job` with the job (same shape as GET /api/jobs/{id}) each time ' +
          'it changes, then one `event: end` with its final state, after which the stream closes.',
        params: jobIdParams,
        response: { 200: z.string().describe('text/event-stream') },
      },
    },
    async (request, reply) => {
      const job = await visibleJob(app, request, request.params.id);
      await streamPolled(request, reply, {
        first: job,
        reload: (current) => getJob(app.db, current.id),
        payload: (current) => toJobJson(current, request.lang),
        finished: (current) => isFinished(current.status),
        event: 'job',
      });
    },
  );
}
