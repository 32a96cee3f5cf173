// The account's documents for "Mes documents": every profile's list (GET /me/documents per
// profile: the practitioners' documents and the patient's own files, issue 15), kept live over the WebSocket (`watch_documents`: a document issued or updated by
// a pharmacy is merged in without a reload, and announced), read again after a reconnection.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { realtime, type RealtimeMessage } from '../../lib/consultation/realtime';
import { fetchAllHealthDocuments } from '../../lib/health/api';
import { messageDocument, upsertDocument } from '../../lib/documents/documents';
import type { HealthDocument } from '../../lib/health/types';
import { fillText } from '../../lib/format';
import { useLatest } from '../useLatest';
import { useLoad, type Loaded } from '../useLoad';

export interface LiveDocuments {
  list: Loaded<HealthDocument[]>;
  /** The socket is up (or coming up): false shows "Mise à jour en direct interrompue". */
  live: boolean;
  /** The last change to announce politely. */
  announce: string | null;
  /** A document changed here (sent to a pharmacy, hidden, added): merged in. */
  update: (doc: HealthDocument) => void;
  /** A document deleted here. */
  remove: (id: string) => void;
}

export function useDocuments(profiles: readonly string[]): LiveDocuments {
  const { t } = useI18n();
  const key = profiles.join(',');
  const list = useLoad((signal) => fetchAllHealthDocuments(profiles, signal), [key]);
  const [live, setLive] = useState(true);
  const [announce, setAnnounce] = useState<string | null>(null);
  const words = useLatest(t.myDocs);
  const { reload, setData } = list;
  // A close issues several documents at once: one announcement for those of the same second.
  const recent = useRef<{ titles: string[]; at: number }>({ titles: [], at: 0 });

  useEffect(() => {
    const rt = realtime();
    const merge = (issued: boolean) => (m: RealtimeMessage) => {
      const issuedDoc = messageDocument(m);
      const doc = issuedDoc && { ...issuedDoc, source: 'practitioner' as const, hidden: false };
      if (!doc || (key && !key.split(',').includes(doc.profile_id))) return;
      // A pharmacy's answer must not undo the patient's "Masquer aux professionnels".
      setData((old) => {
        const hidden = old?.find((d) => d.id === doc.id)?.hidden ?? false;
        return upsertDocument(old ?? [], { ...doc, hidden });
      });
      const w = words.current;
      const title = doc.title || w.kinds[doc.kind];
      const status = doc.pharmacy
        ? fillText(w.pharmacy[doc.pharmacy.status], { name: doc.pharmacy.name })
        : doc.dispensed
          ? w.dispensed
          : '';
      if (issued || !status) {
        const now = Date.now();
        const r = recent.current;
        recent.current = { titles: now - r.at < 2000 ? [...r.titles, title] : [title], at: now };
        const titles = recent.current.titles;
        setAnnounce(
          titles.length === 1
            ? fillText(w.issuedLive, { title })
            : fillText(w.issuedLiveMany, { n: titles.length, titles: titles.join(', ') }),
        );
      } else setAnnounce(fillText(w.updatedLive, { title, status }));
    };
    const offs = [
      rt.watchDocuments(),
      rt.on('document_issued', merge(true)),
      rt.on('document_updated', merge(false)),
      rt.onState((state, reconnected) => {
        setLive(state === 'open' || state === 'connecting');
        if (reconnected) reload();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [key, reload, setData, words]);

  return {
    list,
    live,
    announce,
    update: (doc) => setData((old) => upsertDocument(old ?? [], { replaces: null, ...doc })),
    remove: (id) => setData((old) => (old ?? []).filter((d) => d.id !== id)),
  };
}
