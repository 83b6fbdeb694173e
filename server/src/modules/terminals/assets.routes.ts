import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff } from '../../platform/access/access-rule.ts';
import { receiveFile, sendFile } from '../../platform/files/file-transfer.ts';
import { actorOf, attachment, idParams, xlsxContentType } from '../../platform/http/route-helpers.ts';
import { answerSheetImport } from '../../platform/spreadsheets/sheet-upload.ts';
import { downloadFor, streamDownload } from '../../platform/spreadsheets/sheet-writer.ts';
import { assetImportLimits, importAssets, prepareAssetExport, prepareAssetTemplate } from './asset-sheets.ts';
import {
  assetDetailSchema,
  assetExportQuery,
  assetImportResultSchema,
  assetInputSchema,
  assetPageSchema,
  assetPhotoSchema,
  assetQuery,
  auditInputSchema,
  issueSchema,
  returnSchema,
  transferSchema,
  writeOffSchema,
} from './assets.contract.ts';
import {
  assetPhotoRules,
  auditAsset,
  getAsset,
  getAssetPhoto,
  issueAsset,
  listAssets,
  listStoreAssets,
  registerAsset,
  returnAsset,
  transferAsset,
  uploadAssetPhoto,
  writeOffAsset,
} from './assets.service.ts';

// 资产台账. The marketing centre and admins keep the register (register, import, issue, transfer,
// return, write off) — a branch-scoped one within its branch; managers, inspectors, marketing and
// admins audit the fixtures they see (a manager: at their own stores); every staff role reads
// within its data scope. A fixture or store outside the scope is not found (404).
const keepers = allow('admin', 'marketing');
const auditors = allow('admin', 'marketing', 'manager', 'inspector');
const tags = ['assets'];

