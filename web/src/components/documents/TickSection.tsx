// A section of the closing form that opens when its box is ticked ("Compte-rendu",
// "Ordonnance"…): the box is the section's title, and ticking it moves focus to the section's
// first field, so that a keyboard user types on at once. Unticking keeps what was typed in the
// form's state (ticking again brings it back) but sends nothing of it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { describedBy } from '../forms/Field';

export function TickSection({
  id,
  label,
  hint,
  on,
  onToggle,
  children,
  testId,
}: {
  id: string;
  label: string;
  hint?: ComponentChildren;
  on: boolean;
  onToggle: (on: boolean) => void;
  children: ComponentChildren;
  testId?: string;
}) {
  const body = useRef<HTMLDivElement>(null);
  const ticked = useRef(false);
  useEffect(() => {
    if (!on || !ticked.current) return;
    ticked.current = false;
    body.current
      ?.querySelector<HTMLElement>('input:not([disabled]), textarea, select, button')
      ?.focus();
  }, [on]);
  return (
    <section
      class={on ? 'close-section is-on' : 'close-section'}
      aria-labelledby={`${id}-label`}
      data-testid={testId}
    >
      <div class="close-section-head">
        <input
          id={id}
          type="checkbox"
          class="close-section-box"
          checked={on}
          aria-expanded={on}
          aria-controls={`${id}-body`}
          aria-describedby={describedBy(id, hint, undefined)}
          onChange={(e) => {
            ticked.current = e.currentTarget.checked;
            onToggle(e.currentTarget.checked);
          }}
        />
        <div>
          <label id={`${id}-label`} for={id} class="close-section-title">
            {label}
          </label>
          {hint && (
            <p id={`${id}-hint`} class="field-hint">
              {hint}
            </p>
          )}
        </div>
      </div>
      <div id={`${id}-body`} ref={body} class="close-section-body" hidden={!on}>
        {on && children}
      </div>
    </section>
  );
}
