// Demo data that needs the whole application (`cabinet seed --demo-accounts`): the demo
// patient's past consultation closed with its documents, through the documents feature itself
// so that the demo shows exactly what a practitioner's close makes.
#include "app/app.hpp"
#include "booking/service.hpp"
#include "documents/service.hpp"

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
  return ok();
}

}  // namespace cabinet::app
