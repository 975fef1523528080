/**
 * Keyset pagination, as every list reads: rows in id order after the cursor (the last id of the previous
 * page), through an index that holds the list's rows in that order, so a page costs its own rows however
 * long the list. Ids are time-ordered ULIDs, so id order is creation order.
 */
export interface PageRequest {
  /** Validated at the boundary: 1 to 500. */
  limit: number;
  /** The previous page's `nextCursor`: this page starts after that id. */
  after?: string | undefined;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts; null on the last one. */
  nextCursor: string | null;
}

/** Queries read `limit + 1` rows: the extra one says whether another page follows, and is not returned. */
export function pageOf<Row extends { id: string }, T>(
  rows: Row[],
  limit: number,
  toRecord: (row: Row) => T,
): Page<T> {
  const kept = rows.slice(0, limit);
  return {
    items: kept.map(toRecord),
    nextCursor: rows.length > limit ? (kept.at(-1)?.id ?? null) : null,
  };
}
