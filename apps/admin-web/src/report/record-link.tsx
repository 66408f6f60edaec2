import type { IsoDate } from '@coso/domain';
import { Typography } from 'antd';
import { Link } from 'react-router';
import type { KeysOf } from '../i18n/dictionary';
import { useMessages } from '../i18n/language';
import { reportMessages } from '../i18n/messages/report';
import { recordPathOrNull } from '../lists/record-links';

const TYPE_LABELS: Readonly<Record<string, KeysOf<typeof reportMessages>>> = {
  AdministrativeUnit: 'report.recordType.AdministrativeUnit',
  ApartmentBuilding: 'report.recordType.ApartmentBuilding',
  Organization: 'report.recordType.Organization',
  Person: 'report.recordType.Person',
  Presentation: 'report.recordType.Presentation',
  Commendation: 'report.recordType.Commendation',
  Petition: 'report.recordType.Petition',
  Directive: 'report.recordType.Directive',
};

/** A record's kind in words ("Người", "Tổ chức"…), the type name for one not listed. */
export function useRecordTypeLabel(): (type: string) => string {
  const { t } = useMessages(reportMessages);
  return (type) => {
    const key = TYPE_LABELS[type];
    return key ? t(key) : type;
  };
}

/** A record's name, linked to its detail page (as of the report's date) when its type has one. */
export function RecordLink({ type, id, name, asOf }: { type: string; id: string; name: string; asOf?: IsoDate }) {
  const path = recordPathOrNull(type, id, asOf);
  return path ? <Link to={path}>{name}</Link> : <Typography.Text>{name}</Typography.Text>;
}
