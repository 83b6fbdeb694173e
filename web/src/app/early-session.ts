import type { QueryClient } from '@tanstack/react-query';
import { currentUserQueryKey, fetchCurrentUser } from '../shared/auth/session.api.ts';
import { permissionsQuery } from '../shared/auth/use-can.ts';

// Who is signed in, and then what they may do, asked for as the console's script starts (the
// user even earlier: index.html preloads /auth/me), not once React has rendered the session
// gates: on a slow network each of those steps is a round trip before the first screen
// (bench/lighthouse.ts). The answers are handed to the query cache (seedSession), so the gates
// ask nothing again.
let early: { user: ReturnType<typeof fetchCurrentUser>; permissions: Promise<Set<string> | null> } | null = null;

export function startSessionRequests(): void {
  const user = fetchCurrentUser();
  user.catch(() => {});
  // Not for a signed-out visitor, nor a user who must first change their password (refused).
  // A failure leaves it null, and the permissions gate asks for itself.
  const permissions = user
    .then(async (signedIn) => {
      if (!signedIn || signedIn.mustChangePassword) return null;
      const response = await fetch('/api/v1/auth/permissions', {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      return response.ok ? new Set(((await response.json()) as { operations: string[] }).operations) : null;
    })
    .catch(() => null);
  early = { user, permissions };
}

// The requests started above become the cache's first answers (once: later fetches are the
// queries' own).
export function seedSession(queryClient: QueryClient): void {
  if (!early) return;
  const { user, permissions } = early;
  early = null;
  void queryClient.prefetchQuery({
    queryKey: currentUserQueryKey,
    queryFn: async () => {
      const signedIn = await user;
      if (signedIn && !signedIn.mustChangePassword) {
        const query = permissionsQuery(signedIn.id);
        // Registered before the user's answer is, so the permissions gate joins this request.
        void queryClient.prefetchQuery({
          ...query,
          queryFn: async () => (await permissions) ?? query.queryFn(),
        });
      }
      return signedIn;
    },
  });
}
