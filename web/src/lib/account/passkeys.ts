// Passkeys (docs/accounts.md "Passkeys"): the API calls, and the translation between the
// server's JSON options (binary fields in base64url) and the browser's WebAuthn calls. The
// browser's answer is sent back as it is, encoded: the server verifies every byte itself.
import { api } from '../api';
import { base64urlToBytes, bytesToBase64url } from '../base64url';
import type { Me } from './types';

export interface Passkey {
  id: string;
  name: string;
  created_at: number;
  last_used_at: number | null;
}

interface CreationJson {
  challenge: string;
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { type: 'public-key'; alg: number }[];
  timeout: number;
  attestation: AttestationConveyancePreference;
  authenticatorSelection: AuthenticatorSelectionCriteria;
  excludeCredentials: { type: 'public-key'; id: string; transports?: string[] }[];
}

interface RequestJson {
  challenge: string;
  rpId: string;
  timeout: number;
  userVerification: UserVerificationRequirement;
  allowCredentials: { type: 'public-key'; id: string }[];
}

interface Options<T> {
  challenge_id: string;
  publicKey: T;
}

/** Whether this browser can use passkeys at all (the buttons are hidden otherwise). */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

/** A cancelled or timed-out browser prompt: not an error to report, the user chose. */
export function isCancelled(err: unknown): boolean {
  return (
    err instanceof DOMException && (err.name === 'NotAllowedError' || err.name === 'AbortError')
  );
}

function creationOptions(o: CreationJson): PublicKeyCredentialCreationOptions {
  return {
    challenge: base64urlToBytes(o.challenge),
    rp: o.rp,
    user: { ...o.user, id: base64urlToBytes(o.user.id) },
    pubKeyCredParams: o.pubKeyCredParams,
    timeout: o.timeout,
    attestation: o.attestation,
    authenticatorSelection: o.authenticatorSelection,
    excludeCredentials: o.excludeCredentials.map((c) => ({
      type: c.type,
      id: base64urlToBytes(c.id),
      transports: (c.transports ?? []) as AuthenticatorTransport[],
    })),
  };
}

function requestOptions(o: RequestJson): PublicKeyCredentialRequestOptions {
  return {
    challenge: base64urlToBytes(o.challenge),
    rpId: o.rpId,
    timeout: o.timeout,
    userVerification: o.userVerification,
    allowCredentials: o.allowCredentials.map((c) => ({
      type: c.type,
      id: base64urlToBytes(c.id),
    })),
  };
}

/** What the server reads of a credential: the parts every response has, plus `parts`. */
function credentialJson(c: PublicKeyCredential, parts: Record<string, unknown>) {
  return {
    id: c.id,
    rawId: bytesToBase64url(c.rawId),
    type: c.type,
    response: { clientDataJSON: bytesToBase64url(c.response.clientDataJSON), ...parts },
  };
}

function registrationJson(c: PublicKeyCredential) {
  const r = c.response as AuthenticatorAttestationResponse;
  return credentialJson(c, {
    attestationObject: bytesToBase64url(r.attestationObject),
    transports: typeof r.getTransports === 'function' ? r.getTransports() : [],
  });
}

function assertionJson(c: PublicKeyCredential) {
  const r = c.response as AuthenticatorAssertionResponse;
  return credentialJson(c, {
    authenticatorData: bytesToBase64url(r.authenticatorData),
    signature: bytesToBase64url(r.signature),
    userHandle: r.userHandle ? bytesToBase64url(r.userHandle) : null,
  });
}

/** GET /me/passkeys: the account's passkeys, oldest first. */
export function fetchPasskeys(signal?: AbortSignal): Promise<Passkey[]> {
  return api.get<Passkey[]>('/me/passkeys', signal ? { signal } : {});
}

/** Creates a passkey on this device (the browser's prompt) and registers it under `name`. */
export async function addPasskey(name: string): Promise<Passkey> {
  const options = await api.post<Options<CreationJson>>('/me/passkeys/options', {});
  const credential = (await navigator.credentials.create({
    publicKey: creationOptions(options.publicKey),
  })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException('no credential', 'NotAllowedError');
  return api.post<Passkey>('/me/passkeys', {
    challenge_id: options.challenge_id,
    name,
    credential: registrationJson(credential),
  });
}

/** PATCH /me/passkeys/{id}. */
export function renamePasskey(id: string, name: string): Promise<Passkey> {
  return api.patch<Passkey>(`/me/passkeys/${encodeURIComponent(id)}`, { name });
}

/** DELETE /me/passkeys/{id}. */
export function revokePasskey(id: string): Promise<unknown> {
  return api.del(`/me/passkeys/${encodeURIComponent(id)}`);
}

/** Signs in with a passkey alone: the browser offers the ones it holds for this site. */
export async function signInWithPasskey(): Promise<Me> {
  const options = await api.post<Options<RequestJson>>('/auth/passkey/options', {});
  const credential = (await navigator.credentials.get({
    publicKey: requestOptions(options.publicKey),
  })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException('no credential', 'NotAllowedError');
  return api.post<Me>('/auth/passkey', {
    challenge_id: options.challenge_id,
    credential: assertionJson(credential),
  });
}
