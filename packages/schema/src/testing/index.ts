export { memberAndGroupOutside } from './outside-residence.js';
export {
  createTestDatabase,
  type DatabaseFixture,
  dropFixtureTemplates,
  startTestServer,
  type TestServer,
  withClient,
  withDatabase,
} from './test-database.js';
export { viewerOf } from './viewer.js';
