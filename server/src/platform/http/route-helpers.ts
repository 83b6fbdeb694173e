import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { DomainError } from '../errors/domain-error.ts';
import './fastify-augment.ts';

// The access hook has already authenticated every non-public route; this narrows the type.
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED');
  return request.actor;
}

export const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const offsetPaging = {
  limit: z.coerce.number().int().min(1).max(500).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    field: z.string().optional(),
  })
  .describe('RFC 9457 problem details');
