// Page frame: skip link, header, main landmark, footer. Also moves focus to the new page's
// <h1> after a client-side navigation, as a full page load would reset it.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import { Footer } from './Footer';
import { Header } from './Header';
import { SessionWatcher } from './SessionProvider';

export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    // On the first load the browser already starts at the top with focus on the document;
    // stealing focus then would skip the skip link.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('#contenu h1')?.focus();
  }, [path]);

  return (
    <>
      <SessionWatcher />
      <a class="skip-link" href="#contenu">
        {t.common.skipLink}
      </a>
      <Header />
      <main id="contenu" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </>
  );
}
