import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerMessages } from '../i18n/i18n';
import { AppError } from '../lib/errors';
import { jobIdParams, jobMessages, jobPageSchema, jobSchema, listJobsQuery, toJobJson } from './job.schemas';
import { getJob, listJobs, requestCancel } from './job.service';
import { isFinished, type Job } from './job.table';

export const READ_ALL_JOBS = 'platform.job.read_all';
const tags = ['jobs'];
/** How often the event stream re-reads the job row. */
const STREAM_POLL_MS = 500;
/** A comment line this often keeps proxies from closing a quiet stream. */
const STREAM_PING_MS = 15_000;

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
      let job = await visibleJob(app, request, request.params.id);
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
      // The response's 'close' fires when the client goes away (the request's fires once its body is read).
      res.once('close', () => {
        closed = true;
        wake.fn?.();
      });
      const send = (event: string, data: unknown) => {
        if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      res.write(`retry: 2000\n\n`);
      let last = '';
      let quietMs = 0;
      try {
        while (!closed) {
          const json = toJobJson(job, request.lang);
          const text = JSON.stringify(json);
          if (isFinished(job.status)) {
            if (text !== last) send('job', json);
            send('end', json);
            break;
          }
          if (text !== last) {
            send('job', json);
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
          const next = await getJob(app.db, job.id);
          if (!next) break;
          job = next;
        }
      } catch (error) {
        request.log.error({ err: error }, 'job event stream failed');
        send('error', { code: 'internal_error' });
      } finally {
        res.end();
      }
    },
  );
}
