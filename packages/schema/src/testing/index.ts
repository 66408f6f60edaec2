export {
  createTestDatabase,
  type DatabaseFixture,
  dropFixtureTemplates,
  startTestServer,
  templateDatabase,
  withClient,
  withDatabase,
} from './test-database.js';
export { viewerOf } from './viewer.js';
