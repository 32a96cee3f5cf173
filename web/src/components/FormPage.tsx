// The frame of the sign-up, login and password pages: a narrow column, the page's heading
// and lead, then a card holding the form. `headingRef` lets a multi-step page (login) move
// focus to the heading of the step it just showed.
import type { ComponentChildren, RefObject } from 'preact';
import { usePageTitle } from './Page';

export function FormPage({
  title,
  lead,
  children,
  aside,
  headingRef,
  wide,
}: {
  title: string;
  lead?: ComponentChildren;
  children: ComponentChildren;
  aside?: ComponentChildren;
  headingRef?: RefObject<HTMLHeadingElement | null>;
  wide?: boolean;
}) {
  usePageTitle(title);
  return (
    <div class="form-page">
      <div class={wide ? 'container form-column is-wide' : 'container form-column'}>
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {lead && <div class="lead">{lead}</div>}
        <div class="card form-card">{children}</div>
        {aside && <div class="form-aside">{aside}</div>}
      </div>
    </div>
  );
}

/** A confirmation or result screen in the same frame: icon, text, one next action. */
export function ResultCard({
  tone,
  title,
  children,
}: {
  tone: 'success' | 'info' | 'warning';
  title: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`result result-${tone}`}>
      <h2>{title}</h2>
      {children}
    </div>
  );
}
