import { InfoCircleOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, type TableProps, Tooltip, Typography } from 'antd';
import { useMessages } from '../i18n/language';
import { reportMessages } from '../i18n/messages/report';
import { FigureValue } from './figure-value';
import type { DrillDown } from './records-drawer';
import type { ReportFigure, WardFigure } from './report-types';

/**
 * Every figure of the report: label (its definition behind the icon), value out of its
 * denominator, and the records it counts; a row opens onto the figure's per-ward breakdown.
 */
export function FiguresTable({ figures, onDrill }: { figures: ReportFigure[]; onDrill(drill: DrillDown): void }) {
  const { t, language } = useMessages(reportMessages);
  const columns: TableProps<ReportFigure>['columns'] = [
    { title: '#', width: 48, render: (_: unknown, __, index) => index + 1 },
    {
      title: t('report.figure.label'),
      dataIndex: 'key',
      render: (_: unknown, f) => (
        <Flex gap={6} align="baseline">
          <Typography.Text>{f.label[language]}</Typography.Text>
          <Tooltip title={f.definition[language]}>
            <InfoCircleOutlined aria-label={t('report.figure.definition')} style={{ color: 'rgba(0,0,0,0.45)' }} />
          </Tooltip>
        </Flex>
      ),
    },
    {
      title: t('report.figure.value'),
      dataIndex: 'value',
      width: 180,
      render: (_: unknown, f) => <FigureValue value={f.value} denominator={f.denominator} testId={`figure-${f.key}`} />,
    },
    {
      title: t('report.figure.records'),
      width: 150,
      render: (_: unknown, f) => (
        <Button
          size="small"
          icon={<UnorderedListOutlined />}
          aria-label={t('report.figure.recordsOf', { label: f.label[language] })}
          onClick={() => onDrill({ key: f.key, label: f.label[language] })}
        >
          {t('report.figure.list')}
        </Button>
      ),
    },
  ];
  return (
    <Table<ReportFigure>
      rowKey="key"
      size="middle"
      columns={columns}
      dataSource={figures}
      pagination={false}
      expandable={{
        expandedRowRender: (f) => <WardBreakdown figure={f} onDrill={onDrill} />,
        expandRowByClick: false,
        columnTitle: <Tooltip title={t('report.byWardHint')}>{t('report.byWardShort')}</Tooltip>,
      }}
    />
  );
}

function WardBreakdown({ figure, onDrill }: { figure: ReportFigure; onDrill(drill: DrillDown): void }) {
  const { t, language } = useMessages(reportMessages);
  const label = figure.label[language];
  return (
    <Flex vertical gap={8} style={{ padding: '4px 8px' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        <strong>{t('report.figure.definition')}:</strong> {figure.definition[language]}
        {!figure.byWardAdditive && ` ${t('report.notAdditive')}`}
      </Typography.Paragraph>
      {figure.byWardWithheld && <Alert type="info" showIcon title={t('report.byWardWithheld')} />}
      <Table<WardFigure>
        rowKey={(w) => w.wardId ?? `none:${w.wardName}`}
        size="small"
        pagination={false}
        dataSource={figure.byWard}
        aria-label={t('report.byWardOf', { label })}
        columns={[
          { title: t('report.ward'), dataIndex: 'wardName' },
          {
            title: t('report.figure.value'),
            dataIndex: 'value',
            width: 200,
            render: (_: unknown, w) => <FigureValue value={w.value} denominator={w.denominator} />,
          },
          {
            title: t('report.figure.records'),
            width: 150,
            render: (_: unknown, w) =>
              w.value > 0 ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => onDrill({ key: figure.key, label, ward: { wardId: w.wardId, wardName: w.wardName } })}
                >
                  {t('report.figure.list')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Flex>
  );
}
