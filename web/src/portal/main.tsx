import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import { startI18n } from '../shared/i18n/i18n.ts';
import { PortalApp } from './PortalApp.tsx';
import { firstScreenMessages, loadPortalMessages } from './portal-messages.ts';
import './portal.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from portal.html');

// A language other than Chinese, chosen on an earlier visit, loads before the first render.
void startI18n(firstScreenMessages, loadPortalMessages).then(() =>
  createRoot(container).render(
    <StrictMode>
      <PortalApp />
    </StrictMode>,
  ),
);
