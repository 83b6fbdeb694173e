import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { defaultMessages, loadMessages } from './app/messages.ts';
import { startI18n } from './shared/i18n/i18n.ts';
import './shared/base.css';
import './app/console.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

// A language other than Chinese, chosen on an earlier visit, loads before the first render.
void startI18n(defaultMessages, loadMessages).then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
