import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { receiveFile, sendFile } from '../../platform/files/file-transfer.ts';
import { checkImage, type ImageUploadRules } from '../../platform/files/image-upload.rules.ts';
import { actorOf, idParams } from '../../platform/http/route-helpers.ts';
import {
  applicationDecisionSchema,
  applicationInputSchema,
  applicationPageSchema,
  applicationQuery,
  applicationSchema,
  decidedApplicationSchema,
  duePageSchema,
  dueQuery,
  inspectionCreatedSchema,
  inspectionDetailSchema,
  inspectionInputSchema,
  inspectionPageSchema,
  inspectionQuery,
  mapQuery,
  mapSchema,
  photoSchema,
  portalApplicationInputSchema,
  portalTerminalSchema,
  storePageSchema,
  storesQuery,
  storeTerminalSchema,
  summarySchema,
  tierInputSchema,
  tierListSchema,
  tierSchema,
} from './terminals.contract.ts';
import {
  createTier,
  decideApplication,
  editTier,
  getApplicationView,
  getCustomerTerminal,
  getInspectionView,
  getPhoto,
  getPortalTerminal,
  getTierMap,
  getTierSummary,
  type InspectionInput,
  listApplicationViews,
  listInspectionViews,
  listReInspectionsDue,
  listTierStores,
  listTierViews,
  recordInspection,
  reviewApplication,
  submitApplication,
  submitPortalApplication,
  type TierInput,
  uploadPhoto,
} from './terminals.service.ts';

// 终端建设 — tiers. The marketing centre (and admins) edit the tiers and approve applications,
// city-wide; a store's manager (own stores) or branch staff review; managers and inspectors inspect
// (within scope); every staff role reads within its data scope; a retailer applies and sees its own
// status in the portal.
const centre = cityWide(allow('admin', 'marketing'));
const reviewers = allow('admin', 'marketing', 'manager');
const inspectors = allow('admin', 'manager', 'inspector');
const uploaders = allow('admin', 'marketing', 'manager', 'inspector');
const retailer = allow('retailer');
const tags = ['terminals'];

export const terminalPhotoRules: ImageUploadRules = {
  maxBytes: 5 * 1024 * 1024,
  missing: 'TERMINAL_PHOTO_MISSING',
  notImage: 'TERMINAL_PHOTO_INVALID',
};

