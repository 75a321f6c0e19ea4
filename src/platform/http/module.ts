import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database';
import type { MigrationSet } from '../db/migrator';
import type { OutboxHandler } from '../events';
import type { MessageCatalogue } from '../i18n/i18n';

/** A permission a route can require. Codes look like `catalog.sku.write`. */
export interface PermissionDef {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Department code that normally holds it (for the permission matrix in the console). */
  group: string;
}

export interface ModuleContext {
  db: Db;
  now: () => Date;
}

/**
 * What every domain module gives the composition root. Modules never import each other's files,
 * only each other's `index.ts`.
 */
export interface WaylineModule {
  name: string;
  migrations: MigrationSet;
  permissions: PermissionDef[];
  messages: MessageCatalogue;
  /** Fastify plugin registering the module's routes under /api. */
  routes?: (app: FastifyInstance) => Promise<void>;
  /** Reactions to domain events (other modules' or its own), delivered at least once via the outbox. */
  eventHandlers?: OutboxHandler[];
  /** Seeds the demo company's share of data; must be idempotent (safe on every start). */
  seedDemo?: (db: Db, ctx: SeedContext) => Promise<void>;
}

export interface SeedContext {
  now: Date;
  log: (message: string) => void;
}
