import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HomeOutlined,
  PartitionOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export const SECTION_ICONS: Record<string, ReactNode> = {
  dashboard: <DashboardOutlined />,
  units: <ApartmentOutlined />,
  explorer: <ClusterOutlined />,
  organizations: <BankOutlined />,
  people: <TeamOutlined />,
  buildings: <HomeOutlined />,
  boards: <SafetyCertificateOutlined />,
  'party-cells': <PartitionOutlined />,
  'directive-report': <FileTextOutlined />,
  findings: <AuditOutlined />,
  accounts: <UserOutlined />,
};
