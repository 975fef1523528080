import { useCallback, useState } from 'react';

export interface SecretGuard {
  /** The person tried to close before copying, and is being asked whether they mean it. */
  asking: boolean;
  markCopied(): void;
  /** Closes when the secret was copied; otherwise asks first. */
  requestClose(): void;
  stay(): void;
  /** Closes whatever was copied: the person chose to. */
  leave(): void;
}

/**
 * Whether a secret shown once was copied, so closing before it was is a choice the person makes twice.
 * Closing forgets it, so the next secret shown starts uncopied.
 */
export function useSecretGuard(close: () => void): SecretGuard {
  const [copied, setCopied] = useState(false);
  const [asking, setAsking] = useState(false);
  const leave = useCallback(() => {
    setCopied(false);
    setAsking(false);
    close();
  }, [close]);
  const requestClose = useCallback(() => (copied ? leave() : setAsking(true)), [copied, leave]);
  return {
    asking,
    markCopied: useCallback(() => setCopied(true), []),
    requestClose,
    stay: useCallback(() => setAsking(false), []),
    leave,
  };
}
