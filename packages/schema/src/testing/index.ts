export {
  createTestDatabase,
  type DatabaseFixture,
  dropFixtureTemplates,
  startTestServer,
  TEMPLATE_DB,
  withClient,
  withDatabase,
} from './test-database.js';
export { viewerOf } from './viewer.js';
