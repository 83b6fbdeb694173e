import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { allow, anyStaff } from '../../platform/access/access-rule.ts';
import { actorOf, attachment, idParams } from '../../platform/http/route-helpers.ts';
import {
  attendanceInputSchema,
  certificateParams,
  checkInCodeSchema,
  checkInInputSchema,
  checkInResultSchema,
  kpiQuery,
  kpiSchema,
  portalSessionListSchema,
  portalTestSchema,
  ratingInputSchema,
  sessionInputSchema,
  sessionListQuery,
  sessionListSchema,
  sessionSchema,
  signupListSchema,
  signupResultSchema,
  staffTrainerListSchema,
  testInputSchema,
  testResultSchema,
  trainerInputSchema,
  trainerListSchema,
  trainerParams,
} from './training.contract.ts';
import {
  cancelSession,
  cancelSignup,
  checkIn,
  checkInCode,
  createSession,
  designateTrainer,
  getPortalTest,
  getSession,
  listPortalSessions,
  listSessions,
  listSignups,
  listStaffTrainers,
  listTrainers,
  markAttendance,
  portalCertificate,
  rate,
  signUp,
  staffCertificate,
  takeTest,
  trainingKpis,
  updateSessionOf,
} from './training.service.ts';

// 培训. Organisers (marketing, admin) create and manage sessions — the city company's any, a
// branch's its own; every staff member sees the city company's and their branch's sessions and the
// sign-ups of stores in their scope; the staff trainer (or an organiser) shows the check-in code and
// marks attendance; organisers designate 内训师 among the stores of their scope. Stores use the portal.
const organisers = allow('admin', 'marketing');
const retailer = allow('retailer');
const tags = ['training'];
const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const trainingRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/trainings',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Training sessions / 培训',
        description: 'Sessions starting in [from, to): the city company’s and, for branch staff, their branch’s.',
        querystring: sessionListQuery,
        response: { 200: sessionListSchema },
      },
    },
    async (request) => listSessions(context, actorOf(request), request.query),
  );
  app.post(
    '/trainings',
    {
      config: { access: organisers },
      schema: {
        tags,
        summary: 'Create a session / 新建培训',
        description:
          'A staff trainer or an active 内训师 (400 TRAINING_TRAINER_UNKNOWN); endsAt after startsAt, deadlines not after startsAt (400 TRAINING_SESSION_INVALID). A branch organiser’s session is for its own branch’s stores.',
        body: sessionInputSchema,
        response: { 201: sessionSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createSession(context, actorOf(request), request.body)),
  );
  app.get(
    '/trainings/trainers',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'In-house trainers / 内训师',
        description: 'Stores of your scope designated as 内训师: topics, sessions led, hours and ratings.',
        response: { 200: trainerListSchema },
      },
    },
    async (request) => listTrainers(context, actorOf(request)),
  );
  app.put(
    '/trainings/trainers/:customerId',
    {
      config: { access: organisers },
      schema: {
        tags,
        summary: 'Designate a store as 内训师 / 认定内训师',
        description: 'A store of your scope (else 404); topics; active false withdraws it.',
        params: trainerParams,
        body: trainerInputSchema,
        response: { 200: trainerListSchema },
      },
    },
    async (request) => designateTrainer(context, actorOf(request), request.params.customerId, request.body),
  );
  app.get(
    '/trainings/staff-trainers',
    {
      config: { access: organisers },
      schema: { tags, summary: 'Staff who may train / 员工讲师', response: { 200: staffTrainerListSchema } },
    },
    async (request) => listStaffTrainers(context, actorOf(request)),
  );
  app.get(
    '/trainings/kpis',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Attendance rate and trainer hours by branch / 培训指标',
        description:
          'attendanceRate = check-ins ÷ confirmed sign-ups of sessions started in [from, to) (stores of your scope); trainerHours of sessions held, by the trainer’s branch.',
        querystring: kpiQuery,
        response: { 200: kpiSchema },
      },
    },
    async (request) => trainingKpis(context, actorOf(request), request.query),
  );
  app.get(
    '/trainings/:id',
    {
      config: { access: anyStaff },
      schema: { tags, summary: 'A session', params: idParams, response: { 200: sessionSchema } },
    },
    async (request) => getSession(context, actorOf(request), request.params.id),
  );
  app.put(
    '/trainings/:id',
    {
      config: { access: organisers },
      schema: {
        tags,
        summary: 'Edit a session / 修改培训',
        description: 'Capacity not below the confirmed (400); a larger capacity promotes the waitlist in order.',
        params: idParams,
        body: sessionInputSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request) => updateSessionOf(context, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/trainings/:id/cancel',
    {
      config: { access: organisers },
      schema: { tags, summary: 'Cancel a session / 取消培训', params: idParams, response: { 200: sessionSchema } },
    },
    async (request) => cancelSession(context, actorOf(request), request.params.id),
  );
  app.get(
    '/trainings/:id/signups',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Sign-ups, waitlist and attendance / 报名与签到',
        description: 'The stores of your scope.',
        params: idParams,
        response: { 200: signupListSchema },
      },
    },
    async (request) => listSignups(context, actorOf(request), request.params.id),
  );
  app.get(
    '/trainings/:id/check-in-code',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'The check-in code to show / 签到码',
        description:
          'For the session’s staff trainer or an organiser who manages it (else 403). 6 digits, rotating every 5 minutes, accepted in its slot and the next.',
        params: idParams,
        response: { 200: checkInCodeSchema },
      },
    },
    async (request) => checkInCode(context, actorOf(request), request.params.id),
  );
  app.post(
    '/trainings/:id/attendance',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'Mark attendance / 登记出勤',
        description: 'The trainer or an organiser; a confirmed sign-up; from 30 minutes before the start.',
        params: idParams,
        body: attendanceInputSchema,
        response: { 200: z.object({ customerId: z.number(), present: z.boolean() }) },
      },
    },
    async (request) => markAttendance(context, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/trainings/:id/certificates/:customerId',
    {
      config: { access: anyStaff },
      schema: {
        tags,
        summary: 'An attendee’s certificate (.docx) / 结业证书',
        description: 'Checked in and passed the post-test (if any), else 409 TRAINING_NO_CERTIFICATE.',
        params: certificateParams,
      },
    },
    async (request, reply) => {
      const file = await staffCertificate(context, actorOf(request), request.params.id, request.params.customerId);
      return attachment(reply, file.fileName, docxContentType).send(file.document);
    },
  );

  // ---- Portal ----
  app.get(
    '/portal/trainings',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Training sessions / 培训',
        description: 'Sessions open to my store (not ended) and those I signed up for.',
        response: { 200: portalSessionListSchema },
      },
    },
    async (request) => listPortalSessions(context, actorOf(request)),
  );
  app.post(
    '/portal/trainings/:id/signups',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Sign up / 报名',
        description:
          'confirmed while seats remain, else waitlisted (never over capacity). Not for my store → 403 TRAINING_NOT_ELIGIBLE; after the deadline → 409 TRAINING_SIGNUP_CLOSED; twice → 409.',
        params: idParams,
        response: { 201: signupResultSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await signUp(context, actorOf(request), request.params.id)),
  );
  app.delete(
    '/portal/trainings/:id/signups',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Cancel my sign-up / 取消报名',
        description:
          'Before the cancellation deadline (409 TRAINING_CANCEL_CLOSED); the first waitlisted takes the seat.',
        params: idParams,
      },
    },
    async (request, reply) => {
      await cancelSignup(context, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/portal/trainings/:id/check-in',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Check in with the code / 扫码签到',
        description:
          'The code shown at the session: wrong → 400 TRAINING_CODE_WRONG, expired → 400 TRAINING_CODE_EXPIRED, outside 30 min before the start to the end → 409 TRAINING_CHECKIN_OUTSIDE. Again → 200 as the first time.',
        params: idParams,
        body: checkInInputSchema,
        response: { 200: checkInResultSchema },
      },
    },
    async (request) => checkIn(context, actorOf(request), request.params.id, request.body.code),
  );
  app.get(
    '/portal/trainings/:id/test',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'The post-test’s questions / 课后测试',
        params: idParams,
        response: { 200: portalTestSchema },
      },
    },
    async (request) => getPortalTest(context, actorOf(request), request.params.id),
  );
  app.post(
    '/portal/trainings/:id/test',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Answer the post-test / 提交测试',
        description: 'After check-in (409 TRAINING_NOT_ATTENDED), once; every question answered.',
        params: idParams,
        body: testInputSchema,
        response: { 200: testResultSchema },
      },
    },
    async (request) => takeTest(context, actorOf(request), request.params.id, request.body.answers),
  );
  app.post(
    '/portal/trainings/:id/rating',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'Rate the session / 满意度评价',
        description: '1–5, after check-in, once.',
        params: idParams,
        body: ratingInputSchema,
        response: { 200: z.object({ rating: z.number() }) },
      },
    },
    async (request) => rate(context, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/portal/trainings/:id/certificate',
    {
      config: { access: retailer },
      schema: {
        tags: ['portal'],
        summary: 'My certificate (.docx) / 结业证书',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await portalCertificate(context, actorOf(request), request.params.id);
      return attachment(reply, file.fileName, docxContentType).send(file.document);
    },
  );
};
