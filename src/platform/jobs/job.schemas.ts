import { z } from 'zod';
import { pageOf, pageQuery } from '../http/pagination';
import { type Lang, type MessageCatalogue, t } from '../i18n/i18n';
import { JOB_STATUSES, type Job } from './job.table';

export const jobErrorSchema = z.object({
  code: z.string().describe('Stable error code, e.g. `catalog.bad_header` or `job_failed`.'),
  message: z.string().describe('Human message in the request’s language.'),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.number().min(0).max(1),
  progressMessage: z.string().nullable(),
  result: z.unknown().describe('What the job produced (shape depends on `kind`); null until it succeeds.'),
  error: jobErrorSchema.nullable(),
  createdAt: z.string().describe('ISO-8601 UTC'),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  cancelRequested: z.boolean(),
});
export type JobJson = z.output<typeof jobSchema>;

export const jobPageSchema = pageOf(jobSchema);

export const jobIdParams = z.object({ id: z.uuid() });

export const listJobsQuery = z.object({
  ...pageQuery,
  kind: z.string().max(100).optional(),
  status: z.enum(JOB_STATUSES).optional(),
  scope: z
    .enum(['mine', 'all'])
    .default('mine')
    .describe('`all` lists everyone’s jobs and needs `platform.job.read_all`.'),
});

/** The API's view of a job; error messages are translated, operator-only detail (`cause`) is left out. */
export function toJobJson(job: Job, lang: Lang = 'zh-CN'): JobJson {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    progressMessage: job.progressMessage,
    result: job.result,
    error: job.error
      ? {
          code: job.error.code,
          message: t(lang, job.error.code, job.error.params ?? {}),
          ...(job.error.params ? { params: job.error.params } : {}),
        }
      : null,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    cancelRequested: job.cancelRequested,
  };
}

/** Messages for the job queue's own error codes (job_not_found etc. are in the platform catalogue). */
export const jobMessages: MessageCatalogue = {
  job_failed: {
    'zh-CN': '任务意外失败，请重试；如持续出现，请联系信息技术部。',
    en: 'The job failed unexpectedly. Retry; if it persists, contact IT.',
  },
  job_worker_lost: {
    'zh-CN': '执行任务的工作进程已停止响应，任务已终止。',
    en: 'The worker running this job stopped responding; the job was stopped.',
  },
  job_invalid_kind: { 'zh-CN': '任务类型无效：{kind}。', en: 'Invalid job kind: {kind}.' },
  job_schedule_invalid: {
    'zh-CN': '定时任务设置无效：{field} = {value}。',
    en: 'Invalid job schedule: {field} = {value}.',
  },
};
