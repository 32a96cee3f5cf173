// The practitioner's teleconsultation share (docs/operator.md "Teleconsultation share").
import { api } from './api';

export interface TeleShare {
  year: number;
  teleconsultations: number;
  medecin_traitant_excluded: number;
  counted: number;
  in_person_declared: number | null;
  in_person_on_cabinet: number;
  activity: number;
  share: number | null;
  cap: number;
  level: 'ok' | 'near' | 'over';
  source: string;
}

/** GET /practitioner/teleconsultation-share: this year's. */
export function fetchTeleShare(signal?: AbortSignal): Promise<TeleShare> {
  return api.get<TeleShare>('/practitioner/teleconsultation-share', { signal });
}

/** PUT /practitioner/teleconsultation-share/{year}: the year's in-person consultations. */
export function declareInPerson(year: number, inPerson: number): Promise<TeleShare> {
  return api.put<TeleShare>(`/practitioner/teleconsultation-share/${year}`, {
    in_person: inPerson,
  });
}

/** "12 %" in French, "12%" in English: whole percents. */
export function percent(value: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(value);
}
