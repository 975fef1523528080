export { BearerError, isBearerError } from './bearer-error.js';
export type { Refusal, RefusalBody } from './bearer-refusal.js';
export type { AuthorizeOutcome, Verifier, VerifierStatus } from './create-verifier.js';
export { createVerifier } from './create-verifier.js';
export type { Requirement, RequirementInput } from './permission-checks.js';
export type { AccessTokenClaims, Principal } from './principal.js';
export type { FeedState, FollowerStatus } from './revocation-follower.js';
export type {
  AccessKeyOptions,
  ClientCredentialsOptions,
  TokenClient,
  TokenClientOptions,
} from './token-client.js';
export { createTokenClient } from './token-client.js';
export { isTokenRequestError, TokenRequestError } from './token-request-error.js';
export type { Logger, RevocationOptions, SigningAlgorithm, VerifierOptions } from './verifier-options.js';
export { supportedAlgorithms } from './verifier-options.js';
