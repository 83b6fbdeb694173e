import { describe, expect, it } from 'vitest';
import { i18n } from '../../shared/i18n/i18n.ts';
import { type CustomerLabelContext, describeCustomerChanges, fieldValueText } from './customer-history.ts';
import type { CustomerHistoryEntry } from './customers.api.ts';

const context: CustomerLabelContext = {
  t: i18n.getFixedT('zh-CN'),
  managerNames: new Map([
    [12, '陈志明'],
    [13, '林小红'],
  ]),
  branchNames: new Map([[3, '龙海营销部']]),
  fields: [
    { id: 1, key: 'area', label: '经营面积', kind: 'number', options: [], required: false, position: 1, active: true },
    {
      id: 2,
      key: 'brands',
      label: '主销品牌',
      kind: 'multiselect',
      options: ['中华', '七匹狼'],
      required: false,
      position: 2,
      active: true,
    },
  ],
};

const row = {
  id: 7,
  licenceNo: '350602100001',
  name: '恒兴便利店',
  owner: '陈丽',
  phone: '13805961234',
  address: '芗城区胜利路 1 号',
  district: { code: '350602', name: '芗城区' },
  urbanRural: 'urban',
  format: 'convenience',
  status: 'active',
  statusReason: null,
  managerId: 12,
  managerName: '陈志明',
  branchId: 3,
  branchName: '龙海营销部',
  orderDay: 1,
  orderChannel: 'online',
  latitude: 24.51,
  longitude: 117.65,
  licenceValidUntil: '2027-01-01',
  tags: ['重点'],
  customFields: { area: 30 },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

function entry(action: string, before: unknown, after: unknown): CustomerHistoryEntry {
  return { id: 1, at: '2026-03-01T02:00:00Z', actorName: '营销中心', action, before, after };
}

describe(describeCustomerChanges.name, () => {
  it('shows only the fields an edit changed, with Chinese labels and readable values', () => {
    const after = {
      ...row,
      phone: '0596-1234567',
      format: 'grocery',
      orderDay: 7,
      tags: ['重点', '夜市'],
      updatedAt: '2026-03-01T02:00:00Z',
    };
    expect(describeCustomerChanges(entry('update', row, after), context)).toEqual([
      { key: 'phone', label: '联系电话', before: '13805961234', after: '0596-1234567' },
      { key: 'format', label: '业态', before: '便利店', after: '食杂店' },
      { key: 'orderDay', label: '订货日', before: '周一', after: '周日' },
      { key: 'tags', label: '标签', before: '重点', after: '重点、夜市' },
    ]);
  });

  it('names the managers and branch of a reassignment', () => {
    const changes = describeCustomerChanges(
      entry('reassign', { managerId: 12, branchId: 3 }, { managerId: 13, branchId: 3 }),
      context,
    );
    expect(changes).toEqual([{ key: 'managerId', label: '客户经理', before: '陈志明', after: '林小红' }]);
  });

  it('falls back to the id of a manager it cannot name', () => {
    const changes = describeCustomerChanges(entry('reassign', { managerId: 12 }, { managerId: 99 }), context);
    expect(changes[0].after).toBe('#99');
  });

  it('shows a status change with its reason', () => {
    const changes = describeCustomerChanges(
      entry(
        'change_status',
        { status: 'active', statusReason: null },
        { status: 'closed', statusReason: '店主外出务工' },
      ),
      context,
    );
    expect(changes).toEqual([
      { key: 'status', label: '状态', before: '正常', after: '歇业' },
      { key: 'statusReason', label: '状态原因', before: '', after: '店主外出务工' },
    ]);
  });

  it('compares custom fields one by one under their own labels', () => {
    const after = { ...row, customFields: { area: 45, brands: ['中华', '七匹狼'] } };
    expect(describeCustomerChanges(entry('update', row, after), context)).toEqual([
      { key: 'customFields.area', label: '经营面积', before: '30', after: '45' },
      { key: 'customFields.brands', label: '主销品牌', before: '', after: '中华、七匹狼' },
    ]);
  });

  it('lists what a creation filled in, without bookkeeping fields', () => {
    const changes = describeCustomerChanges(entry('create', null, row), context);
    const keys = changes.map((change) => change.key);
    expect(keys).toContain('licenceNo');
    expect(keys).toContain('district');
    expect(keys).not.toContain('id');
    expect(keys).not.toContain('updatedAt');
    expect(keys).not.toContain('statusReason'); // empty on both sides
    expect(changes.find((change) => change.key === 'district')?.after).toBe('芗城区（350602）');
  });

  it('reads the district of an audit snapshot, kept there as code and name', () => {
    const { district: _district, ...stored } = row;
    const snapshot = { ...stored, districtCode: '350602', districtName: '芗城区', orgPath: '/1/6/' };
    const changes = describeCustomerChanges(entry('create', null, snapshot), context);
    expect(changes.find((change) => change.key === 'district')?.after).toBe('芗城区（350602）');
    expect(changes.map((change) => change.key)).not.toContain('orgPath');
  });
});

describe(fieldValueText.name, () => {
  it.each([
    ['status', 'cancelled', '注销'],
    ['urbanRural', 'rural', '乡村'],
    ['orderChannel', 'visit', '上门'],
    ['orderDay', 3, '周三'],
    ['branchId', 3, '龙海营销部'],
    ['tags', [], ''],
    ['latitude', null, ''],
    ['format', 'bakery', 'bakery'],
  ])('%s = %j → %j', (key, value, expected) => {
    expect(fieldValueText(key, value, context)).toBe(expected);
  });
});
