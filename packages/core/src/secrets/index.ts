export * from './secret-format.js';
