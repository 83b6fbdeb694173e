import type { LocaleMessages } from '../../shared/i18n/locale.ts';

const zhCN = {
  menu: {
    orgUnits: '组织机构',
  },
  orgUnits: {
    title: '组织机构',
    name: '名称',
    code: '编码',
    kind: '类型',
    kinds: {
      city: '市公司',
      branch: '县级营销部',
      department: '部门',
    },
    createChild: '新建下级',
    createChildTitle: '在“{{name}}”下新建机构',
    editTitle: '编辑机构：{{name}}',
    created: '机构已创建',
    updated: '机构已更新',
    nameRequired: '请输入名称',
    codeRequired: '请输入编码',
    codePattern: '编码只能包含字母、数字、连字符和下划线',
    codeHelp: '机构的唯一编码，例如 3506-02',
    kindRequired: '请选择类型',
    expandAll: '全部展开',
    collapseAll: '全部收起',
    empty: '还没有组织机构',
  },
};

// English loads only when chosen (messages.en.ts), so Chinese screens do not download it.
export const orgUnitsMessages: LocaleMessages<typeof zhCN> = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.ts').then((module) => module.en),
};
