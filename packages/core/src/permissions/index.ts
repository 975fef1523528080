export * from './catalog.js';
export * from './effective-permissions.js';
export * from './permission-set.js';
export * from './presets.js';
export * from './scope-claim.js';
export * from './search-rule.js';
