import { describe, expect, it } from 'vitest';
import { fieldErrors } from './violations';

const v = (path: Array<string | number>, vi: string, code = 'X') => ({ code, path, message: { vi, en: `${vi} (en)` } });

describe('fieldErrors', () => {
  it('puts server violations on the form fields they name, with indices as numbers', () => {
    const result = fieldErrors([v(['members', '2', 'role'], 'Vai trò sai'), v(['validFrom'], 'Ngày sai')], 'vi');
    expect(result.fields).toEqual([
      { name: ['members', 2, 'role'], errors: ['Vai trò sai'] },
      { name: ['validFrom'], errors: ['Ngày sai'] },
    ]);
    expect(result.general).toEqual([]);
  });

  it('sends whole-input violations and fields the form does not show to the general list, once each', () => {
    const result = fieldErrors([v([], 'Cần ít nhất một thay đổi'), v(['hidden'], 'Ẩn'), v(['hidden'], 'Ẩn')], 'en', (path) =>
      path[0] === 'hidden' ? null : path.length ? path : null,
    );
    expect(result.fields).toEqual([]);
    expect(result.general).toEqual(['Cần ít nhất một thay đổi (en)', 'Ẩn (en)']);
  });

  it('gathers several messages on one field', () => {
    const result = fieldErrors([v(['members'], 'Thiếu trưởng ban'), v(['members'], 'Ít hơn 3 thành viên')], 'vi');
    expect(result.fields).toEqual([{ name: ['members'], errors: ['Thiếu trưởng ban', 'Ít hơn 3 thành viên'] }]);
  });
});
