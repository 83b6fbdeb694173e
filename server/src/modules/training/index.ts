// The training module: 培训 (C11) — sessions (品牌培育大课堂, 经营技能, 法规与诚信经营, 服务) with a
// staff or 内训师 trainer, sign-ups with a waitlist, QR check-in, a post-test, ratings and
// certificates; in-house trainers (内训师); attendance rate and trainer hours.
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { trainingErrors } from './training.errors.ts';
import { trainingRoutes } from './training.routes.ts';

// 客我互动率 (workflows/interaction-rate.workflow.ts): the stores that signed up or checked in.
export { interactingStoresSql } from './interacting-stores.ts';
export { attendanceRate, checkInCodeAt, scoreTest } from './training.rules.ts';
// Tables for the demo's set-based inserts (demo-training.ts) and other modules' reads only.
export { trainingSessions, trainingSignups, trainingTrainers } from './training.schema.ts';

export const trainingModule: KewoModule = {
  name: 'training',
  routes: [trainingRoutes],
  errors: trainingErrors,
};
