// Other times to choose from: after a 409 "slot_taken" (the server's next free slots), or when
// the chosen time does not fit the motif. Each is a large button named in full.
import { useI18n } from '../../i18n';
import type { Slot } from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import { slotSentence } from '../../lib/booking/slots';

export function SlotChoices({
  slots,
  onChoose,
  busy,
}: {
  slots: Slot[];
  onChoose: (s: Slot) => void;
  busy?: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <ul class="next-slots">
      {slots.map((s) => (
        <li key={`${s.start}-${s.mode}`}>
          <button
            type="button"
            class="btn btn-secondary next-slot"
            aria-disabled={busy ? true : undefined}
            onClick={() => !busy && onChoose(s)}
            data-testid="next-slot"
          >
            {fillText(t.booking.taken.choose, { when: slotSentence(s.start, lang) })}
          </button>
        </li>
      ))}
    </ul>
  );
}
