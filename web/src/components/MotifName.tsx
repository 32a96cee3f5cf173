// A motif's label in the UI's language (lib/directory/directory.ts's motifText): in the English app
// a label the practitioner wrote only in French is marked as French, for screen readers (lang="fr",
// read with a French voice) and for the eye ("(in French)").
import { useI18n } from '../i18n';
import { motifText, type MotifLabels } from '../lib/directory/directory';

export function MotifName({ motif }: { motif: MotifLabels }) {
  const { t, lang } = useI18n();
  const m = motifText(motif, lang);
  if (!m.french) return <>{m.text}</>;
  return (
    <>
      <span lang="fr">{m.text}</span> <span class="in-french">{t.motifs.inFrench}</span>
    </>
  );
}

/** The same as plain text, for an <option> or an attribute. */
export function useMotifString(): (motif: MotifLabels) => string {
  const { t, lang } = useI18n();
  return (motif) => {
    const m = motifText(motif, lang);
    return m.french ? `${m.text} ${t.motifs.inFrench}` : m.text;
  };
}
