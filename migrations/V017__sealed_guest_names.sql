-- Guests' names sealed at rest (issue 17, F6): the name the inviter typed and the one the guest
-- typed when claiming are personal data like the chat (V009), sealed with XChaCha20-Poly1305
-- under the keyring, the invitation's token hash as authenticated context
-- (consultation::invitation_context). New rows fill only these columns. A migration cannot seal
-- (the key is outside the database): at start-up, Service::seal_guest_names moves what the
-- clear columns `hint` and `guest_name` still hold into them and sets those to NULL. The clear
-- columns stay, always NULL, for nodes still running the previous version during an upgrade.
ALTER TABLE consultation_invitations ADD COLUMN sealed_hint {{blob}};
ALTER TABLE consultation_invitations ADD COLUMN sealed_guest_name {{blob}};
