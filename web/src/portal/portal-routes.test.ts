import { describe, expect, it } from 'vitest';
import { loadAllMessages } from '../app/messages.ts';
import { locales } from '../shared/i18n/locale.ts';
import { findPortalTab, portalTabs } from './portal-routes.tsx';

const messagesByLocale = await loadAllMessages();

describe('portalTabs', () => {
  it('starts with the portal home and keeps every tab under /portal', () => {
    expect(portalTabs[0].path).toBe('/portal');
    for (const tab of portalTabs) expect(tab.path === '/portal' || tab.path.startsWith('/portal/')).toBe(true);
  });

  it.each(locales)('has a label for every tab in %s', (locale) => {
    for (const tab of portalTabs) {
      const key = tab.labelKey.replace('portal.tabs.', '') as keyof (typeof messagesByLocale)['en']['portal']['tabs'];
      expect(messagesByLocale[locale].portal.tabs[key], tab.path).toBeTruthy();
    }
  });
});

describe(findPortalTab.name, () => {
  it.each([
    ['/portal', '/portal'],
    ['/portal/', '/portal'],
    ['/portal/mine', '/portal/mine'],
    ['/portal/order', '/portal/order'],
    ['/portal/orders', '/portal/orders'],
    ['/portal/nowhere', undefined],
  ])('%s → %s', (pathname, expected) => {
    expect(findPortalTab(pathname)?.path).toBe(expected);
  });
});
