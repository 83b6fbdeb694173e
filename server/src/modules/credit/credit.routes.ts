import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { receiveFile, sendFile } from '../../platform/files/file-transfer.ts';
import { readFileWith } from '../../platform/files/files.repository.ts';
import { checkImage, type ImageUploadRules } from '../../platform/files/image-upload.rules.ts';
import { actorOf, attachment, idParams, xlsxContentType } from '../../platform/http/route-helpers.ts';
import { answerSheetImport } from '../../platform/spreadsheets/sheet-upload.ts';
import { downloadFor, streamDownload } from '../../platform/spreadsheets/sheet-writer.ts';
import {
  appealCreatedSchema,
  appealInputSchema,
  appealListSchema,
  appealPhotoParams,
  appealQuery,
  customerCreditSchema,
  decisionResultSchema,
  decisionSchema,
  distributionQuery,
  distributionSchema,
  modelInputSchema,
  modelListSchema,
  modelSchema,
  newRunSchema,
  photoSchema,
  portalCreditSchema,
  previewInputSchema,
  previewSchema,
  publishSchema,
  runListSchema,
  runSchema,
  runStorePageSchema,
  runStoresQuery,
  staffAppealPageSchema,
  staffAppealSchema,
  violationInputSchema,
  violationPageSchema,
  violationQuery,
  violationSchema,
  voidResultSchema,
  voidSchema,
} from './credit.contract.ts';
import type { CreditModelDefinition } from './credit.rules.ts';
import {
  appealPhotoFileId,
  approveModel,
  computeCreditRun,
  createModel,
  createViolation,
  decideAppealById,
  type FactCorrections,
  filePortalAppeal,
  getAppealView,
  getCustomerCredit,
  getDistribution,
  getModelView,
  getPortalCredit,
  getRunView,
  listAppealViews,
  listModelViews,
  listPortalAppeals,
  listRunStores,
  listRunViews,
  listViolationViews,
  previewModel,
  publishCreditRun,
  updateModelDraft,
  uploadAppealPhoto,
  voidViolationById,
} from './credit.service.ts';
import type { CreditFactSources } from './credit-facts.ts';
import { importViolations, prepareViolationTemplate, violationImportLimits } from './violation-import.ts';

// 信用. The marketing centre (and admins) edit models, run, review and publish — city-wide;
// inspectors (and admins) record violations and decide appeals; every staff role reads within its
// data scope (a manager: own stores); a retailer sees its own credit and files its appeal.
const centre = cityWide(allow('admin', 'marketing'));
const inspectors = allow('admin', 'inspector');
const retailer = allow('retailer');
const tags = ['credit'];

export const appealPhotoRules: ImageUploadRules = {
  maxBytes: 5 * 1024 * 1024,
  missing: 'CREDIT_PHOTO_MISSING',
  notImage: 'CREDIT_PHOTO_INVALID',
};

export type CreditRouteOptions = { context: AppContext; sources: CreditFactSources; corrections: FactCorrections };

