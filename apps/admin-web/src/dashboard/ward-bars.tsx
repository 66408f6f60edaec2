import { Typography } from 'antd';
import { useMessages } from '../i18n/language';
import { dashboardMessages } from '../i18n/messages/dashboard';
import { figureText } from '../report/figure-format';
import { barOf, chartMax, type WardRow } from './ward-table';

const BAR = '#1677ff';
const TRACK = '#e6f4ff';
const ROW = { display: 'grid', gridTemplateColumns: 'minmax(96px, 160px) 1fr 72px', columnGap: 12, alignItems: 'center' } as const;

/**
 * A horizontal bar per ward for one figure: the share done when it counts out of a denominator
 * (every ward's track is the same length, so 3/3 and 7/7 are both full), else the count next to the
 * largest ward's; 0 of 0 says "not applicable" instead of a bar. Plain SVG bars in an HTML grid:
 * names and numbers stay text (readable, searchable, translatable), and no chart library is loaded.
 */
export function WardBars({ rows, figureKey, label }: { rows: readonly WardRow[]; figureKey: string; label: string }) {
  const { t } = useMessages(dashboardMessages);
  const max = chartMax(rows.map((r) => r.cells[figureKey]));
  return (
    <figure aria-label={label} style={{ margin: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
      {rows.map((row) => {
        const cell = row.cells[figureKey];
        if (!cell) return null;
        const bar = barOf(cell, max);
        return (
          <div key={row.wardId ?? row.wardName} style={ROW} data-testid="ward-bar">
            <Typography.Text ellipsis>{row.wardName}</Typography.Text>
            {bar.kind === 'share' ? (
              <svg width="100%" height="14" aria-hidden="true" data-share={bar.share}>
                <rect x="0" y="0" width="100%" height="14" rx="3" fill={TRACK} />
                <rect x="0" y="0" width={`${bar.share * 100}%`} height="14" rx="3" fill={BAR} />
              </svg>
            ) : (
              <Typography.Text type="secondary" italic data-testid="ward-bar-not-applicable">
                {t('dashboard.notApplicable')}
              </Typography.Text>
            )}
            <Typography.Text strong style={{ textAlign: 'right' }}>
              {figureText(cell.value, cell.denominator)}
            </Typography.Text>
          </div>
        );
      })}
    </figure>
  );
}
