import { Typography } from 'antd';
import { figureText } from '../report/figure-format';
import { chartMax, type WardRow } from './ward-table';

const BAR = '#1677ff';
const TRACK = '#e6f4ff';
const EMPTY = '#f0f0f0';
const ROW = { display: 'grid', gridTemplateColumns: '160px 1fr 72px', columnGap: 12, alignItems: 'center' } as const;

/**
 * A horizontal bar per ward for one figure: the value over its denominator (the track) when it
 * has one, else over the largest ward's value. Plain SVG bars in an HTML grid: names and numbers
 * stay text (readable, searchable, translatable), and no chart library is loaded for a bar.
 */
export function WardBars({ rows, figureKey, label }: { rows: readonly WardRow[]; figureKey: string; label: string }) {
  const max = chartMax(rows.map((r) => r.cells[figureKey]));
  return (
    <figure aria-label={label} style={{ margin: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
      {rows.map((row) => {
        const cell = row.cells[figureKey];
        if (!cell) return null;
        // Out of a denominator the track is the denominator (grey when there is nothing to do).
        const trackWidth = cell.denominator === null || cell.denominator === 0 ? 100 : (cell.denominator * 100) / max;
        const trackColor = cell.denominator === 0 ? EMPTY : TRACK;
        return (
          <div key={row.wardId ?? row.wardName} style={ROW} data-testid="ward-bar">
            <Typography.Text ellipsis>{row.wardName}</Typography.Text>
            <svg width="100%" height="14" aria-hidden="true">
              <rect x="0" y="0" width={`${trackWidth}%`} height="14" rx="3" fill={trackColor} />
              <rect x="0" y="0" width={`${(cell.value * 100) / max}%`} height="14" rx="3" fill={BAR} />
            </svg>
            <Typography.Text strong style={{ textAlign: 'right' }}>
              {figureText(cell.value, cell.denominator)}
            </Typography.Text>
          </div>
        );
      })}
    </figure>
  );
}
