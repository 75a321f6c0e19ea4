import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import type { PermissionDef } from '../../platform/http/module';
import { AppError } from '../../platform/lib/errors';
import {
  createRoleBody,
  idParams,
  merchantBody,
  merchantSchema,
  okSchema,
  roleBody,
  roleSchema,
  tokenBody,
  tokenSchema,
} from './org.schemas';
import { createRole, listRoles, updateRole } from './role.service';
import {
  createMerchant,
  listBranches,
  listDepartments,
  listMerchants,
  merchantsChanged,
  updateMerchant,
} from './structure.service';
import { createToken, listTokens, revokeToken } from './token.service';

/** Roles and permissions, the organisation's structure, merchants and API tokens. */
export function adminRoutes(allPermissions: () => PermissionDef[]) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['org'];

    r.get(
      '/api/org/permissions',
      {
        config: { permission: 'org.role.read' },
        schema: {
          tags,
          summary: 'The permission catalogue',
          response: {
            200: z.array(
              z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), group: z.string() }),
            ),
          },
        },
      },
      async () => allPermissions(),
    );

    r.get(
      '/api/org/roles',
      {
        config: { permission: 'org.role.read' },
        schema: { tags, summary: 'Roles with their permissions', response: { 200: z.array(roleSchema) } },
      },
      async () => listRoles(app.db),
    );

    r.post(
      '/api/org/roles',
      {
        config: { permission: 'org.role.write' },
        schema: {
          tags,
          summary: 'Create a custom role',
          body: createRoleBody,
          response: { 201: roleSchema },
        },
      },
      async (request, reply) => {
        const { code, ...input } = request.body;
        const role = await inTransaction(app.db, (trx) =>
          createRole(trx, request.actor, code, input, app.permissionCodes, app.now()),
        );
        return reply.code(201).send(role);
      },
    );

    r.put(
      '/api/org/roles/:code',
      {
        config: { permission: 'org.role.write' },
        schema: {
          tags,
          summary: 'Rename a role and set its permissions',
          params: z.object({ code: z.string().max(60) }),
          body: roleBody,
          response: { 200: roleSchema },
        },
      },
      async (request) =>
        inTransaction(app.db, (trx) =>
          updateRole(trx, request.actor, request.params.code, request.body, app.permissionCodes, app.now()),
        ),
    );

    const named = z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() });
    r.get(
      '/api/org/departments',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: 'The six departments and their duties',
          response: {
            200: z.object({ items: z.array(named.extend({ dutiesZh: z.string(), dutiesEn: z.string() })) }),
          },
        },
      },
      async () => ({ items: await listDepartments(app.db) }),
    );
    r.get(
      '/api/org/branches',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: 'Headquarters and branches',
          response: {
            200: z.object({ items: z.array(named.extend({ city: z.string(), isHq: z.boolean() })) }),
          },
        },
      },
      async () => ({ items: await listBranches(app.db) }),
    );

    r.get(
      '/api/org/merchants',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: 'Merchant customers (a merchant user sees only their own)',
          response: { 200: z.object({ items: z.array(merchantSchema) }) },
        },
      },
      async (request) => ({
        items: await listMerchants(app.db, { merchantId: request.principal!.merchantId }),
      }),
    );
    r.post(
      '/api/org/merchants',
      {
        config: { permission: 'org.merchant.write' },
        schema: {
          tags,
          summary: 'Add a merchant customer',
          body: merchantBody,
          response: { 201: merchantSchema },
        },
      },
      async (request, reply) => {
        const merchant = await inTransaction(app.db, (trx) =>
          createMerchant(trx, request.actor, request.body, app.now()),
        );
        merchantsChanged();
        return reply.code(201).send(merchant);
      },
    );
    r.patch(
      '/api/org/merchants/:id',
      {
        config: { permission: 'org.merchant.write' },
        schema: {
          tags,
          summary: 'Change a merchant',
          params: idParams,
          body: merchantBody.omit({ code: true }).partial().strict(),
          response: { 200: merchantSchema },
        },
      },
      async (request) => {
        if (request.principal!.merchantId && request.principal!.merchantId !== request.params.id) {
          throw new AppError('not_found', 'not_found', { entity: 'merchant', id: request.params.id });
        }
        const merchant = await inTransaction(app.db, (trx) =>
          updateMerchant(trx, request.actor, request.params.id, request.body, app.now()),
        );
        // Committed now: no reader may keep a name it loaded while the transaction was open.
        merchantsChanged();
        return merchant;
      },
    );

    r.get(
      '/api/org/tokens',
      {
        config: { permission: 'org.token.manage' },
        schema: {
          tags,
          summary: 'My API tokens',
          response: { 200: z.object({ items: z.array(tokenSchema) }) },
        },
      },
      async (request) => ({ items: await listTokens(app.db, request.principal!.userId) }),
    );
    r.post(
      '/api/org/tokens',
      {
        config: { permission: 'org.token.manage' },
        schema: {
          tags,
          summary: 'Create an API token (the secret is returned once)',
          body: tokenBody,
          response: { 201: tokenSchema.extend({ token: z.string() }) },
        },
      },
      async (request, reply) => {
        const token = await inTransaction(app.db, (trx) =>
          createToken(trx, request.actor, request.principal!, request.body, app.now()),
        );
        return reply.code(201).send(token);
      },
    );
    r.delete(
      '/api/org/tokens/:id',
      {
        config: { permission: 'org.token.manage' },
        schema: { tags, summary: 'Revoke an API token', params: idParams, response: { 200: okSchema } },
      },
      async (request) => {
        await inTransaction(app.db, (trx) =>
          revokeToken(trx, request.actor, request.principal!.userId, request.params.id, app.now()),
        );
        return { ok: true as const };
      },
    );
  };
}
