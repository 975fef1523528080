import { useCallback, useState } from 'react';

/**
 * The state of a dialog that shows a secret once: whether it was copied, and whether the person is being
 * asked about closing without copying.
 */
export function useSecretGuard(close: () => void) {
  const [copied, setCopied] = useState(false);
  const [asking, setAsking] = useState(false);
  const requestClose = useCallback(() => {
    if (copied) close();
    else setAsking(true);
  }, [copied, close]);
  return {
    asking,
    markCopied: useCallback(() => setCopied(true), []),
    requestClose,
    stay: useCallback(() => setAsking(false), []),
  };
}
