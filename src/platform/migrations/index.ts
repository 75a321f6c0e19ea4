import type { MigrationSet } from '../db/migrator';
import * as base from './2026_11_22_0001_platform_base';
import * as jobsOutbox from './2026_11_22_0002_jobs_outbox';
import * as jobSchedule from './2026_11_25_0001_job_schedule';
import * as answerStorage from './2026_12_15_0001_idempotency_answer_storage';

/** The platform's own tables (schema `platform`): audit log, idempotency keys, jobs, outbox, sequences. */
export const platformMigrations: MigrationSet = {
  '2026_11_22_0001_platform_base': base,
  '2026_11_22_0002_jobs_outbox': jobsOutbox,
  '2026_11_25_0001_job_schedule': jobSchedule,
  '2026_12_15_0001_idempotency_answer_storage': answerStorage,
};
