import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anySignedIn, anyStaff, cityWide } from '../../platform/access/access-rule.ts';
import { receiveFile, sendFile } from '../../platform/files/file-transfer.ts';
import { actorOf, attachment, idParams } from '../../platform/http/route-helpers.ts';
import {
  contestInputSchema,
  contestListSchema,
  contestPhotoSchema,
  contestSchema,
  entryCreatedSchema,
  entryInputSchema,
  entryListSchema,
  entryParams,
  portalContestListSchema,
  portalEntryInputSchema,
  rankingSchema,
  scoreCreatedSchema,
  scoreInputSchema,
} from './contests.contract.ts';
import {
  contestPhotoRules,
  createContest,
  getContest,
  getContestPhoto,
  getRanking,
  listContests,
  listEntries,
  listPortalContests,
  publishContest,
  scoreEntry,
  submitPortalEntry,
  submitStaffEntry,
  uploadContestPhoto,
  writeBooklet,
} from './contests.service.ts';

// 陈列创意大赛. The marketing centre (and admins) organise contests and publish the results —
// city-wide; stores enter from the portal, or their managers (marketing, admins) for a store in
// their scope; the judges — staff named on the contest — score; the booklet is downloaded by staff
// and stores once published.
const organisers = cityWide(allow('admin', 'marketing'));
const enterers = allow('admin', 'marketing', 'manager');
const retailer = allow('retailer');
const tags = ['contests'];
const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const contestRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  await app.register(fastifyMultipart, { limits: { fileSize: contestPhotoRules.maxBytes, files: 1 } });

  app.get(
    '/contests',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'Display contests / 陈列创意大赛', response: { 200: contestListSchema } },
    },
    async (request) => listContests(context, actorOf(request)),
  );
  app.post(
    '/contests',
    {
      config: { access: organisers },
      schema: {
        tags,
        summary: 'Organise a contest / 新建大赛',
        description:
          'Period, entry deadline (startsOn ≤ entryDeadline ≤ endsOn), rules, weighted criteria and judges (active staff) → else 400 CONTEST_INVALID or 400 CONTEST_JUDGE_UNKNOWN.',
        body: contestInputSchema,
        response: { 201: contestSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createContest(context, actorOf(request), request.body)),
  );
  app.post(
    '/contests/photos',
    {
      config: { access: enterers },
      schema: {
        tags,
        summary: 'Upload an entry photo / 上传参赛照片',
        description:
          'multipart/form-data, field "file": JPEG or PNG (by its bytes; the booklet embeds them), ≤ 5 MB → else 413 PHOTO_TOO_LARGE or 400 CONTEST_PHOTO_INVALID. Cite its id in photoIds.',
        response: { 201: contestPhotoSchema },
      },
    },
    async (request, reply) => {
      const photo = await receiveFile(request, contestPhotoRules);
      return reply.code(201).send(await uploadContestPhoto(context, actorOf(request), photo));
    },
  );
  app.get(
    '/contests/photos/:id',
    {
      config: { access: anySignedIn },
      schema: {
        tags,
        summary: 'An entry photo',
        description: 'Staff: any entry’s; a store: its own, and a published contest’s winners’.',
        params: idParams,
      },
    },
    async (request, reply) =>
      sendFile(reply, await getContestPhoto(context, actorOf(request), request.params.id), 86_400),
  );
  app.get(
    '/contests/:id',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'A contest', params: idParams, response: { 200: contestSchema } },
    },
    async (request) => getContest(context, actorOf(request), request.params.id),
  );
  app.get(
    '/contests/:id/entries',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'A contest’s entries / 参赛作品',
        description:
          'A judge: every entry, with only their own scores (myScore) — never another judge’s. Other staff: the entries of stores in their data scope.',
        params: idParams,
        response: { 200: entryListSchema },
      },
    },
    async (request) => listEntries(context, actorOf(request), request.params.id),
  );
  app.post(
    '/contests/:id/entries',
    {
      config: { access: enterers },
      schema: {
        tags,
        summary: 'Enter a store / 代客户投稿',
        description:
          'For a store in your scope (404 outside), one entry a store (409 CONTEST_ENTRY_EXISTS), until the entry deadline (409 CONTEST_ENTRY_CLOSED); photos your own unused uploads (400 CONTEST_PHOTO_UNAVAILABLE).',
        params: idParams,
        body: entryInputSchema,
        response: { 201: entryCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await submitStaffEntry(context, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/contests/:id/entries/:entryId/scores',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Score an entry / 评分',
        description:
          'A judge of the contest (else 403 CONTEST_NOT_JUDGE), not their own branch’s entry (403 CONTEST_OWN_BRANCH), once (409 CONTEST_ALREADY_SCORED), before publication (409 CONTEST_PUBLISHED); every criterion from 0 to its maximum in steps of 0.5 (400 CONTEST_SCORE_INVALID). total = Σ weight·score/max·100 / Σ weight.',
        params: entryParams,
        body: scoreInputSchema,
        response: { 201: scoreCreatedSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await scoreEntry(context, actorOf(request), request.params.id, request.params.entryId, request.body)),
  );
  app.get(
    '/contests/:id/ranking',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'The ranking from the stored scores / 排名',
        description:
          'Mean of the judges with the documented tie-break (tieBreak), recomputed from the scores each time. Before publication only organisers who do not judge it (else 403 CONTEST_RANKING_HIDDEN).',
        params: idParams,
        response: { 200: rankingSchema },
      },
    },
    async (request) => getRanking(context, actorOf(request), request.params.id),
  );
  app.post(
    '/contests/:id/publish',
    {
      config: { access: organisers },
      schema: {
        tags,
        summary: 'Publish the winners / 发布结果',
        description:
          'After the entry deadline (409 CONTEST_ENTRIES_OPEN) with every entry scored (409 CONTEST_NOT_SCORED); once (409 CONTEST_PUBLISHED). The ranking is kept as published.',
        params: idParams,
        response: { 200: rankingSchema },
      },
    },
    async (request) => publishContest(context, actorOf(request), request.params.id),
  );
  app.get(
    '/contests/:id/booklet',
    {
      config: { access: anySignedIn },
      schema: {
        tags,
        summary: 'The winners’ booklet (.docx) / 获奖作品集',
        description:
          'Staff and stores (the portal links it). The winners’ photos, store names and the judges’ comments. Not yet published → 409 CONTEST_NOT_PUBLISHED.',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await writeBooklet(context, actorOf(request), request.params.id);
      return attachment(reply, file.fileName, docxContentType).send(file.document);
    },
  );

  // ---- Portal ----
  app.get(
    '/portal/contests',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Contests / 陈列大赛',
        description: 'Open and published contests, my entry, the winners and the booklet’s link.',
        response: { 200: portalContestListSchema },
      },
    },
    async (request) => listPortalContests(context, actorOf(request)),
  );
  app.post(
    '/portal/contests/photos',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Upload an entry photo / 上传参赛照片',
        description:
          'multipart/form-data, field "file": JPEG or PNG, ≤ 5 MB → else 413 PHOTO_TOO_LARGE or 400 CONTEST_PHOTO_INVALID.',
        response: { 201: contestPhotoSchema },
      },
    },
    async (request, reply) => {
      const photo = await receiveFile(request, contestPhotoRules);
      return reply.code(201).send(await uploadContestPhoto(context, actorOf(request), photo));
    },
  );
  app.post(
    '/portal/contests/:id/entries',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Enter my store / 投稿',
        description:
          'Until the entry deadline (409 CONTEST_ENTRY_CLOSED), once (409 CONTEST_ENTRY_EXISTS), with 1–6 of my uploaded photos (400 CONTEST_PHOTO_UNAVAILABLE).',
        params: idParams,
        body: portalEntryInputSchema,
        response: { 201: entryCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await submitPortalEntry(context, actorOf(request), request.params.id, request.body)),
  );
};
