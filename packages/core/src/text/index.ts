export * from './accepted-text.js';
