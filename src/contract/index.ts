export * from './errors.js';
export * from './values.js';
export * from './resources.js';
export * from './endpoints.js';
export * from './documents.js';
export * from './search.js';
export * from './challenges.js';
export * from './papers.js';
