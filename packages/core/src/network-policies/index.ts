export * from './connection-address.js';
export * from './network-policy.js';
