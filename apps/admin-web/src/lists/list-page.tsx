import { Alert, Empty, Flex, Form, Table, type TableProps, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/language';
import type { ListExportRequest } from './export/list-export';
import { ListExportButtons } from './export/list-export-buttons';
import { ListPager, type ListPagerProps } from './list-pager';
import { LoadErrorAlert } from './load-error-alert';

export interface ListPageProps<Row extends { id: string }> {
  title: ReactNode;
  /** Buttons beside the title (e.g. "Thêm người"), shown only to the roles that may use them. */
  actions?: ReactNode;
  /** The list on screen as the export sends it: "Xuất Excel" / "Xuất CSV" beside the title. */
  exportRequest?: ListExportRequest;
  /** The filters: <Form.Item>s laid out inline. */
  filters: ReactNode;
  /** Notices between the filters and the table (e.g. the territory has ended). */
  notice?: ReactNode;
  loading: boolean;
  /** A failed load; `onlyForbidden`: only some related fields lay outside the territory (the rows are still shown). */
  error: unknown;
  onlyForbidden: boolean;
  errorTitle: string;
  onRetry(): void;
  columns: TableProps<Row>['columns'];
  rows: readonly Row[];
  emptyText: ReactNode;
  /** A click on a sortable column header (columns' keys are the API's order fields). */
  onSort?(sorter: SorterResult<Row> | SorterResult<Row>[]): void;
  pager: ListPagerProps;
}

/**
 * The frame of every list page: title and actions, inline filters, notices, partial-data and
 * load-error alerts (with retry), the table (loading and empty states) and the pager.
 */
export function ListPage<Row extends { id: string }>(props: ListPageProps<Row>) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        <Flex align="flex-start" gap={12} wrap>
          {props.actions}
          {props.exportRequest && <ListExportButtons request={props.exportRequest} />}
        </Flex>
      </Flex>

      <Form layout="inline" style={{ rowGap: 12 }} onSubmitCapture={(e) => e.preventDefault()}>
        {props.filters}
      </Form>

      {props.notice}
      {props.onlyForbidden && <Alert type="warning" showIcon title={t('lists.partialData')} />}
      {props.error !== undefined && !props.onlyForbidden && (
        <LoadErrorAlert title={props.errorTitle} error={props.error} onRetry={props.onRetry} />
      )}

      <Table<Row>
        rowKey="id"
        size="middle"
        columns={props.columns}
        dataSource={props.rows}
        loading={props.loading}
        pagination={false}
        onChange={(_pagination, _filters, sorter) => props.onSort?.(sorter)}
        locale={{
          emptyText: props.loading ? t('common.loading') : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} />,
        }}
      />

      <ListPager {...props.pager} />
    </Flex>
  );
}
