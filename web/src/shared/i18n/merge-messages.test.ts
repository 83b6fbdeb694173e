import { describe, expect, it } from 'vitest';
import { mergeMessages } from './merge-messages.ts';

describe(mergeMessages.name, () => {
  it('merges the folders into one set, a shared namespace taking an entry from each', () => {
    const tickets = { menu: { tickets: '工单列表' }, tickets: { title: '投诉建议' } };
    const visits = { menu: { visits: '走访管理' }, customers: { detail: { tabs: { visits: '走访' } } } };
    const customers = { customers: { detail: { back: '返回客户列表', tabs: { profile: '基本信息' } } } };

    expect(mergeMessages([tickets, visits, customers])).toEqual({
      menu: { tickets: '工单列表', visits: '走访管理' },
      tickets: { title: '投诉建议' },
      customers: { detail: { back: '返回客户列表', tabs: { visits: '走访', profile: '基本信息' } } },
    });
  });

  it('leaves the parts as they were', () => {
    const tickets = { menu: { tickets: '工单列表' } };
    mergeMessages([tickets, { menu: { visits: '走访管理' } }]);
    expect(tickets).toEqual({ menu: { tickets: '工单列表' } });
  });

  it.each([
    ['the same key', { menu: { tickets: '工单列表' } }, { menu: { tickets: '工单' } }, 'menu.tickets'],
    [
      'a key where the other has a group of keys',
      { customers: { detail: '详情' } },
      { customers: { detail: { back: '返回' } } },
      'customers.detail',
    ],
    [
      'a group of keys where the other has a key',
      { customers: { detail: { back: '返回' } } },
      { customers: { detail: '详情' } },
      'customers.detail',
    ],
  ])('refuses two folders defining %s', (_case, first, second, path) => {
    expect(() => mergeMessages([first, second])).toThrow(
      `The message key ${path} is defined by two folders' messages.ts`,
    );
  });
});
