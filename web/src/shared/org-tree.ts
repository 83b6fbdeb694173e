import type { OrgUnit, OrgUnitKind } from './org-units.api.ts';

export type OrgUnitNode = OrgUnit & { children?: OrgUnitNode[] };

const kindOrder: Record<OrgUnitKind, number> = { city: 0, branch: 1, department: 2 };

// The API lists units flat; the page shows a tree. Roots are units without a (visible) parent.
// Siblings: branches before departments, then by code, so the order is stable.
export function buildOrgTree(units: readonly OrgUnit[]): OrgUnitNode[] {
  const nodes = new Map<number, OrgUnitNode>(units.map((unit) => [unit.id, { ...unit }]));
  const roots: OrgUnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) {
      parent.children ??= [];
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const sortLevel = (level: OrgUnitNode[]) => {
    level.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.code.localeCompare(b.code) || a.id - b.id);
    for (const node of level) if (node.children) sortLevel(node.children);
  };
  sortLevel(roots);
  return roots;
}

// Ids of every unit that has children (for "expand all").
export function parentIds(nodes: readonly OrgUnitNode[]): number[] {
  return nodes.flatMap((node) => (node.children ? [node.id, ...parentIds(node.children)] : []));
}

// The kinds a new unit may have under a parent of this kind.
export const childKindsOf: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  city: ['branch', 'department'],
  branch: ['department'],
  department: ['department'],
};

export type OrgTreeSelectNode = { value: number; title: string; children?: OrgTreeSelectNode[] };

// The shape antd's TreeSelect wants.
export function toTreeSelectData(nodes: readonly OrgUnitNode[]): OrgTreeSelectNode[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    children: node.children ? toTreeSelectData(node.children) : undefined,
  }));
}
