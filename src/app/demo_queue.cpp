// `cabinet demo queue` (docs/queue.md "Try it"): both sides of immediate teleconsultation with
// the demo accounts. Everything goes through queue::Service, as from the web pages, so that
// the demo shows what the product does (duty and joining audited, the card held).
#include <algorithm>

#include "app/app.hpp"
#include "directory/seed.hpp"
#include "geo/communes.hpp"
#include "payments/provider.hpp"
#include "queue/service.hpp"

namespace cabinet::app {
namespace {

const std::string kSpecialty = "general_medicine";

std::string duration_fr(std::chrono::seconds s) {
  const auto n = s.count();
  if (n % 3600 == 0) return std::to_string(n / 3600) + " h";
  if (n % 60 == 0) return std::to_string(n / 60) + " min";
  return std::to_string(n) + " s";
}

Principal principal_of(const directory::DemoAccountFound& a, Role role) {
  Principal p;
  p.account_id = a.id;
  p.account_public_id = a.public_id;
  p.role = role;
  p.status = a.status;
  return p;
}

// "ouverte jusqu'à minuit — 11 praticien(s) de garde, 2 patient(s) en attente (…)", from an
// item of GET /queues (its instants are ISO-8601, Paris time).
std::string queue_line(const nlohmann::json& q) {
  const bool open = q["open"].get<bool>();
  auto at = q[open ? "closes_at" : "opens_at"].get<std::string>().substr(11, 5);
  if (at == "00:00") at = "minuit";
  std::string line = (open ? "ouverte jusqu'à " : "fermée, ouvre à ") + at;
  line += " — " + std::to_string(q["on_duty"].get<int>()) + " praticien(s) de garde, " +
          std::to_string(q["waiting"].get<int>()) + " patient(s) en attente";
  if (q["estimate_minutes"].is_array())
    line += " (attente estimée pour le suivant : " +
            std::to_string(q["estimate_minutes"][0].get<int>()) + " à " +
            std::to_string(q["estimate_minutes"][1].get<int>()) + " min)";
  return line;
}

}  // namespace

Result<void> App::demo_queue(int patients, std::ostream& out) {
  const auto options = queue_->options();
  const auto& specialties = options->specialties;
  if (std::find(specialties.begin(), specialties.end(), kSpecialty) == specialties.end())
    return Error(ErrorCode::invalid_request,
                 "pas de file de médecine générale : queue.specialties ne contient pas "
                 "general_medicine");
  const auto& demo = directory::demo_accounts();
  const auto& patient_demo = demo.at(0);
  const auto& doctor_demo = demo.at(1);
  auto patient = block_on(directory::find_demo_account(*db_, patient_demo.email));
  if (!patient) return std::move(patient).error();
  auto doctor = block_on(directory::find_demo_account(*db_, doctor_demo.email));
  if (!doctor) return std::move(doctor).error();
  if (!*patient || !*doctor)
    return Error(ErrorCode::not_found,
                 "pas de comptes de démonstration dans cette base : lancez d'abord "
                 "`cabinet seed --demo-accounts` (le premier `make run` le fait)");
  const auto& base = config_.http.public_url;

  out << "Essayer la consultation immédiate (file « Médecine générale »)\n\n"
      << "Côté patient : " << base << "/maintenant\n"
      << "  " << patient_demo.email << " / " << patient_demo.password
      << "  (Zoé Lambert, avec son fils Hugo comme proche)\n"
      << "  « Consulter maintenant », le motif, la commune, la carte de test, puis « Rejoindre la "
         "file ».\n\n"
      << "Côté praticien : " << base << "/praticien/maintenant\n"
      << "  " << doctor_demo.email << " / " << doctor_demo.password
      << "  (Dr Camille Durand, médecin généraliste à Paris)\n";

  const auto dr = principal_of(**doctor, Role::practitioner);
  auto staff = block_on(queue_->staff(dr, Locale::fr));
  if (!staff) return std::move(staff).error();
  if (!(*staff)["eligible"].get<bool>()) {
    out << "  Ne peut pas être de garde : " << (*staff)["ineligible_reason"].get<std::string>()
        << "\n";
  } else if ((*staff)["on_duty"].get<bool>()) {
    out << "  Déjà de garde : « Prendre le patient suivant » appelle le premier de la file.\n";
  } else {
    const nlohmann::json on{{"on", true}};
    auto duty = block_on(queue_->set_duty(dr, on, Locale::fr));
    if (!duty) return std::move(duty).error();
    out << "  Mise de garde à l'instant : « Prendre le patient suivant » appelle le premier de la "
           "file.\n";
  }
  out << "  Un code à 6 chiffres est envoyé par e-mail à chaque connexion : en mode "
         "développement (make run), il est sur "
      << base << "/dev/mailbox.\n";

  if (patients > 0) {
    // The demo patients' holds are placed with the sandbox's test card: never with a real
    // provider.
    if (payments_->name() != "sandbox")
      return Error(ErrorCode::invalid_request,
                   "--patients : les patients de démonstration paient avec la carte de test du "
                   "bac à sable (payments.provider=sandbox)");
    auto list = block_on(directory::demo_queue_patients(*db_, clock_, random_, patients));
    if (!list) return std::move(list).error();
    out << "\nPatients de démonstration dans la file :\n";
    for (const auto& p : *list) {
      const auto* commune = geo::Communes::instance().by_code(p.commune_code);
      // "Saint-Denis (93)": a name alone may be several communes.
      const auto where =
          commune ? commune->name + " (" + commune->department + ")" : p.commune_code;
      out << "  " << p.name << " (" << where << ", « " << p.reason << " ») : ";
      const nlohmann::json body{{"profile_id", p.account.holder_profile.value_or("")},
                                {"reason", p.reason},
                                {"commune_code", p.commune_code},
                                {"emergency_answers",
                                 {{"chest_pain", false},
                                  {"breathing", false},
                                  {"intense_pain", false},
                                  {"fainting", false},
                                  {"stroke", false}}},
                                {"card_token", "tok_visa"}};
      const auto who = principal_of(p.account, Role::patient);
      auto joined = block_on(queue_->join(who, kSpecialty, body, "", Locale::fr));
      if (joined) {
        out << "en attente, position " << joined->body["position"].get<int>() << "\n";
      } else if (joined.error().code == ErrorCode::already_queued) {
        out << "déjà dans la file\n";
      } else {
        out << joined.error().message(Locale::fr) << "\n";
        if (joined.error().code == ErrorCode::queue_closed) break;
      }
    }
  }

  auto queues = block_on(queue_->queues(Locale::fr));
  if (!queues) return std::move(queues).error();
  for (const auto& q : (*queues)["items"])
    if (q["specialty"] == kSpecialty) out << "\nLa file : " << queue_line(q) << ".\n";

  out << "\nLes patients de démonstration n'ont pas de page ouverte : le serveur les retire de la "
         "file au bout de queue.grace ("
      << duration_fr(config_.queue.grace)
      << " ici). Pour les garder, lancez le serveur avec --set queue.grace=1h (ou "
         "CABINET_QUEUE_GRACE=1h make run), puis relancez cette commande pour remettre ceux qui "
         "sont partis.\n"
         "Appelé, un patient de démonstration ne rejoint jamais la salle : il est remis une fois à "
         "sa place après queue.answer_window ("
      << duration_fr(config_.queue.answer_window)
      << "), puis retiré ; rien n'est débité. Le praticien, lui, voit la salle de consultation.\n"
         "La page du praticien se met à jour aux changements de la file qu'elle voit passer : "
         "rechargez-la pour voir les patients ajoutés par cette commande.\n";
  return ok();
}

}  // namespace cabinet::app
