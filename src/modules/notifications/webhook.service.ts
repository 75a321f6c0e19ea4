import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor, Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { AppError, badRequest, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { type EndpointRecord, notifyDb, parseJson } from './notify.tables';
import { privateHostOf } from './webhook.guard';

export interface EndpointView {
  id: string;
  merchantId: string;
  url: string;
  events: string[];
  status: 'active' | 'disabled';
  consecutiveFailures: number;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export const endpointView = (r: EndpointRecord): EndpointView => ({
  id: r.id,
  merchantId: r.merchant_id,
  url: r.url,
  events: parseJson<string[]>(r.events),
  status: r.status,
  consecutiveFailures: r.consecutive_failures,
  disabledReason: r.disabled_reason,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** A merchant user acts for its own merchant only; staff name the merchant. */
export function merchantFor(principal: Principal, requested: string | null | undefined): string {
  if (principal.merchantId) {
    if (requested && requested !== principal.merchantId) throw new AppError('forbidden', 'forbidden');
    return principal.merchantId;
  }
  if (!requested)
    throw badRequest('validation_failed', {}, [
      { field: 'body.merchantId', code: 'required', message: 'required' },
    ]);
  return requested;
}

function checkUrl(url: string) {
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw badRequest('notifications.bad_url', { url }, [
      { field: 'body.url', code: 'bad_url', message: url },
    ]);
  const host = privateHostOf(u);
  if (host)
    throw badRequest('notifications.url_private', { host }, [
      { field: 'body.url', code: 'url_private', message: 'notifications.url_private', params: { host } },
    ]);
}

export async function listEndpoints(db: Db, principal: Principal, merchantId?: string) {
  let q = notifyDb(db).selectFrom('notifications.webhook_endpoint').selectAll().orderBy('created_at');
  const scope = principal.merchantId ?? merchantId;
  if (scope) q = q.where('merchant_id', '=', scope);
  return (await q.execute()).map(endpointView);
}

async function ownEndpoint(db: Db | Trx, principal: Principal, id: string) {
  const row = await notifyDb(db as Db)
    .selectFrom('notifications.webhook_endpoint')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  // Another merchant's endpoint does not exist for a merchant user.
  if (!row || (principal.merchantId && row.merchant_id !== principal.merchantId))
    throw notFound('webhook_endpoint', id);
  return row;
}

export async function createEndpoint(
  trx: Trx,
  principal: Principal,
  input: { merchantId?: string | null; url: string; events: string[] },
  actor: Actor,
  now: Date,
) {
  const merchantId = merchantFor(principal, input.merchantId);
  checkUrl(input.url);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const row = await notifyDb(trx)
    .insertInto('notifications.webhook_endpoint')
    .values({
      id: newId(),
      merchant_id: merchantId,
      url: input.url,
      secret,
      events: JSON.stringify(input.events),
      status: 'active',
      consecutive_failures: 0,
      disabled_reason: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    actor,
    {
      action: 'create',
      entity: 'notifications.webhook_endpoint',
      entityId: row.id,
      after: { url: row.url, events: input.events },
      merchantId,
    },
    now,
  );
  return { ...endpointView(row), secret };
}

export async function updateEndpoint(
  trx: Trx,
  principal: Principal,
  id: string,
  input: { url?: string; events?: string[]; status?: 'active' | 'disabled'; rotateSecret?: boolean },
  actor: Actor,
  now: Date,
) {
  const before = await ownEndpoint(trx, principal, id);
  if (input.url) checkUrl(input.url);
  const secret = input.rotateSecret ? `whsec_${randomBytes(24).toString('base64url')}` : undefined;
  const row = await notifyDb(trx)
    .updateTable('notifications.webhook_endpoint')
    .set({
      ...(input.url ? { url: input.url } : {}),
      ...(input.events ? { events: JSON.stringify(input.events) } : {}),
      ...(input.status
        ? { status: input.status, disabled_reason: input.status === 'disabled' ? 'by_user' : null }
        : {}),
      ...(input.status === 'active' ? { consecutive_failures: 0 } : {}),
      ...(secret ? { secret } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    actor,
    {
      action: 'update',
      entity: 'notifications.webhook_endpoint',
      entityId: id,
      before: endpointView(before),
      after: { ...endpointView(row), secretRotated: Boolean(secret) },
      merchantId: row.merchant_id,
    },
    now,
  );
  return { ...endpointView(row), secret: secret ?? null };
}

export async function deleteEndpoint(trx: Trx, principal: Principal, id: string, actor: Actor, now: Date) {
  const before = await ownEndpoint(trx, principal, id);
  await notifyDb(trx).deleteFrom('notifications.webhook_endpoint').where('id', '=', id).execute();
  await recordAudit(
    trx,
    actor,
    {
      action: 'delete',
      entity: 'notifications.webhook_endpoint',
      entityId: id,
      before: endpointView(before),
      merchantId: before.merchant_id,
    },
    now,
  );
}
