// The medicine of one prescription line: a combobox over GET /drugs?q= (ARIA 1.2 combobox with
// a listbox popup, as PlaceCombobox). Typing asks after a short pause; ↓/↑ move, Enter picks
// the active suggestion (its strength and form come with it), Escape closes the list. Free text
// stays allowed: a medicine not found is kept as typed. With the list closed, Enter belongs to
// the line ("Ajouter un médicament").
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { searchDrugs } from '../../lib/documents/api';
import type { Drug } from '../../lib/documents/types';
import { fillText } from '../../lib/format';
import { describedBy, FieldMessages } from '../forms/Field';
import { useLatest } from '../useLatest';

const DEBOUNCE_MS = 200;

export function DrugCombobox({
  id,
  label,
  hint,
  error,
  value,
  onText,
  onPick,
  onEnter,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onText: (text: string) => void;
  onPick: (drug: Drug) => void;
  /** Enter with the list closed. */
  onEnter: () => void;
}) {
  const { t } = useI18n();
  const texts = useLatest(t.closing.drugSearch);
  const c = t.closing.drugSearch;
  const listId = `${id}-list`;
  const [items, setItems] = useState<Drug[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

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
      searchDrugs(q, ctl.signal).then(
        (found) => {
          if (ctl.signal.aborted) return;
          setItems(found);
          setActive(-1);
          setOpen(document.activeElement === input.current && found.length > 0);
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

  function pick(d: Drug) {
    onPick(d);
    setOpen(false);
    setActive(-1);
    setQuery(null);
    setStatus(fillText(c.chosen, { name: d.name }));
  }

  const shown = open && items.length > 0;
  function onKeyDown(e: KeyboardEvent) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!shown) setOpen(items.length > 0);
        else setActive((a) => (a + 1) % items.length);
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (shown) setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
        return;
      case 'Enter':
        if (e.ctrlKey || e.metaKey) return;
        e.preventDefault();
        if (shown && active >= 0 && items[active]) pick(items[active]);
        else {
          setOpen(false);
          onEnter();
        }
        return;
      case 'Escape':
        if (shown) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          setActive(-1);
        }
        return;
      case 'Tab':
        setOpen(false);
        return;
    }
  }

  return (
    <div class={error ? 'field combobox drug-name has-error' : 'field combobox drug-name'}>
      <label for={id} class="field-label">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
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
          autoComplete="off"
          spellcheck={false}
          value={value}
          onInput={(e) => {
            const v = e.currentTarget.value;
            onText(v);
            setQuery(v);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => items.length > 0 && query !== null && setOpen(true)}
          onBlur={() => setOpen(false)}
          data-testid="drug-name"
        />
        <ul
          id={listId}
          role="listbox"
          class={shown ? 'combobox-list' : 'combobox-list is-hidden'}
          aria-label={c.suggestions}
        >
          {shown &&
            items.map((d, i) => (
              <li
                key={d.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'combobox-option is-active' : 'combobox-option'}
                onPointerDown={(e) => {
                  e.preventDefault();
                  pick(d);
                }}
                data-testid="drug-option"
              >
                <span class="combobox-name">{d.name}</span>{' '}
                <span class="combobox-meta">
                  {[d.strength, d.form, d.substances.join(', ')].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
        </ul>
      </div>
      <div class="visually-hidden" role="status">
        {status}
      </div>
    </div>
  );
}
