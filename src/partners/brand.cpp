// The front on a partner's host (docs/operator.md "Partners"): its name, logo, colours and
// contact for the SPA, and its own legal notice, terms and privacy texts. Public: the page needs
// them before anyone signs in. The platform's own host answers {"partner": null}.
#include "partners/service.hpp"
#include "partners/store.hpp"

namespace cabinet::partners {

Task<Result<nlohmann::json>> Service::brand(std::string_view host) {
  const auto entry = d_.hosts.find(host);
  if (!entry) co_return nlohmann::json{{"partner", nullptr}};
  auto p = co_await store::by_id(d_.db, entry->partner_id);
  if (!p) co_return std::move(p).error();
  if (!*p || (*p)->status != "active") co_return nlohmann::json{{"partner", nullptr}};
  const auto& v = **p;
  nlohmann::json logo = nullptr;
  if (v.has_logo) logo = "/api/v1/partners/" + v.public_id + "/logo";
  co_return nlohmann::json{{"partner",
                            {{"id", v.public_id},
                             {"name", v.name},
                             {"kind", v.kind},
                             {"logo_url", logo},
                             {"color_primary", v.color_primary},
                             {"color_accent", v.color_accent},
                             {"contact_email", v.contact_email},
                             {"contact_phone", v.contact_phone},
                             {"own_pages",
                              {{"legal", !v.legal_notice.empty()},
                               {"terms", !v.terms.empty()},
                               {"privacy", !v.privacy.empty()}}}}}};
}

Task<Result<nlohmann::json>> Service::page(std::string_view host, const std::string& which) {
  if (which != "legal" && which != "terms" && which != "privacy")
    co_return Error(ErrorCode::not_found);
  const auto entry = d_.hosts.find(host);
  if (!entry) co_return nlohmann::json{{"partner", nullptr}, {"text", nullptr}};
  auto p = co_await store::by_id(d_.db, entry->partner_id);
  if (!p) co_return std::move(p).error();
  if (!*p || (*p)->status != "active")
    co_return nlohmann::json{{"partner", nullptr}, {"text", nullptr}};
  const auto& v = **p;
  const std::string& text = which == "legal"   ? v.legal_notice
                            : which == "terms" ? v.terms
                                               : v.privacy;
  nlohmann::json body = nullptr;
  if (!text.empty()) body = text;
  co_return nlohmann::json{{"partner", v.name}, {"text", body}};
}

}  // namespace cabinet::partners
