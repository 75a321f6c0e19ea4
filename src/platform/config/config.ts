import path from 'node:path';
import { z } from 'zod';

/**
 * All settings, parsed once from the environment into a typed object. A wrong value stops start-up
 * with a message naming the setting.
 */
const boolFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must look like postgres://user@host:5432/db')
    .optional(),
  WAYLINE_DATA_DIR: z.string().min(1).default('./.wayline'),
  WAYLINE_DEMO: boolFlag.default(true),
  WAYLINE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WAYLINE_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  WAYLINE_SECURE_COOKIES: boolFlag.default(false),
  WAYLINE_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  WAYLINE_JOB_RUNNER: boolFlag.default(true),
  WAYLINE_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  WAYLINE_LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  WAYLINE_TIME_ZONE: z.string().min(1).default('Asia/Shanghai'),
  WAYLINE_PUBLIC_URL: z.string().url().optional(),
  WAYLINE_WEBHOOK_ALLOW_PRIVATE: boolFlag.default(false),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  demo: boolean;
  logLevel: z.infer<typeof envSchema>['WAYLINE_LOG_LEVEL'];
  sessionHours: number;
  secureCookies: boolean;
  cpuWorkers: number;
  runJobs: boolean;
  login: { maxFailures: number; lockMinutes: number };
  timeZone: string;
  publicUrl: string | undefined;
  /** Webhooks may call private, loopback and link-local addresses (an on-premises receiver). */
  webhookAllowPrivate: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as "not set" so `PORT= npm start` behaves like no PORT at all.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join('.')}=${JSON.stringify(cleaned[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  const e = parsed.data;
  if (!isValidTimeZone(e.WAYLINE_TIME_ZONE)) {
    throw new ConfigError([
      `WAYLINE_TIME_ZONE=${JSON.stringify(e.WAYLINE_TIME_ZONE)}: not an IANA time zone`,
    ]);
  }
  const dataDir = path.resolve(e.WAYLINE_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') },
    dataDir,
    demo: e.WAYLINE_DEMO,
    logLevel: e.WAYLINE_LOG_LEVEL,
    sessionHours: e.WAYLINE_SESSION_HOURS,
    secureCookies: e.WAYLINE_SECURE_COOKIES,
    cpuWorkers: e.WAYLINE_WORKERS,
    runJobs: e.WAYLINE_JOB_RUNNER,
    login: { maxFailures: e.WAYLINE_LOGIN_MAX_FAILURES, lockMinutes: e.WAYLINE_LOGIN_LOCK_MINUTES },
    timeZone: e.WAYLINE_TIME_ZONE,
    publicUrl: e.WAYLINE_PUBLIC_URL,
    webhookAllowPrivate: e.WAYLINE_WEBHOOK_ALLOW_PRIVATE,
  };
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
