import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { BOARD_MEMBER_ROLES, type BoardMemberRole, type IsoDate, ROLE_LABELS, ROLE_LABELS_BY_ORGANIZATION_KIND } from '@coso/domain';
import { Button, Flex, Form, Select } from 'antd';
import type { Language } from '../i18n/dictionary';
import { useMessages } from '../i18n/language';
import { boardsMessages } from '../i18n/messages/boards';
import { type MemberRow, nextRole } from './board-form-values';
import { itemStatus } from './field-status';
import type { FormMessages } from './form-messages';
import { type KnownPerson, PersonSelect } from './person-select';

/** "Trưởng ban", "Phó ban", "Ủy viên": what a management board calls its roles. */
export function boardRoleLabel(role: string, language: Language): string {
  const labels = ROLE_LABELS_BY_ORGANIZATION_KIND.MANAGEMENT_BOARD as Partial<Record<string, { vi: string; en: string }>>;
  const label = labels[role] ?? (ROLE_LABELS as Partial<Record<string, { vi: string; en: string }>>)[role];
  return label ? label[language] : role;
}

export interface MemberListEditorProps {
  /** The form list: `members` (establish) or `add` (consolidate). */
  listName: 'members' | 'add';
  messages: FormMessages;
  asOf: IsoDate;
  owners: readonly KnownPerson[];
  known: ReadonlyMap<string, KnownPerson>;
  onFound(people: readonly KnownPerson[]): void;
  addLabel: string;
}

/**
 * Rows of person + role, added and removed at will. Each row's fields are labelled with its
 * number ("Người — thành viên 2"), so a message about row 2 lands on row 2.
 */
export function MemberListEditor({ listName, messages, asOf, owners, known, onFound, addLabel }: MemberListEditorProps) {
  const { t, language } = useMessages(boardsMessages);
  const form = Form.useFormInstance();
  return (
    <Form.List name={listName}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => {
            const personLabel = t('boards.member.person', { n: index + 1 });
            const roleLabel = t('boards.member.role', { n: index + 1 });
            const personStatus = itemStatus(messages, [listName, index, 'personId']);
            const roleStatus = itemStatus(messages, [listName, index, 'role']);
            return (
              <Flex key={field.key} gap={8} align="start" data-testid={`${listName}-row`}>
                <Form.Item name={[field.name, 'personId']} style={{ flex: 3, marginBottom: 0 }} {...personStatus}>
                  <PersonSelect
                    label={personLabel}
                    asOf={asOf}
                    owners={owners}
                    known={known}
                    onFound={onFound}
                    {...(personStatus.validateStatus ? { status: 'error' as const } : {})}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'role']} style={{ flex: 1, marginBottom: 0 }} {...roleStatus}>
                  <Select<BoardMemberRole>
                    aria-label={roleLabel}
                    options={BOARD_MEMBER_ROLES.map((r) => ({ value: r, label: boardRoleLabel(r, language) }))}
                  />
                </Form.Item>
                <Button
                  aria-label={t('boards.member.remove', { n: index + 1 })}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            );
          })}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            style={{ alignSelf: 'start' }}
            onClick={() => {
              const rows = (form.getFieldValue(listName) as Array<MemberRow | undefined> | undefined) ?? [];
              // A new board fills its head and deputy first; members added to a board are usually members.
              add({ personId: null, role: listName === 'members' ? nextRole(rows) : 'MEMBER' } satisfies MemberRow);
            }}
          >
            {addLabel}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
