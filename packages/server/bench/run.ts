import { benchPermissions } from './permissions.js';
import { benchSigningAlgorithms } from './signing-algorithms.js';
import { benchTokenEndpoint } from './token-endpoint.js';

/** `npm run bench`: every benchmark, each printing its numbers and the machine. */
await benchSigningAlgorithms();
await benchPermissions();
await benchTokenEndpoint();
