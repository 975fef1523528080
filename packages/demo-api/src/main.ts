import { createVerifier } from '@portcullis/sdk';
import { buildDemoApi } from './demo-api.js';
import { readSettings, SettingsError } from './settings.js';

let settings: ReturnType<typeof readSettings>;
try {
  settings = readSettings(process.env);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(`The demo API cannot start: ${error.message}. See docs/sdk.md, "The demo platform API".`);
  process.exit(2);
}

const verifier = createVerifier({
  issuer: settings.portcullisUrl,
  audience: settings.audience,
  revocations: settings.feed,
});
const app = buildDemoApi(verifier);
await app.listen({ host: settings.host, port: settings.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : settings.port;
console.log(
  `Demo API listening on http://${settings.host}:${port} for tokens of ${settings.portcullisUrl} ` +
    `with audience ${settings.audience}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([app.close(), verifier.close()]).then(() => process.exit(0));
  });
}
