import type { ReactNode } from 'react';
import { RefusalAlert } from '../api/refusal-alert';
import type { Loaded } from '../api/use-loaded';
import { ScreenLoading } from './screen-loading';

/**
 * What a screen loaded: why it could not be loaded, a spinner until the first answer, then `children` of
 * it. What is shown stays beside a refusal to load it again, so a failed reload loses nothing.
 */
export function LoadedContent<T>({
  loaded,
  refusalTitle,
  children,
}: {
  loaded: Pick<Loaded<T>, 'data' | 'error' | 'loading'>;
  refusalTitle: string;
  children(data: T): ReactNode;
}) {
  return (
    <>
      <RefusalAlert error={loaded.error} title={refusalTitle} />
      {loaded.data !== undefined ? children(loaded.data) : loaded.loading ? <ScreenLoading /> : null}
    </>
  );
}
