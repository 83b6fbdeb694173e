import { describe, expect, it } from 'vitest';
import { buildOrgTree, parentIds } from './org-tree.ts';
import type { OrgUnit } from './org-units.api.ts';

const unit = (id: number, parentId: number | null, kind: OrgUnit['kind'], code: string): OrgUnit => ({
  id,
  parentId,
  kind,
  code,
  name: `unit ${id}`,
  path: '',
});

describe(buildOrgTree.name, () => {
  it('nests the flat list under the city company, branches before departments, then by code', () => {
    const tree = buildOrgTree([
      unit(5, 2, 'department', 'B1-D1'),
      unit(3, 1, 'department', 'D-01'),
      unit(2, 1, 'branch', 'B-02'),
      unit(4, 1, 'branch', 'B-01'),
      unit(1, null, 'city', 'C'),
    ]);

    expect(tree.map((node) => node.id)).toEqual([1]);
    expect(tree[0].children?.map((node) => node.id)).toEqual([4, 2, 3]);
    expect(tree[0].children?.[1].children?.map((node) => node.id)).toEqual([5]);
    expect(tree[0].children?.[0].children).toBeUndefined();
  });

  it('keeps a unit whose parent is not in the list as a root rather than losing it', () => {
    expect(buildOrgTree([unit(9, 404, 'department', 'X')]).map((node) => node.id)).toEqual([9]);
  });

  it('lists the ids that can be expanded', () => {
    const tree = buildOrgTree([unit(1, null, 'city', 'C'), unit(2, 1, 'branch', 'B'), unit(3, 2, 'department', 'D')]);
    expect(parentIds(tree)).toEqual([1, 2]);
  });
});
