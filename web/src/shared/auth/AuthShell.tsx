import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../LanguageSwitch.tsx';
import './auth-shell.css';

// The frame around the console's sign-in and setup pages: brand panel + a card.
export function AuthShell({
  title,
  subtitle,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="kewo-auth">
      <aside className="kewo-auth-brand">
        <div className="kewo-auth-brand-inner">
          <span className="kewo-auth-mark">客</span>
          <h1>{t('app.name')}</h1>
          <p>{t('app.tagline')}</p>
        </div>
      </aside>
      <main className="kewo-auth-main">
        <div className="kewo-auth-language">
          <LanguageSwitch variant="segmented" />
        </div>
        {/* A plain panel, not antd's Card: Card brings Tabs along, which a sign-in page never shows. */}
        <section className="kewo-auth-card">
          {/* Plain markup, not antd's Typography: it brings Tooltip and TextArea along (for copy and
              edit), which the first screen never uses. h2 under the brand's h1, at h3's size. */}
          <header className="kewo-auth-card-header">
            <h2>{title}</h2>
            {subtitle ? <p>{subtitle}</p> : null}
          </header>
          {children}
        </section>
      </main>
    </div>
  );
}
