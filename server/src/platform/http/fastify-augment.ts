import type { AccessRule } from '../access/access-rule.ts';
import type { Actor } from '../access/actor.ts';
import type { Profile } from '../auth/auth.service.ts';
import type { Locale } from '../errors/error-catalogue.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
    // A write that changes nothing a session is built from (no session, user, tenant or org
    // unit): the authenticator may keep the sessions it read. Every other write forgets them.
    sessionsUnchanged?: true;
    // One of the few routes a user still on an initial (admin-set or one-time) password may call:
    // reading who they are, changing the password, signing out. Every other is refused until then.
    allowedBeforePasswordChange?: true;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    // The signed-in user as GET /auth/me shows them, read by the same query as the actor.
    profile: Profile | undefined;
    locale: Locale;
  }
}
