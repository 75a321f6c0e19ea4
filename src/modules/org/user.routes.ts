import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { createUserBody, idParams, okSchema, patchUserBody, userSchema } from './org.schemas';
import {
  createUser,
  getUser,
  listUsers,
  type OrgDeps,
  resetPassword,
  unlockUser,
  updateUser,
} from './user.service';

export function userRoutes(deps: OrgDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['org'];

    r.get(
      '/api/org/users',
      {
        config: { permission: 'org.user.read' },
        schema: {
          tags,
          summary: 'List users',
          querystring: z.object({
            q: z.string().max(100).optional(),
            departmentId: z.uuid().optional(),
            branchId: z.uuid().optional(),
            active: z
              .enum(['true', 'false'])
              .transform((v) => v === 'true')
              .optional(),
            ...pageQuery,
          }),
          response: { 200: pageOf(userSchema) },
        },
      },
      async (request) => listUsers(app.db, request.query),
    );

    r.get(
      '/api/org/users/:id',
      {
        config: { permission: 'org.user.read' },
        schema: { tags, summary: 'One user', params: idParams, response: { 200: userSchema } },
      },
      async (request) => getUser(app.db, request.params.id),
    );

    r.post(
      '/api/org/users',
      {
        config: { permission: 'org.user.write' },
        schema: { tags, summary: 'Create a user', body: createUserBody, response: { 201: userSchema } },
      },
      async (request, reply) => {
        const user = await inTransaction(app.db, (trx) =>
          createUser(trx, deps, request.actor, request.body, app.now()),
        );
        return reply.code(201).send(user);
      },
    );

    r.patch(
      '/api/org/users/:id',
      {
        config: { permission: 'org.user.write' },
        schema: {
          tags,
          summary: 'Change a user (roles, warehouses, department, active …)',
          params: idParams,
          body: patchUserBody,
          response: { 200: userSchema },
        },
      },
      async (request) =>
        inTransaction(app.db, (trx) =>
          updateUser(trx, deps, request.actor, request.params.id, request.body, app.now()),
        ),
    );

    r.post(
      '/api/org/users/:id/reset-password',
      {
        config: { permission: 'org.user.write' },
        schema: {
          tags,
          summary: 'Set a new password (ends the user’s sessions; they must change it at next sign-in)',
          params: idParams,
          body: z.strictObject({ newPassword: z.string().min(1).max(200) }),
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await inTransaction(app.db, (trx) =>
          resetPassword(trx, request.actor, request.params.id, request.body.newPassword, app.now()),
        );
        return { ok: true as const };
      },
    );

    r.post(
      '/api/org/users/:id/unlock',
      {
        config: { permission: 'org.user.write' },
        schema: {
          tags,
          summary: 'Unlock an account locked by failed sign-ins',
          params: idParams,
          response: { 200: userSchema },
        },
      },
      async (request) =>
        inTransaction(app.db, (trx) => unlockUser(trx, request.actor, request.params.id, app.now())),
    );
  };
}
