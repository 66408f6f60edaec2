import { Button, Flex, InputNumber, Select, Table, Typography } from 'antd';
import { useMessages } from '../i18n/language';
import { importMessages } from '../i18n/messages/imports';
import { type ColumnChoice, columnChoices, columnLetter, headersInUse } from './column-choices';

export interface PreviewColumn {
  key: string;
  required: boolean;
  header: number | null;
  label: { vi: string; en: string };
}

/**
 * The workbook's sheet (when it has several; the server reads the first that matches the kind
 * until one is chosen), the header row (a spreadsheet row number; empty: found by the server) and,
 * per template column, the file's column it is read from. A change is sent as the whole matching
 * (the server's, with it).
 */
export function ColumnMatching(props: {
  sheets: readonly string[];
  sheet: string;
  onSheet(sheet: string): void;
  headerRow: number | null;
  headers: readonly string[];
  columns: readonly PreviewColumn[];
  onHeaderRow(row: number | null): void;
  onColumns(choices: ColumnChoice[] | null): void;
}) {
  const { t, language } = useMessages(importMessages);
  const used = headersInUse(columnChoices(props.columns, {}));
  const labelOf = (key: string) => props.columns.find((c) => c.key === key)?.label[language] ?? key;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        {props.sheets.length > 1 && (
          <>
            <label htmlFor="import-sheet">{t('imports.sheet.sheet')}</label>
            <Select<string>
              id="import-sheet"
              data-testid="import-sheet"
              style={{ minWidth: 200 }}
              value={props.sheet}
              options={props.sheets.map((name) => ({ value: name, label: name }))}
              onChange={(name) => props.onSheet(name)}
            />
          </>
        )}
        <label htmlFor="import-header-row">{t('imports.sheet.headerRow')}</label>
        <InputNumber<number>
          id="import-header-row"
          min={1}
          value={props.headerRow === null ? null : props.headerRow + 1}
          placeholder={t('imports.sheet.headerRowAuto')}
          onChange={(value) => props.onHeaderRow(typeof value === 'number' ? value - 1 : null)}
        />
        <Button onClick={() => props.onColumns(null)}>{t('imports.sheet.reset')}</Button>
      </Flex>
      <Table<PreviewColumn>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...props.columns]}
        columns={[
          {
            key: 'column',
            title: t('imports.sheet.column'),
            render: (_: unknown, c) => (
              <label htmlFor={`import-column-${c.key}`}>
                {c.label[language]}
                {c.required && <Typography.Text type="danger"> *</Typography.Text>}
              </label>
            ),
          },
          {
            key: 'header',
            title: t('imports.sheet.header'),
            render: (_: unknown, c) => {
              const others = (c.header === null ? [] : (used.get(c.header) ?? [])).filter((k) => k !== c.key);
              return (
                <Flex vertical>
                  <Select<number | -1>
                    id={`import-column-${c.key}`}
                    style={{ width: 260, maxWidth: '70vw' }}
                    value={c.header ?? -1}
                    onChange={(value) => props.onColumns(columnChoices(props.columns, { [c.key]: value === -1 ? null : value }))}
                    options={[
                      { value: -1, label: t('imports.sheet.none') },
                      ...props.headers.map((h, i) => ({ value: i, label: `${columnLetter(i)}: ${h || '—'}` })),
                    ]}
                  />
                  {others.length > 0 && (
                    <Typography.Text type="warning">
                      {t('imports.sheet.alsoUsed', { columns: others.map(labelOf).join(', ') })}
                    </Typography.Text>
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
    </Flex>
  );
}
