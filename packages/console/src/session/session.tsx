import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Answer } from '../api/answer-type';
import { api, setCsrfToken, whenSessionEnds } from '../api/client';

export type Session = Answer<'/api/v1/auth/session', 'get'>;

interface SessionState {
  session: Session | undefined;
  /** Re-reads who is signed in (after a change to their own rights, say). */
  refresh(): Promise<void>;
  signedIn(session: Session): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSession(): SessionState & { session: Session } {
  const state = useContext(SessionContext);
  if (!state?.session) throw new Error('useSession outside a signed-in screen');
  return state as SessionState & { session: Session };
}

export function useOptionalSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useOptionalSession outside SessionProvider');
  return state;
}

/** Where sign-in sends a person back to: the screen they were on. */
export function signInPath(from: { pathname: string; search: string }): string {
  const next = `${from.pathname}${from.search}`;
  return next === '/' || next.startsWith('/sign-in')
    ? '/sign-in'
    : `/sign-in?next=${encodeURIComponent(next)}`;
}

/**
 * Who is signed in, read from the session cookie at start; a 401 from any call later (the session expired
 * or ended elsewhere) sends the person to sign-in, and back to this screen after.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>();
  const [loaded, setLoaded] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();

  const signedIn = useCallback((next: Session) => {
    setCsrfToken(next.csrfToken ?? undefined);
    setSession(next);
  }, []);

  const refresh = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/auth/session');
    if (response.ok && data) signedIn(data);
    else setSession(undefined);
  }, [signedIn]);

  useEffect(() => {
    void refresh().finally(() => setLoaded(true));
  }, [refresh]);

  useEffect(() => {
    whenSessionEnds(() => {
      setSession(undefined);
      setCsrfToken(undefined);
      navigate(signInPath(location), {
        replace: true,
        state: { expired: true },
      });
    });
  }, [navigate, location]);

  const signOut = useCallback(async () => {
    await api.DELETE('/api/v1/auth/session');
    setCsrfToken(undefined);
    setSession(undefined);
    navigate('/sign-in', { replace: true });
  }, [navigate]);

  const value = useMemo(
    () => ({ session, refresh, signedIn, signOut }),
    [session, refresh, signedIn, signOut],
  );
  if (!loaded) return null;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