export const creditRoutes: FastifyPluginAsyncZod<CreditRouteOptions> = async (
  app,
  { context, sources, corrections },
) => {
  await app.register(fastifyMultipart, { limits: { fileSize: violationImportLimits.fileBytes, files: 1 } });

  // ---- Models ----
  app.get(
    '/credit/models',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Credit model versions / 信用模型', response: { 200: modelListSchema } },
    },
    async (request) => listModelViews(context, actorOf(request)),
  );
  app.get(
    '/credit/models/:id',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'A credit model version', params: idParams, response: { 200: modelSchema } },
    },
    async (request) => getModelView(context, actorOf(request), request.params.id),
  );
  app.post(
    '/credit/models',
    {
      config: { access: centre },
      schema: {
        tags,
        summary: 'Save a model as a new draft version / 新建信用模型',
        description:
          'Bands ordered from the best level down without overlap (the last open below), rules known with points and their source kind → else 400 CREDIT_MODEL_INVALID naming the conflict.',
        body: modelInputSchema,
        response: { 201: modelSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createModel(
            context,
            actorOf(request),
            request.body as { name: string; definition: CreditModelDefinition },
          ),
        ),
  );
  app.put(
    '/credit/models/:id',
    {
      config: { access: centre },
      schema: {
        tags,
        summary: 'Edit a draft model / 修改草稿',
        description:
          'Only a draft; an approved or retired version → 409 CREDIT_MODEL_APPROVED (save a new version instead).',
        params: idParams,
        body: modelInputSchema,
        response: { 200: modelSchema },
      },
    },
    async (request) =>
      updateModelDraft(
        context,
        actorOf(request),
        request.params.id,
        request.body as { name: string; definition: CreditModelDefinition },
      ),
  );
  app.post(
    '/credit/models/:id/approve',
    {
      config: { access: centre },
      schema: {
        tags,
        summary: 'Approve a draft model / 审批模型',
        description: 'Locks the version and retires the one approved before. Twice → 409 CREDIT_MODEL_APPROVED.',
        params: idParams,
        response: { 200: modelSchema },
      },
    },
    async (request) => approveModel(context, actorOf(request), request.params.id),
  );
  app.post(
    '/credit/models/preview',
    {
      config: { access: centre },
      schema: {
        tags,
        summary: 'Preview the level distribution of a definition / 预览分布',
        description: 'Scores every active store on today’s facts without saving anything.',
        body: previewInputSchema,
        response: { 200: previewSchema },
      },
    },
    async (request) =>
      previewModel(context, actorOf(request), sources, request.body.definition as CreditModelDefinition),
  );

  // ---- Runs ----
  app.get(
    '/credit/runs',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Credit runs / 信用测评', response: { 200: runListSchema } },
    },
    async (request) => listRunViews(context, actorOf(request)),
  );
  app.post(
    '/credit/runs',
    {
      config: { access: centre },
      schema: {
        tags,
        summary: 'Run an approved model on every store for a month / 月度测评',
        description:
          'Scores every active store on the 12 months of facts up to the month’s last day, with its ledger, and the review against the last published run (per branch, movers, share alerts). While another run computes → 409 CREDIT_RUN_BUSY; a draft model → 409 CREDIT_MODEL_NOT_APPROVED.',
        body: newRunSchema,
        response: { 201: runSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await computeCreditRun(context, actorOf(request), sources, request.body)),
  );
  app.get(
    '/credit/runs/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'A run with its review summary / 测评结果',
        params: idParams,
        response: { 200: runSchema },
      },
    },
    async (request) => getRunView(context, actorOf(request), request.params.id),
  );
  app.get(
    '/credit/runs/:id/stores',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'A run’s stores in your scope / 测评明细',
        description: 'Lowest score first; moved=up|down against the run it was compared with.',
        params: idParams,
        querystring: runStoresQuery,
        response: { 200: runStorePageSchema },
      },
    },
    async (request) => listRunStores(context, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/credit/runs/:id/publish',
    {
      config: { access: centre },
      schema: {
        tags,
        summary: 'Publish a computed run from a date / 发布',
        description:
          'One update of the run: from effectiveFrom the levels are in force (allocation, complaints, service menu read them). Twice → 409 CREDIT_RUN_PUBLISHED; an older run than the latest → 409 CREDIT_RUN_NOT_LATEST; a date before the last published one → 400.',
        params: idParams,
        body: publishSchema,
        response: { 200: runSchema },
      },
    },
    async (request) => publishCreditRun(context, actorOf(request), request.params.id, request.body),
  );

  // ---- Levels ----
  app.get(
    '/credit/distribution',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Levels in force: counts and shares / 信用等级分布',
        description:
          'The published run in force today, your data scope; by=branch|class adds groups. Counts sum to total.',
        querystring: distributionQuery,
        response: { 200: distributionSchema },
      },
    },
    async (request) => getDistribution(context, actorOf(request), request.query),
  );
  app.get(
    '/customers/:id/credit',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'A store’s credit: level, ledger, history (360° view) / 客户信用',
        description: 'score = base + Σ items.points. No published run yet → level, score and base null.',
        params: idParams,
        response: { 200: customerCreditSchema },
      },
    },
    async (request) => getCustomerCredit(context, actorOf(request), request.params.id),
  );

  // ---- Violations ----
  app.get(
    '/credit/violations',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: '专卖 violation records / 违规记录',
        querystring: violationQuery,
        response: { 200: violationPageSchema },
      },
    },
    async (request) =>
      listViolationViews(context, actorOf(request), {
        ...request.query,
        includeVoided: request.query.includeVoided === 'true',
      }),
  );
  app.post(
    '/credit/violations',
    {
      config: { access: inspectors },
      schema: {
        tags,
        summary: 'Record a violation / 录入违规记录',
        description: 'Inspectors and admins, for a store in their scope (404 outside).',
        body: violationInputSchema,
        response: { 201: violationSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createViolation(context, actorOf(request), request.body)),
  );
  app.get(
    '/credit/violations/import/template',
    {
      config: { access: inspectors },
      schema: {
        tags,
        summary: 'Violation import template / 违规记录导入模板',
        description:
          'Inspectors and admins. An .xlsx with the header row the import reads (required in red), one sample row (licence 000000000000, which names no store: imported unchanged, the file is refused) and a 填写说明 sheet.',
      },
    },
    async (request, reply) => {
      const download = downloadFor(request, 'violation import template');
      const write = await prepareViolationTemplate(download);
      return attachment(reply, '违规记录导入模板.xlsx', xlsxContentType).send(streamDownload(write, download.onError));
    },
  );
  app.post(
    '/credit/violations/import',
    {
      config: { access: inspectors },
      schema: {
        tags,
        summary: 'Import violations from .xlsx or .csv / 导入违规记录',
        description:
          'Inspectors and admins. multipart/form-data, field "file" (≤ 5 MB, ≤ 5,000 rows), headers 许可证号, 违规日期, 违规类型 (违规进货/超范围经营/价格违法/假冒卷烟/其他), 严重程度 (一般/较重/严重), 文书编号, 备注. All or nothing: any row error (a store unknown or outside your scope, a bad value) → 422 CREDIT_IMPORT_ROWS_INVALID with errors [{row, column, value, message}] and errorCount; nothing is written.',
        response: { 200: z.object({ rows: z.number(), created: z.number() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return answerSheetImport(request, reply, {
        maxBytes: violationImportLimits.fileBytes,
        rowsInvalid: 'CREDIT_IMPORT_ROWS_INVALID',
        run: (upload, locale) => importViolations(context, actor, { ...upload, locale }),
      });
    },
  );
  app.post(
    '/credit/violations/:id/void',
    {
      config: { access: inspectors },
      schema: {
        tags,
        summary: 'Void a violation record / 作废',
        description:
          'With a reason. Under an open appeal → 409 CREDIT_ITEM_FROZEN (decide the appeal instead); twice → 409.',
        params: idParams,
        body: voidSchema,
        response: { 200: voidResultSchema },
      },
    },
    async (request) => voidViolationById(context, actorOf(request), request.params.id, request.body.reason),
  );

  // ---- Appeals (staff) ----
  app.get(
    '/credit/appeals',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Credit appeals / 信用申诉',
        querystring: appealQuery,
        response: { 200: staffAppealPageSchema },
      },
    },
    async (request) => listAppealViews(context, actorOf(request), request.query),
  );
  app.get(
    '/credit/appeals/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'An appeal with the disputed item',
        params: idParams,
        response: { 200: staffAppealSchema },
      },
    },
    async (request) => getAppealView(context, actorOf(request), request.params.id),
  );
  app.get(
    '/credit/appeals/:id/photos/:photoId',
    { config: { access: anyStaff }, schema: { tags, summary: 'An appeal photo', params: appealPhotoParams } },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await readFileWith(context.db, actor.tenantId, () =>
        appealPhotoFileId(context, actor, request.params.id, request.params.photoId),
      );
      return sendFile(reply, file, 3600);
    },
  );
  app.post(
    '/credit/appeals/:id/decision',
    {
      config: { access: inspectors },
      schema: {
        tags,
        summary: 'Decide an appeal / 申诉处理',
        description:
          'Inspectors and admins. accepted → the fact is corrected (violation voided, settlement set on time) or the item dropped, and the store re-scored in the run in force; rejected → with the note. Decided already → 409 CREDIT_APPEAL_DECIDED.',
        params: idParams,
        body: decisionSchema,
        response: { 200: decisionResultSchema },
      },
    },
    async (request) =>
      decideAppealById(context, actorOf(request), request.params.id, request.body, sources, corrections),
  );

  // ---- Portal ----
  app.get(
    '/portal/credit',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'My credit / 我的信用',
        description: 'Level, score = base + Σ items, indicators, history, the latest appeal and howToRaise.',
        response: { 200: portalCreditSchema },
      },
    },
    async (request) => getPortalCredit(context, actorOf(request)),
  );
  app.get(
    '/portal/credit/appeals',
    {
      config: { access: retailer },
      schema: { tags: ['portal'], summary: 'My appeals / 我的申诉', response: { 200: appealListSchema } },
    },
    async (request) => listPortalAppeals(context, actorOf(request)),
  );
  app.post(
    '/portal/credit/photos',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Upload an appeal photo / 上传申诉照片',
        description: 'multipart/form-data, field "file": JPEG, PNG or WebP, ≤ 5 MB. Cite its id in photoIds.',
        response: { 201: photoSchema },
      },
    },
    async (request, reply) => {
      const file = await receiveFile(request, appealPhotoRules);
      const contentType = checkImage(file.bytes, appealPhotoRules);
      return reply.code(201).send(await uploadAppealPhoto(context, actorOf(request), { ...file, contentType }));
    },
  );
  app.post(
    '/portal/credit/appeals',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Appeal my credit / 信用申诉',
        description:
          '{reason, itemKey?, photoIds?} → 201 {id, status:"open", dueOn} (15 working days). itemKey null: the level. One open at a time → 409 CREDIT_APPEAL_OPEN; the item is frozen until decided.',
        body: appealInputSchema,
        response: { 201: appealCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await filePortalAppeal(context, actorOf(request), request.body)),
  );
};
