import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDefaultApi } from './api/api';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App api={createDefaultApi()} />
  </StrictMode>,
);
