import { Button, Flex, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/language';
import { PAGE_SIZES, type PageSize, type useCursorPages } from './use-cursor-pages';
import type { ParamChanges } from './use-list-params';

export interface ListPagerProps {
  /** "14 đơn vị": the list's own words for its total; empty while nothing is loaded. */
  totalText: ReactNode;
  totalCount: number | undefined;
  page: number;
  size: PageSize;
  /** The next page's cursor, when there is one. */
  nextCursor: string | null | undefined;
  loading: boolean;
  onPrevious(): void;
  onNext(cursor: string): void;
  onSize(size: PageSize): void;
  /** data-testid of the total, for tests and screen readers' landmarks. */
  testId?: string;
}

/** Total, previous/next page, "page i of n" and the page size under every list. */
export function ListPager(props: ListPagerProps) {
  const { t } = useI18n();
  const { totalCount, page, size, nextCursor, loading } = props;
  const pages = totalCount === undefined ? 1 : Math.max(1, Math.ceil(totalCount / size));
  return (
    <Flex align="center" justify="space-between" wrap gap={12}>
      <Typography.Text data-testid={props.testId}>{props.totalText}</Typography.Text>
      <Flex align="center" gap={8} wrap>
        <Button disabled={page <= 1 || loading} onClick={props.onPrevious}>
          {t('pager.previous')}
        </Button>
        <Typography.Text>{t('pager.page', { page, pages })}</Typography.Text>
        <Button
          disabled={!nextCursor || loading}
          onClick={() => {
            if (nextCursor) props.onNext(nextCursor);
          }}
        >
          {t('pager.next')}
        </Button>
        <Select<PageSize>
          aria-label={t('pager.pageSize', { size })}
          value={size}
          style={{ width: 150 }}
          onChange={props.onSize}
          options={PAGE_SIZES.map((s) => ({ value: s, label: t('pager.pageSize', { size: s }) }))}
        />
      </Flex>
    </Flex>
  );
}

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * A list page's pager from its connection: `shown` is the connection on screen (the previous
 * answer while the next loads), `answered` this request's own (no next page until it has come);
 * the page size lives in the address (`size`, absent for the first size).
 */
export function cursorPager(args: {
  testId: string;
  totalText(count: number): ReactNode;
  shown: Connection | undefined;
  answered: Connection | undefined;
  loading: boolean;
  pages: ReturnType<typeof useCursorPages>;
  size: PageSize;
  update(changes: ParamChanges): void;
}): ListPagerProps {
  const { shown, answered, pages, update } = args;
  return {
    testId: args.testId,
    totalText: shown ? args.totalText(shown.totalCount) : '',
    totalCount: shown?.totalCount,
    page: pages.page,
    size: args.size,
    nextCursor: answered?.pageInfo.hasNextPage ? answered.pageInfo.endCursor : null,
    loading: args.loading,
    onPrevious: pages.previous,
    onNext: pages.next,
    onSize: (value) => update({ size: value === PAGE_SIZES[0] ? null : String(value) }),
  };
}
