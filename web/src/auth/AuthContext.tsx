// Holds the signed-in user for the whole app and keeps the token in
// localStorage in step with it.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError, loadToken, onTokenRejected, storeToken } from '../api/client';
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
  /** Message for the sign-in page after the API rejected the token mid-session, else null. */
  sessionNotice: string | null;
  clearSessionNotice: () => void;
}

export const SESSION_ENDED_NOTICE = 'Your session is no longer valid. Sign in again to continue.';

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState<boolean>(() => loadToken() !== null);
  const [sessionNotice, setSessionNotice] = useState<string | null>(null);
  const navigate = useNavigate();
  const location = useLocation();
  const userRef = useRef<User | null>(null);

  useEffect(() => {
    userRef.current = user;
  }, [user]);

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

  // A 401 to a signed-in user's request means the API no longer accepts the
  // token (expired, or signed with a rotated secret), so every later request
  // would fail too. The start-up check above handles its own 401, because no
  // user is signed in yet.
  useEffect(
    () =>
      onTokenRejected((token) => {
        // A request sent before a sign-out and a new sign-in can fail late,
        // and must not end the newer session.
        if (userRef.current === null || loadToken() !== token) {
          return;
        }
        storeToken(null);
        setUser(null);
        setSessionNotice(SESSION_ENDED_NOTICE);
        navigate('/login', { state: { from: location.pathname + location.search } });
      }),
    [navigate, location],
  );

  const signIn = useCallback((next: User) => {
    storeToken(next.token);
    setUser(next);
    setSessionNotice(null);
  }, []);

  const signOut = useCallback(() => {
    storeToken(null);
    setUser(null);
    setSessionNotice(null);
  }, []);

  const clearSessionNotice = useCallback(() => setSessionNotice(null), []);

  const value = useMemo(
    () => ({ user, checking, signIn, signOut, sessionNotice, clearSessionNotice }),
    [user, checking, signIn, signOut, sessionNotice, clearSessionNotice],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (state === null) {
    throw new Error('useAuth must be used inside <AuthProvider>');
  }
  return state;
}
