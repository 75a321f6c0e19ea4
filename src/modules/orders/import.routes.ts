import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobSchema, toJobJson } from '../../platform/jobs';
import { AppError } from '../../platform/lib/errors';
import { ORDER_COLUMNS } from './order-import.columns';
import { headerOf } from './order-import.rows';
import { detectFormat, FILE_FORMATS, writeOrderSheet, XLSX_TYPE } from './order-sheet';
import { ordersDeps } from './orders.deps';
import { IMPORT_JOB, type ImportPayload } from './orders.jobs';

const tags = ['orders: import'];
const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** An example order in the template (two lines, so the one-row-per-line layout is clear). */
const EXAMPLE = [
  [
    'tmall',
    'TM20261125001',
    '张三',
    '13812345678',
    'zhangsan@example.com',
    '浙江省杭州市西湖区文三路90号',
    'AMB-RICE-5KG',
    '1',
    '59.90',
    '已付款',
    '',
    '标准',
    '',
    '',
    '请放门卫',
  ],
  ['tmall', 'TM20261125001', '', '', '', '', 'AMB-SOY', '2', '12.80', '', '', '', '', '', ''],
];
const TEMPLATE_COLUMNS = [
  'channel',
  'external_no',
  'consignee_name',
  'consignee_phone',
  'consignee_email',
  'address',
  'sku_code',
  'qty',
  'unit_price',
  'payment',
  'cod_amount',
  'service_type',
  'window_from',
  'window_to',
  'notes',
] as const;

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orders/import-template',
    {
      config: { permission: 'orders.order.import' },
      schema: {
        tags,
        summary: 'Order import template (one row per order line; headers in the request language)',
        querystring: z.object({ format: z.enum(FILE_FORMATS).default('csv') }),
      },
    },
    async (request, reply) => {
      const header = [
        ...(request.principal?.merchantId ? [] : (['merchant_code'] as const)),
        ...TEMPLATE_COLUMNS,
      ].map((k) => headerOf(k, request.lang));
      const rows = EXAMPLE.map((row) => (request.principal?.merchantId ? row : ['FRESH', ...row]));
      const body = await writeOrderSheet(request.query.format, header, rows);
      return reply
        .header('content-disposition', `attachment; filename="order-import-template.${request.query.format}"`)
        .type(request.query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .send(body);
    },
  );

  r.post(
    '/api/orders/imports',
    {
      config: { permission: 'orders.order.import' },
      schema: {
        tags,
        summary:
          'Import orders from a CSV or xlsx file (raw body); runs as a job with progress and a per-row report',
        description:
          `Columns (Chinese or English headers): ${ORDER_COLUMNS.map((c) => `${c.zh} / ${c.en}`).join('; ')}. ` +
          'One row per order line; rows with the same channel and channel order number are one order. Money in yuan. ' +
          '`mode=validate` only checks; `skipInvalid=true` imports the valid orders when some are invalid. Orders ' +
          'already taken in are recognised and left alone. Validated orders are then allocated by a follow-up job ' +
          '(its id is in the result as `allocationJobId`).',
        querystring: z.object({
          format: z.enum(FILE_FORMATS).optional(),
          mode: z.enum(['validate', 'commit']).default('validate'),
          skipInvalid: booleanQuery.default(false),
          merchantId: z.uuid().optional().describe('Merchant for rows without a merchant code (staff only).'),
        }),
        response: { 202: jobSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('bad_request', 'orders.import.unknown_format');
      if (body.length === 0) throw new AppError('bad_request', 'orders.import.empty_file');
      const scope = request.principal?.merchantId ?? null;
      const defaultMerchantId = scope ? null : (request.query.merchantId ?? null);
      if (defaultMerchantId && !(await ordersDeps().merchantExists(app.db, defaultMerchantId)))
        throw new AppError('unprocessable', 'orders.merchant_not_found', { merchant: defaultMerchantId });
      const payload: ImportPayload = {
        file: body.toString('base64'),
        format: detectFormat(body, request.query.format, request.headers['content-type']),
        mode: request.query.mode,
        skipInvalid: request.query.skipInvalid,
        merchantScope: scope,
        defaultMerchantId,
        lang: request.lang,
        actor: request.actor,
      };
      const job = await ordersDeps().enqueueJob(app.db, {
        kind: IMPORT_JOB,
        payload,
        createdBy: request.principal?.userId ?? null,
        merchantId: scope,
        now: app.now(),
      });
      reply.code(202);
      return toJobJson(job, request.lang);
    },
  );
}
