export {
  type CpuPool,
  type CpuPoolOptions,
  type CpuTaskOptions,
  closeCpuPool,
  createCpuPool,
  runCpuTask,
} from './cpu-pool';
export { CPU_TASK_EXPORT, type CpuTaskContext, defineCpuTask } from './cpu-task';
export { type JobJson, jobMessages, jobSchema, toJobJson } from './job.schemas';
export {
  type EnqueueJobInput,
  enqueueJob,
  getJob,
  type ListJobsQuery,
  listJobs,
  requestCancel,
} from './job.service';
export { isFinished, JOB_STATUSES, type Job, type JobError, type JobStatus } from './job.table';
export {
  createJobRunner,
  JobAbortedError,
  type JobContext,
  type JobHandler,
  type JobRunner,
  type JobRunnerOptions,
} from './job-runner';
export { jobRoutes, READ_ALL_JOBS } from './jobs.routes';
export {
  type DailySchedule,
  dueDay,
  enqueueDueSchedules,
  listSchedules,
  localTimeOf,
  scheduleDaily,
} from './schedule.service';
