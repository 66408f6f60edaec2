export * from './admin-code.js';
export * from './citizen-id.js';
export * from './masking.js';
export * from './phone.js';
export * from './uuid.js';
