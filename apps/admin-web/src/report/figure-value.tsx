import { Progress, Typography } from 'antd';
import { useI18n } from '../i18n/language';
import { figureText, percentOf, percentText } from './figure-format';

/** A figure's value ("222", "49/49") and, out of a denominator, its share as a bar. */
export function FigureValue({ value, denominator, testId }: { value: number; denominator: number | null; testId?: string }) {
  const { language } = useI18n();
  const percent = percentOf(value, denominator);
  return (
    <div style={{ minWidth: 120 }}>
      <Typography.Text strong style={{ fontSize: 16 }} data-testid={testId}>
        {figureText(value, denominator)}
      </Typography.Text>
      {percent !== null && <Progress percent={percent} size="small" format={(p) => percentText(p ?? 0, language)} style={{ margin: 0 }} />}
    </div>
  );
}
