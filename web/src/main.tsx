import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startSessionRequests } from './app/early-session.ts';
import { firstScreenMessages, loadEveryMessage, loadMessages } from './app/messages.ts';
import { prepareFormats } from './shared/format.ts';
import { startI18n } from './shared/i18n/i18n.ts';
import { getActiveLocale } from './shared/i18n/locale.ts';
import './shared/base.css';
import './app/console.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

// The signed-in pages' session, asked for now rather than once React has rendered its gate
// (app/early-session.ts); the public pages (first-run setup) need none.
if (!['/setup', '/login'].includes(window.location.pathname)) startSessionRequests();

// A language other than Chinese, chosen on an earlier visit, loads before the first render.
// The other pages' messages are fetched a while after the first screen has loaded, so that opening one
// does not wait for them (each page still waits when they have not arrived: app/RoutePage.tsx).
void startI18n(firstScreenMessages, loadMessages).then(() => {
  // Intl's data before the first render (public/prepare-intl.js has mostly loaded it already).
  prepareFormats(getActiveLocale());
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});

// Idle work: late enough not to compete with the first screen's own requests on a slow network.
const prefetchMessages = () => setTimeout(() => void loadEveryMessage().catch(() => {}), 4000);
if (document.readyState === 'complete') prefetchMessages();
else window.addEventListener('load', prefetchMessages, { once: true });