export const assetRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  await app.register(fastifyMultipart, { limits: { fileSize: assetImportLimits.fileBytes, files: 1 } });

  app.get(
    '/assets',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'The fixture register / 资产台账',
        description:
          'Fixtures in your data scope. auditOverdue=true: at stores, next audit date passed (most overdue first); recovery=true: at stores that closed or were cancelled (待回收).',
        querystring: assetQuery,
        response: { 200: assetPageSchema },
      },
    },
    async (request) => listAssets(context, actorOf(request), request.query),
  );
  app.post(
    '/assets',
    {
      config: { access: keepers },
      schema: {
        tags,
        summary: 'Register a fixture / 资产登记',
        description:
          'Into your branch’s store room, or issued at once to customerId (a store in business in your scope). A tag taken → 409 ASSET_TAG_TAKEN; a store not in business → 409 ASSET_STORE_NOT_ACTIVE.',
        body: assetInputSchema,
        response: { 201: assetDetailSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await registerAsset(context, actorOf(request), request.body)),
  );
  app.get(
    '/assets/export',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Export the register / 导出资产台账',
        description: 'The list’s filters; format=xlsx (default) or csv. The first ten columns are the import’s.',
        querystring: assetExportQuery,
      },
    },
    async (request, reply) => {
      const { format: kind, ...filters } = request.query;
      const download = downloadFor(request, 'asset export');
      const write = await prepareAssetExport(context, actorOf(request), filters, kind, download);
      const stamp = context.now().toISOString().slice(0, 10).replaceAll('-', '');
      const type = kind === 'csv' ? 'text/csv; charset=utf-8' : xlsxContentType;
      return attachment(reply, `资产台账-${stamp}.${kind}`, type).send(streamDownload(write, download.onError));
    },
  );
  app.get(
    '/assets/import/template',
    {
      config: { access: keepers },
      schema: {
        tags,
        summary: 'Import template / 资产导入模板',
        description:
          'Admin and marketing. An .xlsx with the header row the import reads (required in red) and a 填写说明 sheet.',
      },
    },
    async (request, reply) => {
      const download = downloadFor(request, 'asset import template');
      const write = await prepareAssetTemplate(download);
      return attachment(reply, '资产导入模板.xlsx', xlsxContentType).send(streamDownload(write, download.onError));
    },
  );
  app.post(
    '/assets/import',
    {
      config: { access: keepers },
      schema: {
        tags,
        summary: 'Import fixtures from .xlsx or .csv / 导入资产',
        description:
          'multipart/form-data, field "file" (≤ 5 MB, ≤ 5,000 rows), headers 资产编号, 资产类型, 名称型号, 价值（元）, 使用客户许可证号, 领用日期, 状况, 上次盘点日期, 盘点周期（月）, 备注. All or nothing: any row error (a tag taken or repeated, a store unknown, closed or outside your scope, a bad value) → 422 ASSET_IMPORT_ROWS_INVALID with errors [{row, column, value, message}] and errorCount; nothing is written.',
        response: { 200: assetImportResultSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return answerSheetImport(request, reply, {
        maxBytes: assetImportLimits.fileBytes,
        rowsInvalid: 'ASSET_IMPORT_ROWS_INVALID',
        run: (upload, locale) => importAssets(context, actor, { ...upload, locale }),
      });
    },
  );
  app.post(
    '/assets/photos',
    {
      config: { access: auditors },
      schema: {
        tags,
        summary: 'Upload an audit photo / 上传盘点照片',
        description:
          'multipart/form-data, field "file": JPEG, PNG or WebP (by its bytes), ≤ 5 MB → 413 PHOTO_TOO_LARGE; not an image → 400 ASSET_PHOTO_INVALID. Cite its id as photoId in an audit.',
        response: { 201: assetPhotoSchema },
      },
    },
    async (request, reply) => {
      const photo = await receiveFile(request, assetPhotoRules);
      return reply.code(201).send(await uploadAssetPhoto(context, actorOf(request), photo));
    },
  );
  app.get(
    '/assets/photos/:id',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'An audit photo', params: idParams },
    },
    async (request, reply) =>
      sendFile(reply, await getAssetPhoto(context, actorOf(request), request.params.id), 86_400),
  );
  app.get(
    '/assets/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'A fixture with its history / 资产详情',
        params: idParams,
        response: { 200: assetDetailSchema },
      },
    },
    async (request) => getAsset(context, actorOf(request), request.params.id),
  );
  app.post(
    '/assets/:id/issue',
    {
      config: { access: keepers },
      schema: {
        tags,
        summary: 'Issue a fixture to a store / 发放',
        description:
          'From the store room to a store in business in your scope. Already at a store → 409 ASSET_ALREADY_ISSUED (one holder at a time); a store not in business → 409 ASSET_STORE_NOT_ACTIVE; written off → 409 ASSET_WRITTEN_OFF.',
        params: idParams,
        body: issueSchema,
        response: { 200: assetDetailSchema },
      },
    },
    async (request) => issueAsset(context, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/assets/:id/transfers',
    {
      config: { access: keepers },
      schema: {
        tags,
        summary: 'Move a fixture to another store / 调拨',
        description:
          '{toCustomerId} → 200 with the fixture. Not at a store → 409 ASSET_NOT_ISSUED; to a closed or cancelled store → 409 ASSET_STORE_NOT_ACTIVE; to the store holding it → 409 ASSET_SAME_STORE.',
        params: idParams,
        body: transferSchema,
        response: { 200: assetDetailSchema },
      },
    },
    async (request) => transferAsset(context, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/assets/:id/return',
    {
      config: { access: keepers },
      schema: {
        tags,
        summary: 'Take a fixture back into the store room / 收回',
        description: 'Not at a store → 409 ASSET_NOT_ISSUED.',
        params: idParams,
        body: returnSchema,
        response: { 200: assetDetailSchema },
      },
    },
    async (request) => returnAsset(context, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/assets/:id/write-off',
    {
      config: { access: keepers },
      schema: {
        tags,
        summary: 'Write a fixture off / 报废核销',
        description: 'With a reason; final. Twice → 409 ASSET_WRITTEN_OFF.',
        params: idParams,
        body: writeOffSchema,
        response: { 200: assetDetailSchema },
      },
    },
    async (request) => writeOffAsset(context, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/assets/:id/audits',
    {
      config: { access: auditors },
      schema: {
        tags,
        summary: 'Audit a fixture / 盘点',
        description:
          'Its condition, perhaps a photo (your own unused upload, else 400 ASSET_PHOTO_UNAVAILABLE) and the visit it was made on (a visit to the store holding it, else 400 ASSET_VISIT_MISMATCH). The next audit falls due an interval after today. Written off → 409 ASSET_WRITTEN_OFF.',
        params: idParams,
        body: auditInputSchema,
        response: { 200: assetDetailSchema },
      },
    },
    async (request) => auditAsset(context, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/customers/:id/assets',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'A store’s fixtures (360° view) / 客户资产',
        params: idParams,
        response: { 200: assetPageSchema },
      },
    },
    async (request) => listStoreAssets(context, actorOf(request), request.params.id),
  );
};
