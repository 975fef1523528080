export * from './credential-lifetime.js';
export * from './zoned-time.js';
