import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { createSystem, type System } from '../../src/app/system';
import { loadConfig } from '../../src/platform/config/config';
import { type Database, openDatabase } from '../../src/platform/db';
import { withDatabase } from './global-setup';

export const DEMO_PASSWORD = 'Wayline2026';

export interface TestSystem extends System {
  login(username: string, password?: string): Promise<Agent>;
  anonymous(): Agent;
  bearer(token: string): Agent;
}

/** A fresh database copied from the run's template, and the whole system on top of it. */
export async function startTestSystem(
  options: { now?: () => Date; env?: Record<string, string>; webRoot?: string | null } = {},
): Promise<TestSystem> {
  const { database, drop } = await freshDatabase();
  const config = loadConfig({
    WAYLINE_DEMO: '1',
    WAYLINE_JOB_RUNNER: '1',
    WAYLINE_LOG_LEVEL: 'silent',
    ...options.env,
  });
  const system = await createSystem({
    config,
    logger: false,
    database,
    skipMigrate: true,
    webRoot: options.webRoot ?? null,
    now: options.now,
  });
  return {
    ...system,
    async close() {
      await system.close();
      await database.close();
      await drop();
    },
    async login(username, password = DEMO_PASSWORD) {
      const agent = new Agent(system);
      await agent.login(username, password);
      return agent;
    },
    anonymous: () => new Agent(system),
    bearer: (token) => new Agent(system, token),
  };
}

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (process.env.WAYLINE_TEST_DB === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const name = `wayline_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    await admin.end();
    const database = await openDatabase({
      kind: 'postgres',
      url: withDatabase(url, name),
      maxConnections: 10,
    });
    return {
      database,
      drop: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  const database = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([dump]) });
  return { database, drop: async () => {} };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

/** A client of the HTTP API through `app.inject` — a real HTTP round trip without a port. */
export class Agent {
  private cookies = new Map<string, string>();
  csrf: string | null = null;
  lang = 'zh-CN';

  constructor(
    private readonly system: System,
    private readonly token: string | null = null,
  ) {}

  async login(username: string, password: string) {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
    this.csrf = res.body.csrfToken;
    return res;
  }

  async request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { 'accept-language': this.lang, ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    if (this.token) h.authorization = `Bearer ${this.token}`;
    const isRaw = Buffer.isBuffer(body) || typeof body === 'string';
    if (body !== undefined && !isRaw) h['content-type'] ??= 'application/json';
    const res = await this.system.app.inject({
      method: method as 'GET',
      url,
      headers: h,
      payload: body === undefined ? undefined : isRaw ? (body as Buffer) : JSON.stringify(body),
    });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let parsed: unknown = res.body;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      // not JSON
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers, text: res.body };
  }

  get = <T = any>(url: string, headers?: Record<string, string>) =>
    this.request<T>('GET', url, undefined, headers);
  post = <T = any>(url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', url, body ?? {}, headers);
  patch = <T = any>(url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('PATCH', url, body ?? {}, headers);
  put = <T = any>(url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('PUT', url, body ?? {}, headers);
  delete = <T = any>(url: string, headers?: Record<string, string>) =>
    this.request<T>('DELETE', url, undefined, headers);
}