export const terminalRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  await app.register(fastifyMultipart, { limits: { fileSize: terminalPhotoRules.maxBytes, files: 1 } });

  // ---- Tiers ----
  app.get(
    '/terminals/tiers',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Benchmark store tiers and their standards / 标杆店等级与标准',
        description:
          'Highest rank first. A city without tiers gets the four defaults (品牌形象店, 品牌精品店, 品牌示范店, 品牌体验店, scored on 五度) on first use.',
        response: { 200: tierListSchema },
      },
    },
    async (request) => listTierViews(context, actorOf(request)),
  );
  app.post(
    '/terminals/tiers',
    {
      config: { access: centre },
      schema: {
        tags,
        summary: 'Add a tier / 新增标杆店等级',
        description:
          'Items with distinct ids, each mandatory or scored, a pass mark the scored items can reach → else 400 TERMINAL_TIER_INVALID; a name in use → 409 TERMINAL_TIER_NAME_TAKEN.',
        body: tierInputSchema,
        response: { 201: tierSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTier(context, actorOf(request), request.body as TierInput)),
  );
  app.put(
    '/terminals/tiers/:id',
    {
      config: { access: centre },
      schema: {
        tags,
        summary: 'Edit a tier and its standard / 修改标杆店等级',
        description:
          'The whole tier; items keep their ids (past inspections keep the items as scored). → 400 TERMINAL_TIER_INVALID, 409 TERMINAL_TIER_NAME_TAKEN, 404 unknown tier.',
        params: idParams,
        body: tierInputSchema,
        response: { 200: tierSchema },
      },
    },
    async (request) => editTier(context, actorOf(request), request.params.id, request.body as TierInput),
  );

  // ---- Lists, map, counts ----
  app.get(
    '/terminals/stores',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Stores holding a tier / 标杆店名录',
        description: 'Within the caller’s scope; earliest re-inspection first. tier: a tier id.',
        querystring: storesQuery,
        response: { 200: storePageSchema },
      },
    },
    async (request) => listTierStores(context, actorOf(request), request.query),
  );
  app.get(
    '/terminals/re-inspections-due',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Re-inspections falling due / 待复查标杆店',
        description: 'Awarded stores whose re-inspection is due within withinDays (default 30), overdue ones included.',
        querystring: dueQuery,
        response: { 200: duePageSchema },
      },
    },
    async (request) => listReInspectionsDue(context, actorOf(request), request.query),
  );
  app.get(
    '/terminals/map',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Benchmark stores on the map / 标杆店分布',
        description: 'points: [customerId, longitude, latitude, tierId] for each awarded store with coordinates.',
        querystring: mapQuery,
        response: { 200: mapSchema },
      },
    },
    async (request) => getTierMap(context, actorOf(request), request.query),
  );
  app.get(
    '/terminals/summary',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Benchmark stores per branch and tier / 标杆店统计',
        response: { 200: summarySchema },
      },
    },
    async (request) => getTierSummary(context, actorOf(request)),
  );

  // ---- Photos ----
  app.post(
    '/terminals/photos',
    {
      config: { access: uploaders },
      schema: {
        tags,
        summary: 'Upload an inspection or application photo / 上传验收照片',
        description:
          'multipart/form-data, field "file": JPEG, PNG or WebP (checked by its bytes), ≤ 5 MB → else 400 TERMINAL_PHOTO_INVALID, 413 PHOTO_TOO_LARGE, 400 TERMINAL_PHOTO_MISSING. Cite its id in photoIds.',
        response: { 201: photoSchema },
      },
    },
    async (request, reply) => {
      const file = await receiveFile(request, terminalPhotoRules);
      const contentType = checkImage(file.bytes, terminalPhotoRules);
      return reply.code(201).send(await uploadPhoto(context, actorOf(request), { ...file, contentType }));
    },
  );
  app.get(
    '/terminals/photos/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'A tier photo',
        description: 'Own uploads, or cited by a store in scope.',
        params: idParams,
      },
    },
    async (request, reply) => sendFile(reply, await getPhoto(context, actorOf(request), request.params.id), 86_400),
  );

  // ---- Applications ----
  app.post(
    '/terminals/applications',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Apply for a tier for a store / 代店申报标杆店',
        description:
          'A store in the caller’s scope (else 404). → 409 TERMINAL_APPLICATION_OPEN (one at a time), 409 TERMINAL_TIER_HELD (holds it or a higher one), 409 TERMINAL_STORE_NOT_ACTIVE, 409 TERMINAL_TIER_INACTIVE, 400 TERMINAL_PHOTO_UNKNOWN (photos not uploaded by the caller).',
        body: applicationInputSchema,
        response: { 201: applicationSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await submitApplication(context, actorOf(request), request.body)),
  );
  app.get(
    '/terminals/applications',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Tier applications / 标杆店申报',
        querystring: applicationQuery,
        response: { 200: applicationPageSchema },
      },
    },
    async (request) => listApplicationViews(context, actorOf(request), request.query),
  );
  app.get(
    '/terminals/applications/:id',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'A tier application', params: idParams, response: { 200: applicationSchema } },
    },
    async (request) => getApplicationView(context, actorOf(request), request.params.id),
  );
  app.post(
    '/terminals/applications/:id/review',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Branch review of an application / 分公司审核申报',
        description:
          '{approve, note?}: submitted → reviewed (or rejected). Another state → 409 TERMINAL_APPLICATION_STATE; outside scope → 404.',
        params: idParams,
        body: applicationDecisionSchema,
        response: { 200: applicationSchema },
      },
    },
    async (request) => reviewApplication(context, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/terminals/applications/:id/approval',
    {
      config: { access: centre },
      schema: {
        tags,
        summary: 'Marketing centre approval / 营销中心审批申报',
        description:
          '{approve, note?}: reviewed → approved (or rejected). If an inspection already met the standard the tier is awarded now (awarded: true). Another state → 409 TERMINAL_APPLICATION_STATE.',
        params: idParams,
        body: applicationDecisionSchema,
        response: { 200: decidedApplicationSchema },
      },
    },
    async (request) => decideApplication(context, actorOf(request), request.params.id, request.body),
  );

  // ---- Inspections ----
  app.post(
    '/terminals/inspections',
    {
      config: { access: inspectors },
      schema: {
        tags,
        summary: 'Inspect a store against a tier / 标杆店验收、复查',
        description:
          'A result for every item of the tier, a score for each scored item, ≥ 3 photos uploaded by the inspector. Awarded only when every mandatory item passed and score ≥ passScore. The tier held: a re-inspection (renewed, or downgraded to the best lower tier the results meet, or removed, with the reason). Another tier: only on the store’s open application for it (awarded if approved, else pending_approval). → 400 TERMINAL_PHOTOS_REQUIRED, 400 TERMINAL_RESULT_MISSING, 400 TERMINAL_RESULT_UNKNOWN, 400 TERMINAL_RESULT_DUPLICATE, 400 TERMINAL_SCORE_INVALID, 400 TERMINAL_PHOTO_UNKNOWN, 409 TERMINAL_APPLICATION_REQUIRED, 409 TERMINAL_STORE_NOT_ACTIVE, 409 TERMINAL_TIER_INACTIVE; nothing is written.',
        body: inspectionInputSchema,
        response: { 201: inspectionCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordInspection(context, actorOf(request), request.body as InspectionInput)),
  );
  app.get(
    '/terminals/inspections',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Tier inspections / 验收记录',
        querystring: inspectionQuery,
        response: { 200: inspectionPageSchema },
      },
    },
    async (request) => listInspectionViews(context, actorOf(request), request.query),
  );
  app.get(
    '/terminals/inspections/:id',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'An inspection with its results',
        params: idParams,
        response: { 200: inspectionDetailSchema },
      },
    },
    async (request) => getInspectionView(context, actorOf(request), request.params.id),
  );

  // ---- A store's view ----
  app.get(
    '/customers/:id/terminal',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: "A store's tier, awards, applications and inspections / 客户360 标杆店",
        params: idParams,
        response: { 200: storeTerminalSchema },
      },
    },
    async (request) => getCustomerTerminal(context, actorOf(request), request.params.id),
  );

  // ---- Portal ----
  app.get(
    '/portal/terminal',
    {
      config: { access: retailer },
      schema: {
        tags,
        summary: "The store's tier status / 我的标杆店",
        description: 'The tier held, its next re-inspection, applications, inspections and the tiers to apply for.',
        response: { 200: portalTerminalSchema },
      },
    },
    async (request) => getPortalTerminal(context, actorOf(request)),
  );
  app.post(
    '/portal/terminals/photos',
    {
      config: { access: retailer },
      schema: {
        tags,
        summary: 'Upload an application photo / 上传申报照片',
        description:
          'multipart/form-data, field "file": JPEG, PNG or WebP, ≤ 5 MB → else 400 TERMINAL_PHOTO_INVALID, 413 PHOTO_TOO_LARGE. Cite its id in photoIds.',
        response: { 201: photoSchema },
      },
    },
    async (request, reply) => {
      const file = await receiveFile(request, terminalPhotoRules);
      const contentType = checkImage(file.bytes, terminalPhotoRules);
      return reply.code(201).send(await uploadPhoto(context, actorOf(request), { ...file, contentType }));
    },
  );
  app.get(
    '/portal/terminals/photos/:id',
    {
      config: { access: retailer },
      schema: { tags, summary: "A photo of the store's application", params: idParams },
    },
    async (request, reply) => sendFile(reply, await getPhoto(context, actorOf(request), request.params.id), 86_400),
  );
  app.post(
    '/portal/terminals/applications',
    {
      config: { access: retailer },
      schema: {
        tags,
        summary: 'Apply for a tier / 申报标杆店',
        description:
          '{tierId, note?, photoIds?} (photos uploaded with POST /portal/terminals/photos). → 409 TERMINAL_APPLICATION_OPEN, 409 TERMINAL_TIER_HELD, 409 TERMINAL_STORE_NOT_ACTIVE, 409 TERMINAL_TIER_INACTIVE, 400 TERMINAL_PHOTO_UNKNOWN.',
        body: portalApplicationInputSchema,
        response: { 201: applicationSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await submitPortalApplication(context, actorOf(request), request.body)),
  );
};
