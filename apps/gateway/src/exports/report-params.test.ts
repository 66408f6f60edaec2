import { describe, expect, it } from 'vitest';
import { parseReportParams } from './report-params.js';

describe('export parameters', () => {
  it('quotes a bad value back cut short, not whole', () => {
    const long = 'x'.repeat(5_000);
    const result = parseReportParams({ directiveId: long, scopeId: long, to: long });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const v of result.violations) {
      expect(v.message.vi.length).toBeLessThan(200);
      expect(v.message.en.length).toBeLessThan(200);
    }
    expect(result.violations.map((v) => v.path[0])).toEqual(['directiveId', 'scopeId', 'to']);
  });
});
