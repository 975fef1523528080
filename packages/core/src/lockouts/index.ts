export * from './lockout-policy.js';
