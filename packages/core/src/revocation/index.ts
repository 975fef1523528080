export * from './not-before.js';
