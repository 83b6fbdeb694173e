import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow } from '../../platform/access/access-rule.ts';
import { actorOf, idParams } from '../../platform/http/route-helpers.ts';
import { answerSheetImport } from '../../platform/spreadsheets/sheet-upload.ts';
import { importSettlements, setOrderSettlement, settlementImportLimits } from './settlements.service.ts';
import { settlementImportResultSchema, settlementResultSchema, settlementSchema } from './supply.contract.ts';

// 结算: the service centre (and admins) record how each order was paid, by hand or from the bank /
// settlement system's file; within their data scope (an order of a store outside it: 404).
const settlers = allow('admin', 'service');

export const settlementRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  await app.register(fastifyMultipart, { limits: { fileSize: settlementImportLimits.fileBytes, files: 1 } });

  app.put(
    '/orders/:id/settlement',
    {
      config: { access: settlers },
      schema: {
        tags: ['supply'],
        summary: "Set an order's settlement / 登记结算",
        description:
          'Service centre and admin. status on_time | late | failed; lateDays (1–365) with late only, else 422. A cancelled order → 409 SETTLEMENT_ORDER_CANCELLED. Audited.',
        params: idParams,
        body: settlementSchema,
        response: { 200: settlementResultSchema },
      },
    },
    async (request) => setOrderSettlement(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/orders/settlements/import',
    {
      config: { access: settlers },
      schema: {
        tags: ['supply'],
        summary: 'Import settlements from .xlsx or .csv / 导入结算',
        description:
          'Service centre and admin. multipart/form-data with the field "file" (≤ 10 MB, ≤ 50,000 rows): columns 订单号, 结算状态 (按时 / 逾期 / 扣款失败), 逾期天数. All or nothing: an unknown or out-of-scope order, a cancelled one, one named twice or a bad cell → 422 SETTLEMENT_IMPORT_ROWS_INVALID with errors [{row, column, value, message}] and errorCount; nothing is written.',
        response: { 200: settlementImportResultSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return answerSheetImport(request, reply, {
        maxBytes: settlementImportLimits.fileBytes,
        rowsInvalid: 'SETTLEMENT_IMPORT_ROWS_INVALID',
        run: (upload, locale) => importSettlements(context, actor, { ...upload, locale }),
      });
    },
  );
};
