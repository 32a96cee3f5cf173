// Site header: wordmark, navigation to the areas, language switch. Below the tablet
// breakpoint the navigation folds behind a "Menu" disclosure button (CSS decides when).
import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { ROUTES } from '../lib/routes';
import { Icon } from './Icon';
import { LanguageSwitch } from './LanguageSwitch';

export function Header() {
  const { t } = useI18n();
  const { path } = useLocation();
  const [open, setOpen] = useState(false);

  const toggle = useRef<HTMLButtonElement>(null);

  // A followed link closes the menu: the new page should not open under a panel.
  useEffect(() => setOpen(false), [path]);

  // Escape closes the open menu and returns focus to its button, as users of disclosure
  // menus expect.
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const links = [
    { href: ROUTES.patient, label: t.nav.patient },
    { href: ROUTES.practitioner, label: t.nav.practitioner },
    { href: ROUTES.operator, label: t.nav.operator },
  ];

  return (
    <header class="site-header">
      <div class="container header-bar">
        <a href={ROUTES.home} class="brand" aria-label={t.common.logoLabel}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span class="brand-name">Cabinet</span>
        </a>
        <button
          ref={toggle}
          type="button"
          class="btn btn-quiet menu-toggle"
          aria-expanded={open}
          aria-controls="site-nav"
          onClick={() => setOpen((o) => !o)}
        >
          <Icon name={open ? 'close' : 'menu'} />
          {t.common.menu}
        </button>
        <nav id="site-nav" class={open ? 'site-nav is-open' : 'site-nav'} aria-label={t.common.mainNav}>
          <ul>
            {links.map((l) => (
              <li key={l.href}>
                <a href={l.href} aria-current={path === l.href ? 'page' : undefined}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}
