/** The most a list page may hold (the server's `pageLimit.maximum`): fewest round trips. */
export const largestPage = 500;

/**
 * Every item of a cursor-paged list, page after page until `nextCursor` is null. The console's tables sort,
 * search and page in the browser, which needs the whole list; organizations keep these lists short.
 */
export async function loadAllPages<Item>(
  page: (cursor: string | undefined) => Promise<{ items: Item[]; nextCursor: string | null }>,
): Promise<Item[]> {
  const all: Item[] = [];
  let cursor: string | undefined;
  do {
    const answer = await page(cursor);
    all.push(...answer.items);
    cursor = answer.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
