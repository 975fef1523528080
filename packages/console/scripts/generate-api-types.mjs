// Writes src/api/schema.d.ts, the console's API types, from the OpenAPI document of the server built beside
// it (`portcullis openapi`). test/api-types.test.ts fails when the checked-in file differs from a fresh one.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const serverCli = fileURLToPath(new URL('../../server/dist/cli/main.js', import.meta.url));
export const schemaFile = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

export async function generateApiTypes() {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('PORTCULLIS_')),
  );
  const document = JSON.parse(
    execFileSync(process.execPath, [serverCli, 'openapi'], { env, encoding: 'utf8' }),
  );
  const header =
    "// Generated from the server's OpenAPI document by `npm run generate:api -w @portcullis/console`. Do not edit.\n\n";
  return header + astToString(await openapiTS(document));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(schemaFile, await generateApiTypes());
  process.stdout.write(`wrote ${schemaFile}\n`);
}
