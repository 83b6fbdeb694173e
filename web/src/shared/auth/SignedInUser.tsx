import { createContext, type ReactNode, useContext } from 'react';
import type { CurrentUser } from './current-user.ts';

const SignedInUserContext = createContext<CurrentUser | null>(null);

// Pages below a session gate read the user from here: always present, never null.
export function SignedInUserProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <SignedInUserContext.Provider value={user}>{children}</SignedInUserContext.Provider>;
}

export function useSignedInUser(): CurrentUser {
  const user = useContext(SignedInUserContext);
  if (!user) throw new Error('useSignedInUser() used outside a session gate');
  return user;
}
