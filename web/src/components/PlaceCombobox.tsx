// "Où ?": a commune or postcode field with suggestions from GET /places (ARIA 1.2 combobox
// with a listbox popup). Typing asks the server after a short pause (the previous request is
// cancelled); ↓/↑ move through the suggestions, Enter picks one, Escape closes the list (and a
// second Escape clears the field), Tab leaves. The number of suggestions is announced.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { Place } from '../lib/directory/directory';
import { fillText } from '../lib/format';
import { describedBy, FieldMessages } from './forms/Field';
import { useLatest } from './useLatest';
import { searchPlaces } from '../lib/directory/api';

const DEBOUNCE_MS = 200;

/**
 * Labels of the places chosen in this tab ("c:69123" → "Lyon (69003)"): the search page shows
 * the one the user picked, on the home page or on the search page itself.
 */
export const placeLabels = new Map<string, string>();

/**
 * What "Où ?" means when the form is sent: the place picked from the list if the text still
 * shows it, a postcode typed as is, else the first suggestion for the text, which is the
 * server's best reading of it ("Lyon" and Enter, "Lyon 69003", "Paris 11e", "Toulouze").
 * Null: nothing matches. Empty text: no place.
 */
export async function resolvePlace(
  text: string,
  picked: { near: string; label: string } | null,
): Promise<{ near: string; label: string } | null> {
  const typed = text.trim();
  if (!typed) return { near: '', label: '' };
  if (picked && picked.near && picked.label === typed) return picked;
  if (/^\d{5}$/.test(typed)) return { near: typed, label: typed };
  let found: Place[] = [];
  try {
    found = await searchPlaces(typed, undefined, 1);
  } catch {
    return null;
  }
  const first = found[0];
  return first ? { near: `c:${first.code}`, label: first.label } : null;
}

export function PlaceCombobox({
  id,
  label,
  hint,
  error,
  text,
  onText,
  onSelect,
  after,
  optional,
  autoComplete = 'off',
  testId,
}: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  /** What the field shows. */
  text: string;
  /** The user typed: any previous choice no longer holds. */
  onText: (text: string) => void;
  /** A suggestion was picked; the field then shows its label. */
  onSelect: (place: Place) => void;
  /** Next to the input (the "Autour de moi" button). */
  after?: ComponentChildren;
  optional?: boolean;
  autoComplete?: string;
  /** The input's data-testid, for the browser tests. */
  testId?: string;
}) {
  const { t } = useI18n();
  const c = t.combobox;
  const texts = useLatest(c);
  const listId = `${id}-list`;
  const statusId = useId();
  const [items, setItems] = useState<Place[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // Ask the server once the user pauses; only the latest answer counts.
  useEffect(() => {
    if (query === null) return undefined;
    const q = query.trim();
    if (q.length < 2) {
      setItems([]);
      setOpen(false);
      setStatus('');
      return undefined;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      searchPlaces(q, ctl.signal).then(
        (found) => {
          if (ctl.signal.aborted) return;
          setItems(found);
          setActive(-1);
          setOpen(document.activeElement === input.current);
          setStatus(
            found.length === 0
              ? texts.current.none
              : found.length === 1
                ? texts.current.one
                : fillText(texts.current.many, { n: found.length }),
          );
        },
        () => {
          if (ctl.signal.aborted) return;
          setItems([]);
          setOpen(false);
          setStatus(texts.current.failed);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [query, texts]);

  function pick(place: Place) {
    onSelect(place);
    setOpen(false);
    setActive(-1);
    setQuery(null);
    setStatus(fillText(c.chosen, { place: place.label }));
  }

  function onKeyDown(e: KeyboardEvent) {
    const shown = open && items.length > 0;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!shown) {
          if (items.length) setOpen(true);
          return;
        }
        setActive((a) => (a + 1) % items.length);
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (!shown) return;
        setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
        return;
      case 'Enter':
        if (shown && active >= 0 && items[active]) {
          e.preventDefault();
          pick(items[active]);
        }
        return;
      case 'Escape':
        if (shown) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          onText('');
          setQuery('');
        }
        return;
      case 'Tab':
        setOpen(false);
        return;
    }
  }

  const shown = open && items.length > 0;
  return (
    <div class={error ? 'field combobox has-error' : 'field combobox'}>
      <label for={id} class="field-label">
        {label}
        {optional && <span class="field-optional"> {t.form.optional}</span>}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <div class="input-row">
        <div class="combobox-box">
          <input
            ref={input}
            id={id}
            name={id}
            class="input"
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={shown}
            aria-controls={listId}
            aria-activedescendant={shown && active >= 0 ? `${id}-opt-${active}` : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, hint, error)}
            autoComplete={autoComplete}
            spellcheck={false}
            data-testid={testId}
            value={text}
            onInput={(e) => {
              const v = e.currentTarget.value;
              onText(v);
              setQuery(v);
            }}
            onKeyDown={onKeyDown}
            onFocus={() => items.length > 0 && query !== null && setOpen(true)}
            onBlur={() => setOpen(false)}
          />
          <ul
            id={listId}
            role="listbox"
            class={shown ? 'combobox-list' : 'combobox-list is-hidden'}
            aria-label={typeof label === 'string' ? label : c.suggestions}
          >
            {shown &&
              items.map((p, i) => (
                <li
                  key={`${p.code}-${p.postcode}`}
                  id={`${id}-opt-${i}`}
                  role="option"
                  aria-selected={i === active}
                  class={i === active ? 'combobox-option is-active' : 'combobox-option'}
                  // pointerdown, not click: the input must not lose focus (and close the list) first.
                  onPointerDown={(e) => {
                    e.preventDefault();
                    pick(p);
                  }}
                >
                  <span class="combobox-name">{p.name}</span>{' '}
                  <span class="combobox-meta">{p.postcode}</span>
                </li>
              ))}
          </ul>
        </div>
        {after}
      </div>
      <div id={statusId} class="visually-hidden" role="status">
        {status}
      </div>
    </div>
  );
}
