import { renderHook } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import { type AuditCatalogue, platformAudit } from '../../../../server/src/platform/audit/audit-catalogue.ts';
import { useAuditLabels } from '../audit-labels.ts';
import { auditLabelMessages } from './audit-labels.ts';
import { changeLocale } from './i18n.ts';
import { locales } from './locale.ts';

// Every audit catalogue of the server: the platform's, and each module's and the demo's
// *.audit.ts wherever it is (as drizzle-kit finds *.schema.ts), so a new one is read without
// being listed here.
const declared = import.meta.glob<Record<string, unknown>>('../../../../server/src/**/*.audit.ts', { eager: true });
const catalogues: AuditCatalogue[] = [
  platformAudit,
  ...Object.values(declared).flatMap((exports) => Object.values(exports) as AuditCatalogue[]),
];
const sorted = (codes: Iterable<string>) => [...new Set(codes)].sort();
const entities = sorted(catalogues.flatMap((catalogue) => Object.keys(catalogue.entities)));
const actions = sorted(catalogues.flatMap((catalogue) => Object.values(catalogue.entities).flat()));
const systemActors = sorted(catalogues.flatMap((catalogue) => catalogue.systemActors ?? []));

const hasChinese = (text: string) => /\p{Script=Han}/u.test(text);

describe('the audit trail in words', () => {
  it('finds the catalogues of the modules and the demo', () => {
    expect(Object.keys(declared).length).toBeGreaterThanOrEqual(8);
    expect(entities).toEqual(expect.arrayContaining(['customer', 'order_cycle', 'ticket', 'visit', 'session']));
    expect(actions).toEqual(expect.arrayContaining(['seed_demo', 'set_products', 'transition:resolved']));
    expect(systemActors).toEqual(expect.arrayContaining(['demo', 'system']));
  });

  it.each(locales)(
    'names every action, entity type and system actor the server declares, and no other, in %s',
    async (locale) => {
      // Chinese comes with the page; another language is a chunk that loads when chosen.
      const { audit } = locale === 'zh-CN' ? auditLabelMessages[locale] : await auditLabelMessages[locale]();
      expect(sorted(Object.keys(audit.actions))).toEqual(actions);
      expect(sorted(Object.keys(audit.entities))).toEqual(entities);
      expect(sorted(Object.keys(audit.systemActors))).toEqual(systemActors);
      for (const [code, label] of [
        ...Object.entries(audit.actions),
        ...Object.entries(audit.entities),
        ...Object.entries(audit.systemActors),
      ]) {
        expect(label.trim(), code).not.toBe('');
        expect(label, code).not.toBe(code);
        // Chinese in Chinese, none in English: a label copied across unchanged fails here.
        expect(hasChinese(label), `${locale} ${code}: ${label}`).toBe(locale === 'zh-CN');
      }
    },
  );
});

describe(useAuditLabels.name, () => {
  afterAll(() => changeLocale('zh-CN'));

  it('names codes, system actors and set-wide changes in Chinese', async () => {
    await changeLocale('zh-CN');
    const { result } = renderHook(() => useAuditLabels());
    const label = result.current;
    expect(label.action('seed_demo')).toBe('生成演示数据');
    expect(label.action('set_products')).toBe('设置投放卷烟');
    expect(label.action('transition:resolved')).toBe('转为“已办结”');
    expect(label.entity('classification_run')).toBe('分类测算');
    expect(label.actor('demo', null)).toBe('演示数据');
    expect(label.actor('gateway:sms', null)).toBe('短信/微信接入（sms）');
    // A person is named by their name, even one that reads like a code.
    expect(label.actor('demo', 7)).toBe('demo');
    // Codes no catalogue declares (rows older than the declarations) show as recorded.
    expect(label.action('retired_code')).toBe('retired_code');
    expect(label.actor('', null)).toBe('系统');
    expect(label.objectId('0')).toBeNull();
    expect(label.objectId('')).toBeNull();
    expect(label.objectId('42')).toBe('42');
  });

  it('names them in English', async () => {
    await changeLocale('en');
    const { result } = renderHook(() => useAuditLabels());
    expect(result.current.action('seed_demo')).toBe('Seed demo data');
    expect(result.current.entity('order_cycle')).toBe('Order cycle');
    expect(result.current.actor('demo', null)).toBe('Demo seed');
  });
});
