export * from './token-lifetime.js';
