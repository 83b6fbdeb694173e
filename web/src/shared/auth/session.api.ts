import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api-client.ts';
import type { CurrentUser } from './current-user.ts';

export const currentUserQueryKey = ['auth', 'me'] as const;

// null means "not signed in"; other errors (server down) surface as query errors.
export async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await api.get<CurrentUser>('/auth/me', undefined, { redirectOnUnauthorized: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useCurrentUser() {
  return useQuery({
    queryKey: currentUserQueryKey,
    queryFn: fetchCurrentUser,
    staleTime: 60_000,
    retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
  });
}

export function loginRetailer(credentials: { licenceNo: string; password: string }) {
  return api.post<{ user: CurrentUser }>('/portal/auth/login', credentials, { redirectOnUnauthorized: false });
}

export function changePassword(request: { currentPassword: string; newPassword: string }) {
  return api.post<void>('/auth/password', request);
}

export function logout() {
  return api.post<void>('/auth/logout', undefined, { redirectOnUnauthorized: false });
}

// After sign-in/out: replace the cached user and drop everything fetched as someone else.
export function useSessionCache() {
  const queryClient = useQueryClient();
  return {
    signedIn(user: CurrentUser) {
      // Whatever was cached for someone else goes; the sign-in page's own queries stay.
      queryClient.removeQueries({ type: 'inactive' });
      queryClient.setQueryData(currentUserQueryKey, user);
    },
    signedOut() {
      queryClient.clear();
      queryClient.setQueryData(currentUserQueryKey, null);
    },
  };
}

// Only same-site paths are honoured, so ?redirect= cannot send anyone to another site.
export function safeRedirectTarget(value: string | null, fallback: string): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
