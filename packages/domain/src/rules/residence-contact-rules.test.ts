import { describe, expect, it } from 'vitest';
import type { ResidenceContact, ResidenceContactReview } from '../model/people.js';
import { checkResidenceContactReviews, RESIDENCE_CONTACT_RULE_CODES } from './residence-contact-rules.js';
import { checkRow, org, person, type Row, stateWith, uncovered } from './test-support/fixtures.js';

const contact = (
  id: string,
  validFrom: string,
  validTo: string | null = null,
  category: ResidenceContact['category'] = 'NORMAL',
): ResidenceContact => ({
  id,
  personId: 'an',
  residenceCellId: 'cb-5',
  category,
  validFrom,
  validTo,
});
const review = (residenceContactId: string, year: number): ResidenceContactReview => ({
  id: `r-${residenceContactId}-${year}`,
  residenceContactId,
  year,
  reviewedOn: `${year}-12-15`,
  comment: 'Gương mẫu nơi cư trú.',
});
const check = (contacts: ResidenceContact[], reviews: ResidenceContactReview[], year: number, on: string) => () =>
  checkResidenceContactReviews(
    stateWith({
      people: [person('an', 'Nguyễn Văn An')],
      organizations: [org('cb-5', 'PARTY_CELL', 'Chi bộ TDP số 5')],
      residenceContacts: contacts,
      residenceContactReviews: reviews,
    }),
    year,
    on,
  );

const DUE = 'RESIDENCE_CONTACT_REVIEW_DUE@residenceContactReviews';

const rows: Row[] = [
  {
    name: 'reviewed for the year passes',
    run: check([contact('c1', '2023-03-01')], [review('c1', 2024)], 2024, '2025-06-01'),
    expected: [],
  },
  {
    name: 'not reviewed, on the last day of the year: not yet due',
    run: check([contact('c1', '2023-03-01')], [], 2024, '2024-12-31'),
    expected: [],
  },
  { name: 'not reviewed, the day after the year: due', run: check([contact('c1', '2023-03-01')], [], 2024, '2025-01-01'), expected: [DUE] },
  {
    name: 'a review of another year does not count',
    run: check([contact('c1', '2023-03-01')], [review('c1', 2023)], 2024, '2025-01-01'),
    expected: [DUE],
  },
  {
    name: 'exempt from activities still needs the comment',
    run: check([contact('c1', '2023-03-01', null, 'EXEMPT_FROM_ACTIVITIES')], [], 2024, '2025-01-01'),
    expected: [DUE],
  },
  { name: 'in force on the year’s last day only: due', run: check([contact('c1', '2024-12-31')], [], 2024, '2025-01-01'), expected: [DUE] },
  {
    name: 'in force on the year’s first day only: due',
    run: check([contact('c1', '2020-01-01', '2024-01-02')], [], 2024, '2025-01-01'),
    expected: [DUE],
  },
  { name: 'ended before the year: not due', run: check([contact('c1', '2020-01-01', '2024-01-01')], [], 2024, '2025-01-01'), expected: [] },
  { name: 'started after the year: not due', run: check([contact('c1', '2025-01-01')], [], 2024, '2025-06-01'), expected: [] },
  {
    name: 'each contact is checked on its own',
    run: check([contact('c1', '2023-03-01'), contact('c2', '2023-03-01')], [review('c1', 2024)], 2024, '2025-01-01'),
    expected: [DUE],
  },
  {
    name: 'a year that is not a whole number names no year',
    run: check([contact('c1', '2023-03-01')], [], 2024.5, '2030-01-01'),
    expected: [],
  },
];

describe('checkResidenceContactReviews', () => {
  it.each(rows)('$name', (row) => {
    checkRow(row);
  });

  it('names the member, the cell and the year', () => {
    const [v] = check([contact('c1', '2023-03-01')], [], 2024, '2025-01-01')();
    expect(v?.message).toEqual({
      vi: 'Đảng viên Nguyễn Văn An giữ mối liên hệ với chi bộ "Chi bộ TDP số 5" chưa được nhận xét năm 2024 (năm đã kết thúc ngày 31/12/2024).',
      en: 'Party member Nguyễn Văn An, keeping contact with party cell "Chi bộ TDP số 5", has no comment for 2024 (the year ended on 2024-12-31).',
    });
    expect(v?.entity).toEqual({ type: 'ResidenceContact', id: 'c1' });
  });

  it('every residence-contact rule code fails in some row', () => {
    expect(uncovered(RESIDENCE_CONTACT_RULE_CODES, rows)).toEqual([]);
  });
});
