import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import { PortalApp } from './PortalApp.tsx';
import './portal.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from portal.html');

createRoot(container).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
