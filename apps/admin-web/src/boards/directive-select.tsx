import { useQuery } from '@apollo/client/react';
import { formatViDate } from '@coso/domain';
import { type FormInstance, Select } from 'antd';
import { useEffect } from 'react';
import { useMessages } from '../i18n/language';
import { boardsMessages } from '../i18n/messages/boards';

import { BoardDirectivesDocument } from './board-documents';

/** The directive board work counts for by default: Directive 05-TT/QU of the Long Biên district committee. */
export const DEFAULT_DIRECTIVE_CODE = '05-TT/QU';

/** The directives, and the id of the 05-TT/QU one (undefined until loaded, or when there is none). */
export function useDirectives() {
  const { data, loading, error } = useQuery(BoardDirectivesDocument);
  const directives = data?.directives.nodes ?? [];
  const defaultId = directives.find((d) => d.code.includes(DEFAULT_DIRECTIVE_CODE))?.id;
  return { directives, defaultId, loading, error };
}

/** Sets a board form's `directiveId` to 05-TT/QU once the list is loaded, unless it was set (the user may clear it). */
export function useDefaultDirective(form: FormInstance) {
  const { defaultId } = useDirectives();
  useEffect(() => {
    if (defaultId && form.getFieldValue('directiveId') === undefined) form.setFieldValue('directiveId', defaultId);
  }, [defaultId, form]);
}

export interface DirectiveSelectProps {
  id?: string;
  value?: string | null;
  onChange?(value: string | null): void;
  status?: 'error';
}

/** Which directive the establishment or consolidation counts for (the review report counts it). */
export function DirectiveSelect({ id, value, onChange, status }: DirectiveSelectProps) {
  const { t } = useMessages(boardsMessages);
  const { directives, loading } = useDirectives();
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      allowClear
      loading={loading}
      status={status}
      placeholder={t('boards.field.noDirective')}
      options={directives.map((d) => ({
        value: d.id,
        label: `${d.code} (${formatViDate(d.issuedOn)}) — ${d.title}`,
        title: d.code,
      }))}
    />
  );
}
