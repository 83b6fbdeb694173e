import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { messagesByLocale } from '../app/messages.ts';
import '../shared/base.css';
import { startI18n } from '../shared/i18n/i18n.ts';
import { PortalApp } from './PortalApp.tsx';
import './portal.css';

startI18n(messagesByLocale);

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from portal.html');

createRoot(container).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
