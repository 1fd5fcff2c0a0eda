import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './lib/i18n';
import './styles.css';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* The first render waits for the page's language (lib/i18n.ts loads it). */}
    <Suspense fallback={null}>
      <App />
    </Suspense>
  </StrictMode>,
);
