import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { firstScreenMessages, loadEveryMessage, loadMessages } from './app/messages.ts';
import { startI18n } from './shared/i18n/i18n.ts';
import './shared/base.css';
import './app/console.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

// A language other than Chinese, chosen on an earlier visit, loads before the first render.
// The other pages' messages are fetched once the first screen has loaded, so that opening one
// does not wait for them (each page still waits when they have not arrived: app/RoutePage.tsx).
void startI18n(firstScreenMessages, loadMessages).then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

const prefetchMessages = () => setTimeout(() => void loadEveryMessage().catch(() => {}), 1500);
if (document.readyState === 'complete') prefetchMessages();
else window.addEventListener('load', prefetchMessages, { once: true });
