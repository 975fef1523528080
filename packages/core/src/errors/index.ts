export * from './error-catalogue.js';
export * from './portcullis-error.js';
