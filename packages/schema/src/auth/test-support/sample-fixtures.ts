import { longBienHistory } from '@coso/domain/testing';
import { longBien2022Dataset } from '@coso/sample-data';
import { writeState } from '../../store/state-tables.js';
import type { DatabaseFixture } from '../../testing/test-database.js';
import { createDemoAccounts } from '../demo-accounts.js';
import { withClientOf } from './access-fixture.js';

/** The Long Biên 2022 sample dataset and the demo accounts, as a template the test files of a run clone. */
export const SAMPLE_FIXTURE: DatabaseFixture = {
  name: 'sample',
  load: (url) =>
    withClientOf(url, async (prisma) => {
      await writeState(prisma, longBien2022Dataset());
      await createDemoAccounts(prisma);
    }),
};

/** The domain's Long Biên history (2003 → the 2025 reorganisations, no accounts), likewise. */
export const HISTORY_FIXTURE: DatabaseFixture = {
  name: 'history',
  load: (url) => withClientOf(url, (prisma) => writeState(prisma, longBienHistory())),
};
