import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api-client.ts';
import { describeError } from '../error-message.ts';
import { formatCountdown, useCountdown } from '../use-countdown.ts';
import type { CurrentUser } from './current-user.ts';

// A sign-in form's request and its lock-out after too many attempts (429, with Retry-After
// counted down on the submit button). The staff and retailer pages differ in fields and endpoint.
export function useSignIn<Credentials>({
  signIn,
  onSignedIn,
  accountField,
}: {
  signIn: (credentials: Credentials) => Promise<{ user: CurrentUser }>;
  onSignedIn: (user: CurrentUser) => void;
  // The lock-out is per account: changing this field lets another account be tried at once.
  accountField: keyof Credentials;
}) {
  const { t } = useTranslation();
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryUntil);

  const login = useMutation({
    mutationFn: signIn,
    onSuccess: ({ user }) => onSignedIn(user),
    onError: (error) => {
      if (isApiError(error) && error.status === 429) {
        setRetryUntil(error.retryAfterSeconds ? Date.now() + error.retryAfterSeconds * 1000 : null);
      }
    },
  });

  const error = login.error;
  const isRateLimited = isApiError(error) && error.status === 429;
  const isLocked = isRateLimited && secondsLeft > 0;

  return {
    submit: login.mutate,
    isPending: login.isPending,
    error,
    isRateLimited,
    isLocked,
    // What to say under "too many attempts": the server's sentence already says how long to
    // wait; a bare 429 gets ours. Undefined when not rate-limited.
    rateLimitDetail: isRateLimited
      ? isLocked && !error.problem.detail
        ? t('auth.tryAgainIn', { seconds: secondsLeft })
        : describeError(error, t)
      : undefined,
    onValuesChange: (changed: Partial<Credentials>) => {
      if (changed[accountField] !== undefined && isRateLimited) {
        setRetryUntil(null);
        login.reset();
      }
    },
    // The submit button's label, with the time left while locked out.
    submitLabel: (label: string) => (isLocked ? `${label} (${formatCountdown(secondsLeft)})` : label),
  };
}
