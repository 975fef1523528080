import { useCallback, useState } from 'react';

export interface Attempt {
  /** While the last run is under way: its button shows a spinner and nothing else starts it again. */
  pending: boolean;
  /** Why the last run failed (an ApiError for a refusal), for a RefusalAlert; undefined once it works. */
  refusal: unknown;
  /** Runs `action`; a throw is kept as the refusal rather than escaping to the console. */
  run(action: () => Promise<void>): Promise<void>;
  clear(): void;
}

/** One change the person asks for (a save, a delete), with its progress and its refusal. */
export function useAttempt(): Attempt {
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();
  const run = useCallback(async (action: () => Promise<void>) => {
    setPending(true);
    setRefusal(undefined);
    try {
      await action();
    } catch (error) {
      setRefusal(error);
    } finally {
      setPending(false);
    }
  }, []);
  const clear = useCallback(() => setRefusal(undefined), []);
  return { pending, refusal, run, clear };
}
