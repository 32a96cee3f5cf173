#include "privacy/coverage.hpp"

#include <array>

namespace cabinet::privacy {
namespace {

constexpr std::array kTables{
    TableUse{"accounts", true, "account (without the password hash and the TOTP secret)"},
    TableUse{"profiles", true, "profiles, with their administrative data opened"},
    TableUse{"sessions", true, "sessions (every device, revoked ones too)"},
    TableUse{"login_challenges", true, "login_attempts (time, method, address; no code)"},
    TableUse{"passkeys", true,
             "passkeys (name, created, last used); the public keys are not the person's data "
             "but a lock they hold the key of, useless to them"},
    TableUse{"webauthn_challenges", false,
             "random single-use passkey challenges, valid 5 minutes and gone within the hour: "
             "security state, not information about the person"},
    TableUse{"outbox", true, "notifications: emails and SMS sent to the account's address"},
    TableUse{"audit_log", true, "access_log (about the profiles) and my_actions (by the account)"},
    TableUse{"appointments", true, "appointments"},
    TableUse{"payment_holds", true, "appointments[].payment.holds"},
    TableUse{"booking_jobs", true, "appointments[].reminders"},
    TableUse{"consultation_messages", true, "appointments[].consultation.messages, opened"},
    TableUse{"consultation_files", true,
             "appointments[].consultation.files, and files/ in the ZIP"},
    TableUse{"consultation_incidents", true, "appointments[].consultation.phone_switches, opened"},
    TableUse{"consultation_invitations", true,
             "appointments[].consultation.guests, the names (hint, guest_name) opened"},
    TableUse{"consultation_notes", true,
             "appointments[].consultation.practitioner_notes: that notes exist and when; the "
             "text is the practitioner's personal working notes, obtained from them (CSP "
             "L1111-7), not from the platform"},
    TableUse{"documents", true,
             "appointments[].documents (kind, version, date) and documents/*.pdf in the ZIP"},
    TableUse{"prescriptions", true,
             "in the prescription's PDF (number, QR); the key and signed copy serve the "
             "pharmacist's check"},
    TableUse{"closing_drafts", false,
             "the practitioner's closing form while typing: becomes the issued documents, which "
             "are exported"},
    TableUse{"document_counters", false, "the stand-in's last prescription number: no person"},
    TableUse{"health_files", true,
             "health.profiles[].own_files (title and name opened) and health/<profile>/ in the "
             "ZIP"},
    TableUse{"document_visibility", true, "health.hidden_documents"},
    TableUse{"appointment_shares", true, "health.shares"},
    TableUse{"medical_profiles", true, "health.profiles[].medical_profile, opened"},
    TableUse{"queue_entries", true, "immediate_consultations (the reason opened)"},
    TableUse{"call_reports", false,
             "a browser's measure of its call (set-up time, relayed or not, audio only) per "
             "consultation side, without account or content: technical figures for the "
             "operator's aggregate statistics"},
    TableUse{"queue_duty", false,
             "whether a practitioner is on duty for the immediate queue right now: working "
             "state, gone when they switch off"},
    // Messaging (docs/messaging.md).
    TableUse{"conversations", true, "conversations (reason, status, practitioner, profile)"},
    TableUse{"conversation_messages", true, "conversations[].messages, the texts opened"},
    TableUse{"conversation_attachments", true,
             "conversations[].messages[].attachments, and messages/ in the ZIP"},
    TableUse{"messaging_settings", true, "practitioner.messaging (whether they receive messages)"},
    // White-label partners and insurers (docs/operator.md "Partners").
    TableUse{"partners", false,
             "the partner organisations' names, brands and terms: businesses, no person"},
    TableUse{"partner_hosts", false, "the partners' host names: no person"},
    TableUse{"insurer_codes", true,
             "insurer_benefits (the insurer, the profile, when); on erasure the code stays "
             "counted, unlinked from the account"},
    TableUse{"practitioners", true, "practitioner"},
    TableUse{"teleconsultation_declarations", true,
             "practitioner.teleconsultation_declarations (in-person consultations declared)"},
    TableUse{"rpps_extract", false,
             "the public RPPS extract the operator imports (Annuaire Santé): the public register's "
             "entries about practitioners, not data the person gave Cabinet"},
    TableUse{"practitioner_profiles", true, "practitioner.public_profile"},
    TableUse{"practitioner_photos", true, "files/photo.jpg in the ZIP"},
    TableUse{"motifs", true, "practitioner.motifs"},
    TableUse{"opening_hours", true, "practitioner.opening_hours"},
    TableUse{"agenda_exceptions", true, "practitioner.agenda_exceptions"},
    TableUse{"assistants", true, "practitioner.assistants, assistant_of"},
    TableUse{"instance", false, "the installation's own id: no person"},
    TableUse{"schema_version", false, "applied migrations: no person"},
    TableUse{"tokens", false,
             "SHA-256 of single-use links, useless without the link, gone within days: a "
             "security secret, not information about the person"},
    TableUse{"rate_limits", false,
             "counters of requests per address or email for at most an hour: security "
             "state, not kept"},
    TableUse{"idempotency_keys", false,
             "a retried booking's stored answer, kept a day; the same facts are in "
             "appointments"},
    TableUse{"appointment_granules", false,
             "the 5-minute slots an appointment occupies: derived from appointments"},
    TableUse{"directory_changes", false, "a practitioner id and an instant, to refresh caches"},
    TableUse{"reference_drugs", false,
             "reference list of drugs (built-in list, the public BDPM): products, no person"},
    TableUse{"reference_drug_words", false, "search words of reference_drugs: no person"},
    TableUse{"reference_pharmacies", false,
             "reference list of pharmacies (the public FINESS extract, demo data): businesses' "
             "public addresses, no patient"},
    TableUse{"reference_pharmacy_words", false, "search words of reference_pharmacies: no person"},
    // Platform settings (docs/operator.md "Settings").
    TableUse{"settings", false,
             "the platform's settings the operator changed (fees, hours, limits): no patient; "
             "which operator changed them is in audit_log (my_actions)"},
    TableUse{"settings_history", false,
             "every settings change with the operator's account id: the same facts are in "
             "audit_log (my_actions), which is exported"},
    TableUse{"settings_version", false, "one counter that nodes poll: no person"},
    TableUse{"sandbox_holds", false,
             "the sandbox payment provider's own books (Stripe's in production): the amounts, "
             "states, card brand and last four digits are in appointments[].payment"},
    TableUse{"sandbox_methods", false,
             "the sandbox provider's saved cards (Stripe's in production): brand and last four "
             "digits are in appointments[].payment"},
};

}  // namespace

std::span<const TableUse> table_coverage() { return kTables; }

}  // namespace cabinet::privacy
