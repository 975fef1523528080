import { useCallback, useEffect, useRef, useState } from 'react';

export interface ApiData<T> {
  data: T | undefined;
  /** The refusal or failure of the last load, for a RefusalAlert. */
  error: unknown;
  loading: boolean;
  reload(): Promise<void>;
}

/**
 * What a screen shows, loaded when `load` changes (keep it stable with useCallback) and again on reload().
 * An answer that arrives after a newer load started is dropped, so a slow first answer never overwrites a
 * fresh one.
 */
export function useApiData<T>(load: () => Promise<T>): ApiData<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    try {
      const answer = await load();
      if (request !== latest.current) return;
      setData(answer);
      setError(undefined);
    } catch (failure) {
      if (request === latest.current) setError(failure);
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
