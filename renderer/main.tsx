import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { pickBridge } from './bridge/pick-bridge.ts';
import { rootErrorOptions } from './errors/report.ts';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
// Every render error is logged; boundaries in App keep the rest of the console on screen.
createRoot(root, rootErrorOptions()).render(
  <StrictMode>
    <App bridge={pickBridge(window)} />
  </StrictMode>,
);
