import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { AutoComplete, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/language';
import { useAsOf } from '../lists/use-as-of';
import { useDebouncedSearch } from '../lists/use-debounced-search';
import { GlobalSearchDocument } from './global-search-documents';
import { type SearchHit, searchGroups } from './search-results';

/** Fewer letters find too much to be useful. */
const MIN_LENGTH = 2;
/** Hits shown per kind. */
const PER_KIND = 5;

/**
 * The header's search box: people, places, buildings and bodies in one, as of the account's
 * default date (today, or its territory's last day). Arrow keys and Enter choose a result (the
 * combobox's own keyboard); each result is a link to the record's page.
 */
export function GlobalSearch({ width }: { width: number | string }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const { asOf } = useAsOf(null);
  const { typed, setTyped, search } = useDebouncedSearch();
  const [open, setOpen] = useState(false);
  const skip = search.length < MIN_LENGTH;
  const { data, previousData, loading, error } = useQuery(GlobalSearchDocument, {
    variables: { asOf, search, first: PER_KIND },
    skip,
    errorPolicy: 'all',
  });
  const answer = skip ? undefined : (data ?? previousData);
  const groups = answer ? searchGroups(answer, asOf, language) : [];

  const choose = (path: string) => {
    // Enter with no hit highlighted selects nothing: the text typed stays.
    if (!path) return;
    setOpen(false);
    setTyped('');
    navigate(path);
  };

  const link = (hit: SearchHit) => (
    <a
      href={hit.path}
      data-testid={`search-hit-${hit.kind}`}
      tabIndex={-1}
      // The option's own selection navigates; a modified click opens a new tab as links do.
      onClick={(e) => {
        if (!e.ctrlKey && !e.metaKey && !e.shiftKey) e.preventDefault();
      }}
    >
      <Typography.Text>{hit.title}</Typography.Text>
      {hit.detail && <Typography.Text type="secondary"> — {hit.detail}</Typography.Text>}
    </a>
  );

  const options = groups.map((group) => ({
    label: (
      <span data-testid={`search-group-${group.kind}`}>
        {t(`search.group.${group.kind}`)}
        {group.total > group.hits.length && (
          <Typography.Text type="secondary"> ({t('search.more', { shown: group.hits.length, total: group.total })})</Typography.Text>
        )}
      </span>
    ),
    options: group.hits.map((hit) => ({ value: hit.path, label: link(hit) })),
  }));

  const status = skip
    ? null
    : error && !answer
      ? t('search.error')
      : !loading && answer && groups.length === 0
        ? t('search.none', { text: search })
        : null;

  return (
    <AutoComplete
      value={typed}
      open={open && !skip}
      onOpenChange={setOpen}
      onFocus={() => setOpen(true)}
      onSearch={(text) => {
        setTyped(text);
        setOpen(true);
      }}
      onSelect={(path: string) => choose(path)}
      options={options}
      notFoundContent={status}
      // The server searches; every option it sent matches.
      filterOption={false}
      style={{ width }}
      popupMatchSelectWidth={typeof width === 'number' ? Math.max(width, 360) : true}
    >
      <Input
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        prefix={<SearchOutlined />}
        allowClear
      />
    </AutoComplete>
  );
}
