import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Space, Spin, Typography } from 'antd';
import { useMessages } from '../i18n/language';
import { reportMessages } from '../i18n/messages/report';
import { type ExportFormat, type ExportParams, useReportExport } from './use-report-export';

const FORMAT_LABEL = { docx: 'report.export.docx', xlsx: 'report.export.xlsx' } as const;

/** Word and Excel exports of the report on screen, with progress and the saved file's name. */
export function ExportButtons({ params }: { params: ExportParams | null }) {
  const { t, language } = useMessages(reportMessages);
  const { state, run } = useReportExport(language);
  const busy = state.phase === 'preparing' || state.phase === 'downloading';
  const button = (format: ExportFormat, icon: React.ReactNode) => (
    <Button
      icon={icon}
      disabled={!params || (busy && state.format !== format)}
      loading={busy && state.format === format}
      onClick={() => {
        if (params) void run(format, params);
      }}
    >
      {t(FORMAT_LABEL[format])}
    </Button>
  );
  return (
    <Flex vertical gap={8}>
      <Space wrap>
        {button('docx', <FileWordOutlined />)}
        {button('xlsx', <FileExcelOutlined />)}
      </Space>
      <div aria-live="polite">
        {state.phase === 'preparing' && (
          <Space>
            <Spin size="small" />
            <Typography.Text type="secondary">{t('report.export.preparing')}</Typography.Text>
          </Space>
        )}
        {state.phase === 'downloading' && (
          <Flex vertical style={{ maxWidth: 360 }}>
            <Typography.Text type="secondary">{t('report.export.downloading', { kb: Math.ceil(state.received / 1024) })}</Typography.Text>
            {state.percent !== null && <Progress percent={state.percent} size="small" status="active" />}
          </Flex>
        )}
        {state.phase === 'done' && (
          <Typography.Text type="success" data-testid="export-done">
            {t('report.export.done', { name: state.fileName })}
          </Typography.Text>
        )}
        {state.phase === 'failed' && <Alert type="error" showIcon title={t('report.export.failedTitle')} description={state.message} />}
      </div>
    </Flex>
  );
}
