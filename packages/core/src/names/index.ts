export * from './name-rules.js';
