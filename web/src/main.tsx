import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { messagesByLocale } from './app/messages.ts';
import { startI18n } from './shared/i18n/i18n.ts';
import './shared/base.css';

startI18n(messagesByLocale);

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
