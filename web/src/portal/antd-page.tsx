import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { loadEveryMessage } from './portal-messages.ts';

const loadAntdScope = () => import('./PortalAntdScope.tsx');

// A portal page built with antd, fetched when first opened together with antd's providers and
// every folder's messages (all at once, not one after the other): the sign-in page and the home
// need none of them.
export function lazyAntdPage(loadPage: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const [{ PortalAntdScope }, Page] = await Promise.all([loadAntdScope(), loadPage(), loadEveryMessage()]);
    return {
      default: function AntdPage() {
        return (
          <PortalAntdScope>
            <Page />
          </PortalAntdScope>
        );
      },
    };
  });
}
