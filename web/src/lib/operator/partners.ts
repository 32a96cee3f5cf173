// White-label partners and insurers' codes (docs/operator.md "Partners"): the operator's calls,
// the brand of the current host, and the member's activation codes.
import { api } from '../api';

export interface Partner {
  id: string;
  name: string;
  kind: 'brand' | 'insurer';
  status: 'active' | 'disabled';
  logo_url: string | null;
  color_primary: string;
  color_accent: string;
  contact_email: string;
  contact_phone: string;
  legal_notice: string;
  terms: string;
  privacy: string;
  quota_per_year: number;
  quota_scope: 'profile' | 'family';
  covered_percent: number;
  hosts: string[];
}

export type PartnerInput = Omit<Partner, 'id' | 'logo_url'>;

export interface PartnerAdmin {
  id: string;
  email: string;
  status: string;
}

export interface Brand {
  id: string;
  name: string;
  kind: string;
  logo_url: string | null;
  color_primary: string;
  color_accent: string;
  contact_email: string;
  contact_phone: string;
  own_pages: { legal: boolean; terms: boolean; privacy: boolean };
}

export interface Benefit {
  partner: string;
  scope: 'profile' | 'family';
  profile_id: string | null;
  per_year: number;
  covered_percent: number;
  year: number;
  remaining: number;
}

const base = (id: string) => `/operator/partners/${encodeURIComponent(id)}`;

export const fetchPartners = (signal: AbortSignal) =>
  api.get<Partner[]>('/operator/partners', { signal });
export const createPartner = (input: Partial<PartnerInput>) =>
  api.post<Partner>('/operator/partners', input);
export const updatePartner = (id: string, input: Partial<PartnerInput>) =>
  api.patch<Partner>(base(id), input);
export const uploadLogo = (id: string, file: Blob) =>
  api.putFile<Partner>(`${base(id)}/logo`, file);
export const fetchAdmins = (id: string, signal: AbortSignal) =>
  api.get<PartnerAdmin[]>(`${base(id)}/admins`, { signal });
export const inviteAdmin = (
  id: string,
  body: { email: string; first_name: string; last_name: string },
) => api.post<PartnerAdmin>(`${base(id)}/admins`, body);
export const issueCodes = (id: string, count: number) =>
  api.post<{ codes: string[] }>(`${base(id)}/codes`, { count });
export const codeCounts = (id: string, signal: AbortSignal) =>
  api.get<{ issued: number; redeemed: number }>(`${base(id)}/codes`, { signal });

export const fetchBrand = (signal?: AbortSignal) =>
  api.get<{ partner: Brand | null }>('/brand', signal ? { signal } : undefined);
export const fetchBrandPage = (page: 'legal' | 'terms' | 'privacy', signal: AbortSignal) =>
  api.get<{ partner: string | null; text: string | null }>(`/brand/pages/${page}`, { signal });

export const fetchBenefits = (signal: AbortSignal) =>
  api.get<{ benefits: Benefit[] }>('/me/insurer-codes', { signal });
export const redeemCode = (code: string, profileId: string) =>
  api.post<{ partner: string; remaining: number }>('/me/insurer-codes', {
    code,
    profile_id: profileId,
  });

/** A CSV of issued codes, as the API's own format=csv answers it. */
export function codesCsv(codes: string[], partner: string): string {
  const quoted = `"${partner.replaceAll('"', '""')}"`;
  return ['code,partner', ...codes.map((c) => `${c},${quoted}`)].join('\r\n') + '\r\n';
}

/** WCAG contrast ratio of a #rrggbb colour against white. */
export function contrastOnWhite(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return 1;
  const n = parseInt(m[1] ?? '0', 16);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l =
    0.2126 * channel((n >> 16) & 255) +
    0.7152 * channel((n >> 8) & 255) +
    0.0722 * channel(n & 255);
  return 1.05 / (l + 0.05);
}

/** Hosts typed one per line or separated by commas or spaces. */
export function parseHosts(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h.length > 0);
}
