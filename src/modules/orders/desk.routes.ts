import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit';
import { inTransaction } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { serviceLevelsChanged } from './allocation.inputs';
import { blockCustomer, listBlocked, unblockCustomer } from './blocklist.service';
import { idParams, trackBody, trackReplySchema } from './order.schemas';
import { ordersDb } from './order.tables';
import { ordersDeps } from './orders.deps';
import { getSettings, settingsChanged, settingsSchema, updateSettings } from './orders.settings';
import { DEFAULT_TRANSIT_DAYS, RATE_TABLE, SERVICE_TYPES } from './shipping.rates';
import { trackOrder } from './tracking.service';

const tags = ['orders: desk'];

const blockedSchema = z.object({
  id: z.string(),
  phone: z.string(),
  phoneMasked: z.string(),
  merchantId: z.string().nullable(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});

const serviceLevelSchema = z.object({
  id: z.string(),
  warehouseId: z.string(),
  destProvinceCode: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  days: z.number().int(),
});

/** The order desk's settings, the service-level table, the blocklist and the public tracking lookup. */
export async function deskRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orders/settings',
    {
      config: { permission: 'orders.order.read' },
      schema: {
        tags,
        summary: 'Order desk settings, with the default rate and transit tables',
        response: {
          200: z.object({
            settings: settingsSchema,
            rates: z.record(
              z.string(),
              z.record(z.string(), z.object({ firstKgFen: z.number(), perKgFen: z.number() })),
            ),
            transitDays: z.record(z.string(), z.record(z.string(), z.number())),
          }),
        },
      },
    },
    async () => ({
      settings: await getSettings(app.db),
      rates: RATE_TABLE,
      transitDays: DEFAULT_TRANSIT_DAYS,
    }),
  );

  r.put(
    '/api/orders/settings',
    {
      config: { permission: 'orders.settings.write' },
      schema: {
        tags,
        summary: 'Change order desk settings',
        body: settingsSchema.partial(),
        response: { 200: settingsSchema },
      },
    },
    async (request) => {
      const after = await inTransaction(app.db, (trx) =>
        updateSettings(trx, request.body, request.actor, app.now()),
      );
      // Committed now: no reader may keep what it loaded while the transaction was open.
      settingsChanged();
      return after;
    },
  );

  r.get(
    '/api/orders/service-levels',
    {
      config: { permission: 'orders.order.read' },
      schema: {
        tags,
        summary: 'Promised transit days by origin warehouse × destination province × service',
        response: { 200: z.object({ items: z.array(serviceLevelSchema) }) },
      },
    },
    async () => ({
      items: (
        await ordersDb(app.db)
          .selectFrom('orders.service_level')
          .selectAll()
          .orderBy('warehouse_id')
          .orderBy('dest_province_code')
          .orderBy('service_type')
          .execute()
      ).map((s) => ({
        id: s.id,
        warehouseId: s.warehouse_id,
        destProvinceCode: s.dest_province_code,
        serviceType: s.service_type,
        days: s.days,
      })),
    }),
  );

  r.put(
    '/api/orders/service-levels',
    {
      config: { permission: 'orders.settings.write' },
      schema: {
        tags,
        summary: 'Set the promised transit days for one warehouse × destination province × service',
        body: z.strictObject({
          warehouseId: z.uuid(),
          destProvinceCode: z.string().regex(/^\d{2}$/),
          serviceType: z.enum(SERVICE_TYPES),
          days: z.number().int().min(0).max(60),
        }),
        response: { 200: serviceLevelSchema },
      },
    },
    async (request) => {
      const b = request.body;
      const warehouses = await ordersDeps().listWarehouses(app.db, null);
      if (!warehouses.some((w) => w.id === b.warehouseId)) throw notFound('warehouse', b.warehouseId);
      const saved = await inTransaction(app.db, async (trx) => {
        const row = await ordersDb(trx)
          .insertInto('orders.service_level')
          .values({
            id: newId(),
            warehouse_id: b.warehouseId,
            dest_province_code: b.destProvinceCode,
            service_type: b.serviceType,
            days: b.days,
            updated_at: app.now(),
          })
          .onConflict((oc) =>
            oc
              .columns(['warehouse_id', 'dest_province_code', 'service_type'])
              .doUpdateSet({ days: b.days, updated_at: app.now() }),
          )
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          request.actor,
          { action: 'update', entity: 'orders.service_level', entityId: row.id, after: b },
          app.now(),
        );
        return {
          id: row.id,
          warehouseId: row.warehouse_id,
          destProvinceCode: row.dest_province_code,
          serviceType: row.service_type,
          days: row.days,
        };
      });
      serviceLevelsChanged();
      return saved;
    },
  );

  r.get(
    '/api/orders/blocked-customers',
    {
      config: { permission: 'orders.blocklist.manage' },
      schema: {
        tags,
        summary: 'Blocked consignee phones',
        response: { 200: z.object({ items: z.array(blockedSchema) }) },
      },
    },
    async (request) => ({ items: await listBlocked(app.db, request.principal?.merchantId ?? null) }),
  );

  r.post(
    '/api/orders/blocked-customers',
    {
      config: { permission: 'orders.blocklist.manage' },
      schema: {
        tags,
        summary: 'Block a consignee phone (their orders go to the exception queue)',
        body: z.strictObject({
          phone: z.string().trim().min(3).max(40),
          merchantId: z
            .uuid()
            .nullable()
            .optional()
            .describe('Only for this merchant; leave out to block for all.'),
          reason: z.string().trim().min(2).max(300),
        }),
        response: { 201: blockedSchema },
      },
    },
    async (request, reply) => {
      const scope = request.principal?.merchantId ?? null;
      const merchantId = scope ?? request.body.merchantId ?? null;
      if (scope && request.body.merchantId && request.body.merchantId !== scope)
        throw new AppError('forbidden', 'orders.merchant_out_of_scope');
      if (merchantId && !scope && !(await ordersDeps().merchantExists(app.db, merchantId)))
        throw new AppError('unprocessable', 'orders.merchant_not_found', { merchant: merchantId });
      const row = await inTransaction(app.db, (trx) =>
        blockCustomer(
          trx,
          { phone: request.body.phone, merchantId, reason: request.body.reason },
          request.actor,
          app.now(),
        ),
      );
      return reply.code(201).send(row);
    },
  );

  r.delete(
    '/api/orders/blocked-customers/:id',
    {
      config: { permission: 'orders.blocklist.manage' },
      schema: {
        tags,
        summary: 'Remove a phone from the blocklist',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inTransaction(app.db, (trx) =>
        unblockCustomer(
          trx,
          request.params.id,
          request.principal?.merchantId ?? null,
          request.actor,
          app.now(),
        ),
      );
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/orders/track',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['tracking'],
        summary: 'Consumer tracking: order number + last four digits of the phone (rate-limited)',
        description:
          'Answers the journey only: stages with times, district, masked phone, promised date, carrier and waybill.',
        body: trackBody,
        response: { 200: trackReplySchema },
      },
    },
    async (request) => trackOrder(app.db, { ...request.body, ip: request.ip }, app.now()),
  );
}
