export { createTestDatabase, startTestServer, TEMPLATE_DB, withClient, withDatabase } from './test-database.js';
