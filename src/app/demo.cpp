// Demo data that needs the whole application (`cabinet seed --demo-accounts`): the demo
// patient's past consultation closed with its documents, through the documents feature itself
// so that the demo shows exactly what a practitioner's close makes; then the practitioner's
// messaging turned on and a short conversation about it, through the messaging feature (sealed
// and audited like any other); and the child's medical profile with an allergy, through the
// health space, so that the room's panel and the prescription's warning have something to show.
#include "accounts/store.hpp"
#include "app/app.hpp"
#include "booking/service.hpp"
#include "documents/service.hpp"
#include "health/service.hpp"
#include "messaging/service.hpp"
#include "notify/outbox.hpp"

namespace cabinet::app {

Result<void> App::close_demo_consultation(const std::string& consultation) {
  auto v = block_on(booking_->find(consultation));
  if (!v) return std::move(v).error();
  if (!*v) return Error(ErrorCode::not_found, "demo consultation " + consultation);
  Principal doctor;
  doctor.account_id = (*v)->a.practitioner_id;
  doctor.role = Role::practitioner;
  doctor.status = "active";
  const nlohmann::json form{
      {"amount_cents", (*v)->a.price_cents},
      {"report",
       {{"history", "Toux sèche et nez bouché depuis trois jours, fièvre à 38,2 °C hier soir."},
        {"findings", "Pas de gêne respiratoire à l'échange, voix normale, bon état général."},
        {"conclusion", "Rhinopharyngite virale probable."},
        {"advice",
         "Boire abondamment, lavages de nez. Reconsulter si la fièvre dure plus de "
         "trois jours ou en cas de gêne pour respirer."}}},
      {"prescription",
       {{"drugs",
         {{{"name", "Paracétamol"},
           {"strength", "1 g"},
           {"form", "comprimé"},
           {"posology", "1 comprimé toutes les 6 heures si fièvre ou douleur, 4 par jour au plus"},
           {"duration", "5 jours"}},
          {{"name", "Chlorure de sodium 0,9 %"},
           {"form", "solution pour lavage nasal"},
           {"posology", "1 lavage de chaque narine matin et soir"},
           {"duration", "1 boîte"}}}}}},
      {"care_sheet", true}};
  auto closed = block_on(documents_->close(doctor, consultation, form, Locale::fr));
  if (!closed) return std::move(closed).error();

  Principal holder;
  holder.account_id = (*v)->a.patient_account_id;
  holder.role = Role::patient;
  holder.status = "active";
  auto profiles = block_on(accounts::store::profiles_of(*db_, holder.account_id));
  if (!profiles) return std::move(profiles).error();
  if (profiles->empty()) return ok();
  // The child when there is one (the demo's family), else the holder.
  const auto* chosen = &profiles->front();
  for (const auto& p : *profiles)
    if (!p.is_holder) chosen = &p;
  const nlohmann::json medical{
      {"items",
       {{{"category", "allergy"},
         {"label", "Pénicilline"},
         {"detail", "Urticaire géante après de l'amoxicilline"},
         {"date", "2021"}},
        {{"category", "vaccination"}, {"label", "ROR (rougeole, oreillons, rubéole)"}},
        {{"category", "medical_history"}, {"label", "Asthme léger"}}}},
      {"height_cm", 118},
      {"weight_kg", "21,5"}};
  auto put = block_on(health_->put_medical(holder, chosen->public_id, medical));
  if (!put) return std::move(put).error();

  auto on = block_on(messaging_->put_settings(
      doctor, {{"enabled", true}, {"assistants_see_conversations", false}}));
  if (!on) return std::move(on).error();
  auto account = block_on(accounts::store::account_by_id(*db_, (*v)->a.patient_account_id));
  if (!account) return std::move(account).error();
  if (!*account) return ok();
  Principal patient;
  patient.account_id = (*v)->a.patient_account_id;
  patient.account_public_id = (*account)->public_id;
  patient.role = Role::patient;
  patient.status = "active";
  auto consulted = block_on(messaging_->practitioners(patient, Locale::fr));
  if (!consulted) return std::move(consulted).error();
  if ((*consulted)["items"].empty()) return ok();
  const nlohmann::json question{
      {"practitioner_id", (*consulted)["items"][0]["id"]},
      {"profile_id", (*v)->profile_public_id},
      {"reason", "treatment"},
      {"message",
       "Bonjour Docteur, la fièvre est tombée mais le nez reste bouché. Puis-je continuer les "
       "lavages de nez au-delà d'une semaine ?"}};
  auto opened = block_on(messaging_->open(patient, question, ""));
  if (!opened) return std::move(opened).error();
  const nlohmann::json answer{
      {"message",
       "Bonjour, oui, vous pouvez les poursuivre sans problème. Si le nez reste bouché plus de "
       "dix jours, reprenez rendez-vous."}};
  auto answered =
      block_on(messaging_->send(doctor, (*opened)["id"].get<std::string>(), answer, ""));
  if (!answered) return std::move(answered).error();
  // The demo's notifications (documents, messages) go out now rather than when the server
  // starts: the next message in a demo mailbox is then the one a sign-in asks for.
  auto delivered = block_on(courier_->deliver_due());
  if (!delivered) return std::move(delivered).error();
  return ok();
}

}  // namespace cabinet::app
