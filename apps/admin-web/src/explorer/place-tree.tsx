import { useApolloClient, useQuery } from '@apollo/client/react';
import { type IsoDate, UNIT_KIND_LABELS } from '@coso/domain';
import { Alert, Button, Empty, Flex, Spin, Tree, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { ExplorerChildrenQuery, UnitFilter } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { explorerMessages } from '../i18n/messages/explorer';
import { LoadErrorAlert } from '../lists/load-error-alert';
import { unitLabel } from '../lists/record-links';
import { detailPath } from '../records/use-detail-as-of';
import { ExplorerChildrenDocument, ExplorerRootsDocument } from './explorer-documents';
import { expandedKeysFor, type PlaceNode, placeNode, type TreeBuilding, type TreeUnit, withChildren } from './place-tree-data';

export interface PlaceTreeProps {
  asOf: IsoDate;
  /** Which places make the first level (the account's territory, or the provinces). */
  rootFilter: UnitFilter;
  selectedId: string | null;
  /** Ancestors of the selected place, nearest first: opened so the selection shows. */
  ancestorIds: readonly string[];
  onSelect(id: string): void;
}

/**
 * Places on a date as a tree, loaded a level at a time as the user opens it (a ward's groups are
 * only fetched when the ward is opened). Mount it with `key={asOf}`: a new date is a new tree.
 */
export function PlaceTree({ asOf, rootFilter, selectedId, ancestorIds, onSelect }: PlaceTreeProps) {
  const { t, language } = useMessages(explorerMessages);
  const client = useApolloClient();
  const roots = useQuery(ExplorerRootsDocument, { variables: { asOf, filter: rootFilter } });
  const rootNodes = (roots.data?.units.nodes ?? []).map(placeNode);
  const [tree, setTree] = useState<PlaceNode[] | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [failed, setFailed] = useState<{ key: string; name: string } | null>(null);

  // A newly selected place (from the address, an event) opens its ancestors, keeping what the user opened.
  const ancestorsKey = ancestorIds.join(' ');
  const [openedFor, setOpenedFor] = useState(ancestorsKey);
  if (ancestorsKey !== openedFor) {
    setOpenedFor(ancestorsKey);
    if (expanded) setExpanded([...new Set([...expanded, ...ancestorIds])]);
  }

  const loadChildren = useCallback(
    async (key: string, name: string) => {
      try {
        const children: TreeUnit[] = [];
        const buildings: TreeBuilding[] = [];
        let after: string | null = null;
        do {
          const answer: ExplorerChildrenQuery | undefined = (
            await client.query({ query: ExplorerChildrenDocument, variables: { id: key, asOf, after } })
          ).data;
          const node: ExplorerChildrenQuery['node'] | undefined = answer?.node;
          if (node?.__typename !== 'AdministrativeUnit') break;
          children.push(...node.children.nodes);
          // The buildings come whole with the first page of places (a group has no places below it).
          if (!after) buildings.push(...node.buildings.nodes);
          after = node.children.pageInfo.hasNextPage ? (node.children.pageInfo.endCursor ?? null) : null;
        } while (after);
        setTree((previous) => withChildren(previous ?? (roots.data?.units.nodes ?? []).map(placeNode), key, children, buildings));
        setFailed((f) => (f?.key === key ? null : f));
      } catch {
        // Shown with a retry; the promise resolves so the tree does not retry by itself.
        setFailed({ key, name });
      }
    },
    [client, asOf, roots.data],
  );

  if (roots.error && !roots.data) {
    return <LoadErrorAlert title={t('explorer.tree.loadError')} error={roots.error} onRetry={() => void roots.refetch()} />;
  }
  if (!roots.data) {
    return (
      <Flex justify="center" style={{ padding: 24 }}>
        <Spin description={t('common.loading')} />
      </Flex>
    );
  }
  if (rootNodes.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('explorer.tree.empty')} />;
  }

  const kindText = (unit: TreeUnit) =>
    language === 'vi' ? (unit.kindLabel ?? UNIT_KIND_LABELS[unit.kind].vi) : UNIT_KIND_LABELS[unit.kind].en;

  return (
    <Flex vertical gap={8} data-testid="explorer-tree">
      {failed && (
        <Alert
          type="error"
          showIcon
          title={t('explorer.tree.childrenError', { name: failed.name })}
          action={
            <Button size="small" onClick={() => void loadChildren(failed.key, failed.name)}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      <Tree<PlaceNode>
        aria-label={t('explorer.tree.label')}
        blockNode
        showLine
        treeData={tree ?? rootNodes}
        expandedKeys={expanded ?? expandedKeysFor(rootNodes, ancestorIds)}
        onExpand={(keys) => setExpanded(keys.map(String))}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(_keys, { node }) => {
          if (node.type === 'unit') onSelect(node.key);
        }}
        loadData={(node) => (node.type === 'unit' ? loadChildren(node.key, node.unit.name) : Promise.resolve())}
        titleRender={(node) =>
          node.type === 'building' ? (
            <span data-building-id={node.building.id}>
              <Typography.Text type="secondary">{t('explorer.tree.building')} </Typography.Text>
              <Link to={detailPath('buildings', node.building.id, asOf)}>{node.building.name}</Link>
              {!node.building.board && <Typography.Text type="warning"> · {t('explorer.tree.noBoard')}</Typography.Text>}
            </span>
          ) : node.type === 'board' ? (
            <span data-board-id={node.board.id}>
              <Link to={detailPath('organizations', node.board.id, asOf)}>{node.board.name}</Link>
            </span>
          ) : (
            <span data-unit-id={node.unit.id}>
              {unitLabel({ kindLabel: kindText(node.unit), name: node.unit.name }) !== node.unit.name && (
                <Typography.Text type="secondary">{kindText(node.unit)} </Typography.Text>
              )}
              <Typography.Text>{node.unit.name}</Typography.Text>
              {node.unit.code && <Typography.Text type="secondary"> · {node.unit.code}</Typography.Text>}
              {node.unit.children.totalCount > 0 && (
                <Typography.Text type="secondary">
                  {' '}
                  ({t('explorer.tree.childCount', { count: node.unit.children.totalCount })})
                </Typography.Text>
              )}
            </span>
          )
        }
      />
    </Flex>
  );
}
