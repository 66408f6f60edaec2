import {
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileTextOutlined,
  ImportOutlined,
  PartitionOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** The icons of the sections in sections.ts (registry lists bring their own). */
export const SECTION_ICONS: Record<string, ReactNode> = {
  dashboard: <DashboardOutlined />,
  explorer: <ClusterOutlined />,
  organizations: <BankOutlined />,
  people: <TeamOutlined />,
  boards: <SafetyCertificateOutlined />,
  'party-cells': <PartitionOutlined />,
  'directive-report': <FileTextOutlined />,
  findings: <AuditOutlined />,
  imports: <ImportOutlined />,
  accounts: <UserOutlined />,
};
