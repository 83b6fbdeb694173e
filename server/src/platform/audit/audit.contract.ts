import { z } from 'zod';

// One page of the audit trail (GET /api/v1/audit), newest first.
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.date(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.number().nullable() });
