import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserEnv, createWebBridge } from '../bridge/web-bridge.ts';
import { rootErrorOptions } from '../errors/report.ts';
import { PortalApp } from './app.tsx';
import '../styles.css';
import './portal.css';
import './new-ticket/new-ticket.css';

const root = document.getElementById('root');
if (root === null) throw new Error('portal.html has no #root element');
// The portal runs only in a browser, on the service's origin: the web bridge, sharing the console's sign-in.
createRoot(root, rootErrorOptions()).render(
  <StrictMode>
    <PortalApp bridge={createWebBridge(browserEnv())} />
  </StrictMode>,
);
