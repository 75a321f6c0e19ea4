import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canAccessWarehouse } from '../../platform/auth/principal';
import { inTransaction } from '../../platform/db';
import { notFound } from '../../platform/lib/errors';
import { missingWarehouses } from './location.service';
import { pick, release, reserve, ship } from './reservation.service';
import { listMovements, listStock, scopeOf, toMovementView } from './stock.query';
import {
  adjustBody,
  allocationSchema,
  auditQuery,
  auditSchema,
  moveBody,
  movementPage,
  movementQuery,
  movementSchema,
  pickBody,
  receiveBody,
  releaseBody,
  reserveBody,
  shipBody,
  stockPage,
  stockQuery,
} from './stock.schemas';
import { adjust, move, receive, type StockContext } from './stock.service';
import { auditStock } from './stock-audit.service';

const tags = ['inventory'];

export async function stockRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest): StockContext => ({
    actor: request.actor,
    now: app.now(),
    principal: request.principal,
  });

  r.get(
    '/api/inventory/stock',
    {
      config: { permission: 'inventory.stock.read' },
      schema: {
        tags,
        summary: 'Stock by SKU × bin × lot × status (on hand, reserved, available)',
        querystring: stockQuery,
        response: { 200: stockPage },
      },
    },
    async (request) => listStock(app.db, request.principal, request.query),
  );
  r.get(
    '/api/inventory/movements',
    {
      config: { permission: 'inventory.stock.read' },
      schema: {
        tags,
        summary: 'The stock ledger, newest first',
        querystring: movementQuery,
        response: { 200: movementPage },
      },
    },
    async (request) => listMovements(app.db, request.principal, request.query),
  );
  r.post(
    '/api/inventory/receipts',
    {
      config: { permission: 'inventory.stock.write' },
      schema: {
        tags,
        summary: 'Receive goods into a bin (with their lot for lot-tracked SKUs)',
        body: receiveBody,
        response: { 201: movementSchema },
      },
    },
    async (request, reply) => {
      const m = await inTransaction(app.db, (trx) => receive(trx, request.body, ctx(request)));
      return reply.code(201).send(toMovementView(m));
    },
  );
  r.post(
    '/api/inventory/moves',
    {
      config: { permission: 'inventory.stock.write' },
      schema: {
        tags,
        summary: 'Move free stock between bins of a warehouse (it keeps its status)',
        body: moveBody,
        response: { 201: movementSchema },
      },
    },
    async (request, reply) => {
      const m = await inTransaction(app.db, (trx) => move(trx, request.body, ctx(request)));
      return reply.code(201).send(toMovementView(m));
    },
  );
  r.post(
    '/api/inventory/adjustments',
    {
      config: { permission: 'inventory.stock.adjust' },
      schema: {
        tags,
        summary: 'Adjust stock (found, lost, count variance, scrap) with a reason',
        body: adjustBody,
        response: { 201: movementSchema },
      },
    },
    async (request, reply) => {
      const m = await inTransaction(app.db, (trx) => adjust(trx, request.body, ctx(request)));
      return reply.code(201).send(toMovementView(m));
    },
  );
  r.post(
    '/api/inventory/reservations',
    {
      config: { permission: 'inventory.stock.write' },
      schema: {
        tags,
        summary: 'Reserve stock for an order, FEFO, all lines or none (for integrations and tests)',
        body: reserveBody,
        response: { 201: z.object({ orderRef: z.string(), allocations: z.array(allocationSchema) }) },
      },
    },
    async (request, reply) => {
      const warehouseIds = [...new Set(request.body.lines.map((l) => l.warehouseId))];
      const principal = request.principal!;
      const outside = warehouseIds.find((id) => !canAccessWarehouse(principal, id));
      if (outside) throw notFound('warehouse', outside);
      const [missing] = await missingWarehouses(app.db, warehouseIds);
      if (missing) throw notFound('warehouse', missing);
      const allocations = await inTransaction(app.db, (trx) => reserve(trx, request.body, ctx(request)));
      return reply.code(201).send({ orderRef: request.body.orderRef, allocations });
    },
  );
  r.post(
    '/api/inventory/reservations/release',
    {
      config: { permission: 'inventory.stock.write' },
      schema: {
        tags,
        summary: "Release an order's unpicked reservations (all, or the lines given)",
        body: releaseBody,
        response: { 200: z.object({ orderRef: z.string(), released: z.array(movementSchema) }) },
      },
    },
    async (request) => {
      const scope = scopeOf(request.principal);
      const released = await inTransaction(app.db, async (trx) => {
        const moved = await release(trx, request.body, ctx(request));
        // A scoped user may release only within their warehouses: anything else rolls back as not found.
        const outside = moved.find((m) => scope && !scope.includes(m.warehouse_id));
        if (outside) throw notFound('reservation', request.body.orderRef);
        return moved;
      });
      return { orderRef: request.body.orderRef, released: released.map(toMovementView) };
    },
  );
  r.post(
    '/api/inventory/picks',
    {
      config: { permission: 'inventory.stock.write' },
      schema: {
        tags,
        summary:
          "Pick reserved stock from its bin to the warehouse's dispatch point (stays reserved for the order)",
        body: pickBody,
        response: { 201: movementSchema },
      },
    },
    async (request, reply) => {
      const m = await inTransaction(app.db, (trx) => pick(trx, request.body, ctx(request)));
      return reply.code(201).send(toMovementView(m));
    },
  );
  r.post(
    '/api/inventory/shipments',
    {
      config: { permission: 'inventory.stock.write' },
      schema: {
        tags,
        summary: 'Ship everything picked for an order: it leaves the dispatch point and the books',
        body: shipBody,
        response: { 201: z.object({ orderRef: z.string(), shipped: z.array(movementSchema) }) },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request.principal);
      const shipped = await inTransaction(app.db, async (trx) => {
        const moved = await ship(trx, request.body, ctx(request));
        // A scoped user ships only within their warehouses: anything else rolls back as not found.
        if (moved.some((m) => scope && !scope.includes(m.warehouse_id)))
          throw notFound('reservation', request.body.orderRef);
        return moved;
      });
      return reply.code(201).send({ orderRef: request.body.orderRef, shipped: shipped.map(toMovementView) });
    },
  );
  r.get(
    '/api/inventory/audit',
    {
      config: { permission: 'inventory.stock.read' },
      schema: {
        tags,
        summary: 'Ledger = balances: rebuild balances from the movements and list every discrepancy',
        querystring: auditQuery,
        response: { 200: auditSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request.principal);
      const wanted = request.query.warehouseId;
      if (wanted && scope && !scope.includes(wanted)) throw notFound('warehouse', wanted);
      return auditStock(app.db, { warehouseIds: wanted ? [wanted] : scope, limit: 1000 });
    },
  );
}
