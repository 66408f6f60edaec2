import type { Sex } from '@coso/domain';
import type { Random } from './random.js';

/**
 * Fictional Vietnamese names, generated from common family, middle and given names with their
 * diacritics, in NFC. Common names inevitably match real people's names; no record pairs a name
 * with anyone's real data. The people named in the source article are never generated.
 */

/** Family names, weighted roughly by how common they are. */
const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 31],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Vũ', 4],
  ['Phan', 3],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Ngô', 1.5],
  ['Dương', 1],
  ['Đào', 1],
  ['Đinh', 1],
  ['Lương', 0.7],
  ['Trịnh', 0.7],
  ['Hà', 0.5],
  ['Mai', 0.5],
  ['Tạ', 0.5],
  ['Cao', 0.5],
  ['Chu', 0.4],
  ['Lý', 0.4],
  ['Tô', 0.3],
  ['Kiều', 0.3],
  ['Lưu', 0.3],
  ['Nghiêm', 0.2],
  ['Khúc', 0.2],
  ['Quách', 0.2],
];

const MIDDLE_NAMES: Readonly<
  Record<Sex, { older: ReadonlyArray<readonly [string, number]>; younger: ReadonlyArray<readonly [string, number]> }>
> = {
  MALE: {
    older: [
      ['Văn', 45],
      ['Đức', 8],
      ['Hữu', 6],
      ['Xuân', 5],
      ['Quang', 5],
      ['Đình', 5],
      ['Ngọc', 4],
      ['Công', 4],
      ['Minh', 4],
      ['Mạnh', 3],
      ['Thanh', 3],
      ['Trọng', 3],
      ['Bá', 2],
      ['Viết', 2],
    ],
    younger: [
      ['Văn', 15],
      ['Đức', 10],
      ['Minh', 10],
      ['Quang', 8],
      ['Tuấn', 6],
      ['Hoàng', 6],
      ['Duy', 6],
      ['Trung', 5],
      ['Việt', 5],
      ['Thế', 4],
      ['Gia', 4],
      ['Anh', 3],
      ['Hải', 3],
      ['Bảo', 3],
    ],
  },
  FEMALE: {
    older: [
      ['Thị', 65],
      ['Thu', 6],
      ['Thanh', 6],
      ['Ngọc', 5],
      ['Kim', 4],
      ['Bích', 3],
      ['Hồng', 4],
      ['Minh', 3],
      ['Thúy', 2],
    ],
    younger: [
      ['Thị', 22],
      ['Thu', 9],
      ['Ngọc', 9],
      ['Phương', 7],
      ['Minh', 7],
      ['Thùy', 6],
      ['Khánh', 5],
      ['Hải', 5],
      ['Bảo', 4],
      ['Mai', 4],
      ['Diệu', 3],
      ['Hà', 3],
      ['Lan', 3],
    ],
  },
};

const GIVEN_NAMES: Readonly<Record<Sex, readonly string[]>> = {
  MALE: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Đức',
    'Hải',
    'Hùng',
    'Huy',
    'Khánh',
    'Long',
    'Minh',
    'Nam',
    'Phong',
    'Quân',
    'Sơn',
    'Thắng',
    'Thành',
    'Trung',
    'Tuấn',
    'Tùng',
    'Việt',
    'Vinh',
    'Hiếu',
    'Hoàng',
    'Kiên',
    'Lâm',
    'Lộc',
    'Nghĩa',
    'Phúc',
    'Quang',
    'Tâm',
    'Thịnh',
    'Toàn',
    'Trí',
    'Tú',
    'Khải',
    'Đạt',
    'Hưng',
    'Bảo',
    'Duy',
    'Chiến',
    'Thọ',
    'Lợi',
    'Hòa',
  ],
  FEMALE: [
    'Anh',
    'Bích',
    'Chi',
    'Dung',
    'Giang',
    'Hà',
    'Hạnh',
    'Hằng',
    'Hiền',
    'Hoa',
    'Hồng',
    'Huệ',
    'Hương',
    'Lan',
    'Liên',
    'Linh',
    'Loan',
    'Mai',
    'Minh',
    'Nga',
    'Nhung',
    'Oanh',
    'Phương',
    'Quyên',
    'Quỳnh',
    'Thảo',
    'Thanh',
    'Thu',
    'Thủy',
    'Trang',
    'Tuyết',
    'Uyên',
    'Vân',
    'Yến',
    'Xuân',
    'Duyên',
    'Lụa',
    'Thơm',
    'Ngân',
    'Hậu',
  ],
};

/** Names of the real officials the article mentions: never generated. */
export const EXCLUDED_NAMES: ReadonlySet<string> = new Set(['Nguyễn Thị Ngọc', 'Vũ Thị Thân', 'Đường Hoài Nam']);

/** A full name (family, one or two middle names, given name), NFC. Older people get older-style middle names. */
export function vietnameseName(rng: Random, sex: Sex, birthYear: number): string {
  for (;;) {
    const family = rng.weighted(FAMILY_NAMES);
    const pool = birthYear < 1975 ? MIDDLE_NAMES[sex].older : MIDDLE_NAMES[sex].younger;
    const middle = rng.weighted(pool);
    const second = rng.chance(0.1) ? rng.weighted(MIDDLE_NAMES[sex].younger) : undefined;
    const given = rng.pick(GIVEN_NAMES[sex]);
    if (second === middle || given === middle || given === second) continue;
    const name = [family, middle, second, given]
      .filter((x) => x !== undefined)
      .join(' ')
      .normalize('NFC');
    if (!EXCLUDED_NAMES.has(name)) return name;
  }
}
