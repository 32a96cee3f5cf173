#include "directory/pricing.hpp"

#include "billing/reimbursement.hpp"
#include "directory/input.hpp"

namespace cabinet::directory {

Result<void> check_sector_1_price(const store::Profile& p, const store::Motif& m,
                                  std::string_view date) {
  if (p.sector != "1") return ok();
  for (const std::string_view mode : {"video", "in_person"}) {
    if (m.mode != mode && m.mode != "both") continue;
    const auto ceiling = billing::sector_1_ceiling(p.specialty, mode, date);
    if (!ceiling || m.price_cents <= *ceiling) continue;
    const bool video = mode == "video";
    const bool both = m.mode == "both";
    std::string fr = "Motif « " + m.label + " » : en secteur 1, ";
    fr += video ? "la téléconsultation" : "la consultation au cabinet";
    fr += " se facture au tarif de la convention, " + billing::format_euros(*ceiling, Locale::fr) +
          " au plus. Un dépassement exceptionnel (DE) se décide consultation par consultation, "
          "pas dans le prix d'un motif.";
    if (both) fr += " Pour des tarifs différents, créez un motif vidéo et un motif au cabinet.";
    std::string en = "Reason \"" + m.label + "\": in sector 1, ";
    en += video ? "a video consultation" : "an in-person consultation";
    en += " is billed at the convention tariff, " + billing::format_euros(*ceiling, Locale::en) +
          " at most. An exceptional excess (DE) is decided per consultation, not built into a "
          "reason's price.";
    if (both) en += " For different prices, create a video reason and an in-person one.";
    return invalid("price_cents", fr, en);
  }
  return ok();
}

}  // namespace cabinet::directory
