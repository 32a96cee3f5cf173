// "Supprimer" on a blocked time, absence or extra opening, named in full for screen readers.
import { Icon } from '../Icon';
import { useI18n } from '../../i18n';
import type { AgendaException } from '../../lib/directory/directory';
import { exceptionText } from './agendaText';

export function RemoveException({
  x,
  onRemove,
}: {
  x: AgendaException;
  onRemove: (x: AgendaException) => void;
}) {
  const { t, lang } = useI18n();
  const a = t.agenda;
  return (
    <button type="button" class="btn btn-quiet" onClick={() => onRemove(x)}>
      <Icon name="trash" />
      {a.delete}
      <span class="visually-hidden">
        {' '}
        — {a.kinds[x.kind]}, {exceptionText(x, lang, a)}
      </span>
    </button>
  );
}
