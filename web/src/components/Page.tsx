// Building blocks shared by every page: the browser-tab title and the page introduction.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n';
import { pageTitle } from '../lib/format';
import { useBrand } from './BrandProvider';

/** Sets document.title; `null` means the home page's own title. Re-runs on language change. */
export function usePageTitle(page: string | null): void {
  const { t } = useI18n();
  // On a partner's host the partner's name stands where the platform's would.
  const brand = useBrand()?.name;
  useEffect(() => {
    const title = pageTitle(page, t.meta.homeTitle, t.meta.titleSuffix);
    document.title = brand ? title.replace(/Cabinet/g, brand) : title;
  }, [page, t, brand]);
}

/**
 * The page's only <h1>. It is focusable by script (tabIndex -1) so that after a client-side
 * navigation focus lands on it and screen readers announce the new page.
 */
export function PageIntro({
  title,
  lead,
  children,
  compact,
}: {
  title: string;
  lead?: string;
  children?: ComponentChildren;
  compact?: boolean;
}) {
  usePageTitle(title);
  return (
    <div class={compact ? 'page-intro is-compact' : 'page-intro'}>
      <div class="container">
        <h1 tabIndex={-1}>{title}</h1>
        {lead && <p class="lead">{lead}</p>}
        {children}
      </div>
    </div>
  );
}

/** A titled band of content; `tone` switches to the grey surface to separate sections. */
export function Section({
  title,
  id,
  tone,
  children,
}: {
  title: string;
  id: string;
  tone?: 'muted';
  children: ComponentChildren;
}) {
  return (
    <section class={tone === 'muted' ? 'section section-muted' : 'section'} aria-labelledby={id}>
      <div class="container">
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </section>
  );
}
