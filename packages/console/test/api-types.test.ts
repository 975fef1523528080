import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generateApiTypes, schemaFile } from '../scripts/generate-api-types.mjs';

it("keeps the console's API types the same as the server's OpenAPI document makes them", async () => {
  const checkedIn = readFileSync(schemaFile, 'utf8');
  const fresh = await generateApiTypes();
  expect(
    fresh === checkedIn,
    'src/api/schema.d.ts is stale: run npm run generate:api -w @portcullis/console',
  ).toBe(true);
});
