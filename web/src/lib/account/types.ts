// The objects of the accounts API, as docs/accounts.md describes them.
import type { RppsChecks } from '../operator/accounts';

// partner_admin: an operator account of a white-label partner (its statistics only).
export type Role = 'patient' | 'practitioner' | 'assistant' | 'operator' | 'partner_admin';
export type AccountStatus = 'active' | 'pending' | 'rejected' | 'suspended';
export type VerificationStatus = 'pending' | 'verified' | 'rejected';
export type Relationship = 'self' | 'child' | 'parent' | 'spouse' | 'sibling' | 'other';
export type Sex = 'female' | 'male' | 'other';

export interface Account {
  id: string;
  email: string;
  email_confirmed: boolean;
  phone: string;
  role: Role;
  status: AccountStatus;
  locale: 'fr' | 'en';
  totp_enabled: boolean;
  /** How many passkeys the account has (docs/accounts.md "Passkeys"). */
  passkeys?: number;
  /** security.strong_factor_roles covers this role: a passkey or TOTP is required. */
  strong_factor_required?: boolean;
  created_at: number;
  practitioner?: {
    rpps: string;
    specialty: string;
    status: VerificationStatus;
    rejection_reason: string | null;
  };
  assistant_of?: { id: string; name: string };
}

export interface Profile {
  id: string;
  is_holder: boolean;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  sex: Sex | null;
  relationship: Relationship;
}

export interface Me {
  account: Account;
  profiles: Profile[];
  current_profile: string;
}

export interface Administrative {
  nir: string | null;
  /** Read-only (issue 12): the profile's own number, or the account holder's on a minor child. */
  nir_owner?: 'self' | 'account_holder' | null;
  medecin_traitant: { name: string; rpps: string | null } | null;
  coverage: { ald: boolean; css: boolean; ame: boolean; maternity: boolean };
  complementary: { name: string; member_number: string | null } | null;
}

export interface LoginChallenge {
  challenge: string;
  method: 'email' | 'totp';
  expires_at: number;
}

export interface SessionInfo {
  id: string;
  created_at: number;
  last_seen_at: number;
  ip: string;
  user_agent: string;
  current: boolean;
}

export interface AccessEntry {
  at: number;
  actor: {
    name: string;
    role: string;
    /** Added by issue 12 (absent from older servers). */
    kind?: 'self' | 'practitioner' | 'assistant' | 'guest' | 'operator' | 'patient' | 'system';
    guest_kind?: 'guest' | 'interpreter';
    assistant_of?: string;
  };
  action: string;
  profile: { id: string; name: string };
  /** The whole sentence, in the request's language: "Dr Claire Martin a lu la conversation…". */
  sentence?: string;
  /** The day in Paris, "YYYY-MM-DD": the page groups entries by it. */
  day?: string;
  known_action?: boolean;
  consultation?: { id: string; start_at: number } | null;
  /** The patient's own address, or only the network of anyone else. */
  from?: { ip: string } | { network: string } | null;
}

export interface AssistantInfo {
  id: string;
  email: string;
  name: string | null;
  status: 'invited' | 'active';
}

export interface PractitionerApplication {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  rpps: string;
  specialty: string;
  status: VerificationStatus;
  created_at: number;
  /** The operator's list only (docs/operator.md "Accounts"). */
  rpps_checks?: RppsChecks;
}

export interface TotpSetup {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

export interface MailSummary {
  id: string;
  to: string;
  subject: string;
  date: number | string;
}

export interface Mail extends MailSummary {
  text: string;
  html: string;
  /** Files sent with the email (an appointment's .ics), text only. */
  attachments?: Array<{ filename: string; content_type: string; content: string }>;
}
