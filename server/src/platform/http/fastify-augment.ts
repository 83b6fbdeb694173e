import type { AccessRule } from '../access/access-rule.ts';
import type { Actor } from '../access/actor.ts';
import type { Locale } from '../errors/error-catalogue.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    locale: Locale;
  }
}
