// Holds the signed-in user for the whole app and keeps the token in
// localStorage in step with it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError, loadToken, storeToken } from '../api/client';
import { getCurrentUser } from '../api/conduit';
import type { User } from '../api/types';

interface AuthState {
  /** The signed-in user, or null when signed out. */
  user: User | null;
  /** True while a stored token is being checked at start-up. */
  checking: boolean;
  /** Stores a user returned by sign-in, sign-up or a settings update. */
  signIn: (user: User) => void;
  signOut: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState<boolean>(() => loadToken() !== null);

  useEffect(() => {
    if (loadToken() === null) {
      return;
    }
    let cancelled = false;
    getCurrentUser()
      .then((current) => {
        if (!cancelled) setUser(current);
      })
      .catch((error: unknown) => {
        // A rejected token (expired, or signed with a rotated secret) is
        // dropped. Other failures keep it, so a brief outage does not sign the user out.
        if (error instanceof ApiError && error.status === 401) {
          storeToken(null);
        }
      })
      .finally(() => {
        if (!cancelled) setChecking(false);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const signIn = useCallback((next: User) => {
    storeToken(next.token);
    setUser(next);
  }, []);

  const signOut = useCallback(() => {
    storeToken(null);
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, checking, signIn, signOut }), [user, checking, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (state === null) {
    throw new Error('useAuth must be used inside <AuthProvider>');
  }
  return state;
}
