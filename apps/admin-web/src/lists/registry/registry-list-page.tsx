import { useQuery } from '@apollo/client/react';
import { formatViDate, unitDisplayName } from '@coso/domain';
import { Alert, Form } from 'antd';
import { useParams } from 'react-router';
import { useI18n } from '../../i18n/language';
import { NotFoundPage } from '../../pages/not-found-page';
import { useSignedInUser } from '../../session/session';
import { AsOfPicker } from '../as-of-picker';
import { ListPage } from '../list-page';
import { cursorPager } from '../list-pager';
import { forbiddenParts } from '../partial-errors';
import { useAsOf } from '../use-as-of';
import { pageSizeFromParam, useCursorPages } from '../use-cursor-pages';
import { useListParams } from '../use-list-params';
import { sortChange, sortFromParams } from '../use-sort';
import { connectionOf, declaredVariables, type ListEntry, type ListRow } from './list-entry';
import { listEntryAt } from './list-registry';
import { tableColumns } from './registry-columns';
import { FilterControl, filterFromParams, filterParam, filterWords } from './registry-filters';

/** The `:list` route: the registry's list at that path, or "page not found". */
export function RegistryListRoute() {
  const { list } = useParams();
  const entry = listEntryAt(list);
  // Keyed by path: another list starts afresh (its own pages, search box and order).
  return entry ? <RegistryListPage key={entry.path} entry={entry} /> : <NotFoundPage />;
}

/**
 * Any registry entry as a list page on a date: its filters, the as-of date, order and page size in
 * the address (?q=&…&asOf=&sort=&dir=&size=), cursor pages, the server's order (Vietnamese
 * collation), related fields outside the territory shown as such, empty/error/loading states.
 */
function RegistryListPage({ entry }: { entry: ListEntry }) {
  const { t, language } = useI18n();
  const user = useSignedInUser();
  const { params, update } = useListParams();
  const { asOf, fallback, today } = useAsOf(params.get('asOf'));
  const orderFields = entry.columns.flatMap((column) => (column.sort ? [column.sort] : []));
  const declared = declaredVariables(entry.document);
  const size = pageSizeFromParam(params.get('size'));
  const sort = entry.defaultSort && sortFromParams(params, orderFields, entry.defaultSort);
  const filter = filterFromParams(entry.filters, params);
  const pages = useCursorPages(JSON.stringify([entry.filters.map((f) => params.get(filterParam(f))), asOf, size, sort]));

  // errorPolicy 'all': a row whose related record lies outside the account's territory comes
  // with a FORBIDDEN error on that field, and the rest of the list is still worth showing.
  const variables = {
    asOf,
    first: size,
    after: pages.after,
    ...(declared.has('filter') && { filter }),
    ...(declared.has('orderBy') && sort && { orderBy: [sort] }),
  };
  const { data, previousData, loading, error, refetch } = useQuery(entry.document, { variables, errorPolicy: 'all' });
  const shown = connectionOf(data ?? previousData, entry.list);
  const answered = connectionOf(data, entry.list);
  const { paths: forbidden, onlyForbidden } = forbiddenParts(error, data !== undefined);

  const scope = user.scopeUnit;
  const scopeEnded = scope?.validTo != null && scope.validTo <= today ? scope.validTo : null;
  const { words } = entry;

  return (
    <ListPage<ListRow>
      title={words.title[language]}
      exportRequest={{ document: entry.document, variables, title: words.title.vi, filters: filterWords(entry.filters, params) }}
      filters={
        <>
          {entry.filters.map((f) => (
            <FilterControl
              key={filterParam(f)}
              filter={f}
              path={entry.path}
              params={params}
              asOf={asOf}
              language={language}
              update={update}
            />
          ))}
          <Form.Item label={t('lists.asOf')} htmlFor={`${entry.path}-as-of`}>
            <AsOfPicker id={`${entry.path}-as-of`} value={asOf} onChange={(date) => update({ asOf: date })} />
          </Form.Item>
        </>
      }
      notice={
        scope &&
        scopeEnded && (
          <Alert
            type={asOf >= scopeEnded ? 'warning' : 'info'}
            showIcon
            title={
              asOf >= scopeEnded
                ? t('lists.afterScopeEnded', { asOf: formatViDate(asOf), name: unitDisplayName(scope), ended: formatViDate(scopeEnded) })
                : t('lists.scopeEnded', { name: unitDisplayName(scope), ended: formatViDate(scopeEnded), lastDay: formatViDate(fallback) })
            }
          />
        )
      }
      loading={loading}
      error={error}
      onlyForbidden={onlyForbidden}
      errorTitle={words.loadError[language]}
      onRetry={() => void refetch()}
      columns={tableColumns(entry.columns, { asOf, language, user, t, list: entry.list, forbidden, sort })}
      rows={shown?.nodes ?? []}
      emptyText={words.empty[language]}
      onSort={(sorter) => update(sortChange(sorter, orderFields))}
      pager={cursorPager({
        testId: `${entry.path}-total`,
        totalText: (count) => words.total[language].replace('{count}', String(count)),
        shown,
        answered,
        loading,
        pages,
        size,
        update,
      })}
    />
  );
}
