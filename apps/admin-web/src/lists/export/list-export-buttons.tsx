import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Spin, Typography } from 'antd';
import { useMessages } from '../../i18n/language';
import { listExportMessages } from '../../i18n/messages/list-export';
import type { ListExportFormat, ListExportRequest } from './list-export';
import { useListExport } from './use-list-export';

/** "Xuất Excel" and "Xuất CSV" of the list on screen (its filters, order and date), one component for every list page. */
export function ListExportButtons({ request }: { request: ListExportRequest }) {
  const { t, language } = useMessages(listExportMessages);
  const { state, run } = useListExport(language);
  const busy = state.phase === 'preparing' || state.phase === 'downloading';
  const button = (format: ListExportFormat, icon: React.ReactNode) => (
    <Button
      icon={icon}
      data-testid={`list-export-${format}`}
      disabled={busy && state.format !== format}
      loading={busy && state.format === format}
      onClick={() => void run(format, request)}
    >
      {t(`listExport.${format}`)}
    </Button>
  );
  return (
    <Flex vertical gap={4} align="flex-end">
      <Space wrap>
        {button('xlsx', <FileExcelOutlined />)}
        {button('csv', <FileTextOutlined />)}
      </Space>
      <div aria-live="polite">
        {state.phase === 'preparing' && (
          <Space>
            <Spin size="small" />
            <Typography.Text type="secondary">{t('listExport.preparing')}</Typography.Text>
          </Space>
        )}
        {state.phase === 'downloading' && (
          <Typography.Text type="secondary">{t('listExport.downloading', { kb: Math.ceil(state.received / 1024) })}</Typography.Text>
        )}
        {state.phase === 'done' && (
          <Typography.Text type="success" data-testid="list-export-done">
            {t('listExport.done', { name: state.fileName })}
          </Typography.Text>
        )}
        {state.phase === 'failed' && <Alert type="error" showIcon title={t('listExport.failedTitle')} description={state.message} />}
      </div>
    </Flex>
  );
}
