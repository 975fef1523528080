export * from './common-errors.js';
export * from './error-catalogue.js';
export * from './portcullis-error.js';
