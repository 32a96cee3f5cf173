// English copy of the passkeys (same shape as fr-passkeys.ts).
import type { frPasskeys } from './fr-passkeys';

export const enPasskeys: typeof frPasskeys = {
  passkeys: {
    title: 'Passkeys',
    lead: 'A passkey signs you in without a password or code: your phone or computer recognises you (fingerprint, face or device PIN). It only works on Cabinet and cannot be stolen by a fake site.',
    required:
      'Your role requires a passkey (or an authenticator app) to sign in. Add one now: the emailed code will no longer be enough afterwards.',
    none: 'No passkey yet.',
    nameLabel: 'Name of the passkey',
    nameHint: 'To recognise it, for example “Zoé’s phone” or “Practice computer”.',
    defaultName: 'Passkey',
    add: 'Add a passkey',
    adding: 'Follow your device’s instructions…',
    added: 'The passkey “{name}” is added. You can use it next time you sign in.',
    cancelled: 'The passkey was not created (request cancelled or timed out). You can try again.',
    unsupported:
      'This browser does not support passkeys. Use a recent browser (Chrome, Edge, Firefox, Safari).',
    created: 'Added {when}',
    lastUsed: 'last used {when}',
    neverUsed: 'never used',
    rename: 'Rename',
    renameLabel: 'New name',
    save: 'Save',
    cancel: 'Cancel',
    renamed: 'The passkey is now called “{name}”.',
    revoke: 'Remove',
    revokeConfirm:
      'Remove the passkey “{name}”? It will no longer sign you in. Remember to remove it from your device too.',
    revokeYes: 'Yes, remove',
    revoked: 'The passkey “{name}” is removed.',
    nameRequired: 'Give this passkey a name of 1 to 60 characters.',
    signIn: 'Sign in with a passkey',
    signInLead: 'No password or code, with your phone or computer.',
    signingIn: 'Follow your device’s instructions…',
    signInCancelled:
      'Passkey sign-in cancelled or timed out. Try again, or sign in with your password.',
    or: 'or',
  },
};
