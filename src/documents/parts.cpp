#include "documents/parts.hpp"

#include "core/utf8.hpp"
#include "documents/internal.hpp"
#include "documents/rules.hpp"
#include "http/input.hpp"

namespace cabinet::documents {
namespace {

constexpr std::size_t kLongText = 4000;
constexpr std::size_t kMaxDrugs = 30;
constexpr std::size_t kMaxLines = 30;
constexpr std::size_t kMaxCertificateText = 2000;

Error named(const std::string& field, const std::string& fr, const std::string& en) {
  return http::invalid_field(field, fr, en);
}

Result<nlohmann::json> report(const Reader& in) {
  nlohmann::json out = nlohmann::json::object();
  bool any = false;
  for (const char* f : {"history", "findings", "conclusion", "advice"}) {
    auto t = in.text(f, kLongText);
    if (!t) return std::move(t).error();
    any = any || !t->empty();
    out[f] = *t;
  }
  if (!any)
    return named(in.name("conclusion"), "Le compte-rendu est vide : écrivez au moins la conclusion.",
                 "The report is empty: write at least the conclusion.");
  return out;
}

Result<nlohmann::json> drug(const Reader& in) {
  nlohmann::json out = nlohmann::json::object();
  auto name = in.text("name", 200, true);
  if (!name) return std::move(name).error();
  out["name"] = *name;
  for (const auto& [field, max, required] :
       {std::tuple{"strength", 60, false}, std::tuple{"form", 60, false},
        std::tuple{"posology", 300, true}, std::tuple{"duration", 100, true},
        std::tuple{"drug_id", 64, false}}) {
    auto t = in.text(field, static_cast<std::size_t>(max), required);
    if (!t) return std::move(t).error();
    out[field] = *t;
  }
  auto renewals = in.number("renewals", 0, 12, 0);
  if (!renewals) return std::move(renewals).error();
  out["renewals"] = *renewals;
  return out;
}

Result<nlohmann::json> prescription(const Reader& in, const PartFacts& facts) {
  nlohmann::json out = nlohmann::json::object();
  out["drugs"] = nlohmann::json::array();
  const auto& drugs = in.at("drugs");
  if (!drugs.is_null() && !drugs.is_array())
    return named(in.name("drugs"), "Liste de médicaments attendue.", "A list of drugs expected.");
  if (drugs.is_array()) {
    if (drugs.size() > kMaxDrugs)
      return named(in.name("drugs"), "30 médicaments au plus par ordonnance.",
                   "At most 30 drugs per prescription.");
    for (std::size_t i = 0; i < drugs.size(); ++i) {
      const auto field = in.name("drugs[" + std::to_string(i) + "]");
      if (!drugs[i].is_object())
        return named(field, "Médicament invalide.", "Invalid drug.");
      auto d = drug(Reader(drugs[i], field + "."));
      if (!d) return std::move(d).error();
      out["drugs"].push_back(std::move(*d));
    }
  }
  for (const auto& [field, max] : {std::pair{"tests", 200}, std::pair{"other", 300}}) {
    auto l = in.lines(field, kMaxLines, static_cast<std::size_t>(max));
    if (!l) return std::move(l).error();
    out[field] = *l;
  }
  auto weight = in.text("weight_kg", 10);
  if (!weight) return std::move(weight).error();
  if (!weight->empty()) {
    for (const char c : *weight)
      if ((c < '0' || c > '9') && c != ',' && c != '.')
        return named(in.name("weight_kg"), "Poids en kilogrammes, par exemple 14,5.",
                     "Weight in kilograms, for example 14.5.");
    out["weight_kg"] = *weight;
  } else if (facts.patient_age < 12 && !out["drugs"].empty()) {
    // R.5132-3: the weight, when the dose depends on it, as it does for a child.
    return named(in.name("weight_kg"),
                 "Indiquez le poids de l'enfant : les doses en dépendent.",
                 "Give the child's weight: doses depend on it.");
  }
  if (out["drugs"].empty() && out["tests"].empty() && out["other"].empty())
    return named(in.name("drugs"), "L'ordonnance est vide : ajoutez un médicament ou un examen.",
                 "The prescription is empty: add a drug or a test.");
  return out;
}

Result<nlohmann::json> sick_leave(const Reader& in, const PartFacts& facts) {
  nlohmann::json out = nlohmann::json::object();
  auto from = in.text("from", 10, true);
  if (!from) return std::move(from).error();
  auto to = in.text("to", 10, true);
  if (!to) return std::move(to).error();
  auto prolongation = in.flag("prolongation");
  if (!prolongation) return std::move(prolongation).error();
  auto impossible = in.flag("in_person_impossible");
  if (!impossible) return std::move(impossible).error();
  auto outings = in.text("outings", 20);
  if (!outings) return std::move(outings).error();
  if (outings->empty()) *outings = "restricted";
  if (*outings != "free" && *outings != "restricted")
    return named(in.name("outings"), "Sorties : « free » ou « restricted ».",
                 "Outings: \"free\" or \"restricted\".");
  auto reason = in.text("reason", 500, true);
  if (!reason) return std::move(reason).error();
  SickLeaveFacts f{*from, *to, facts.today, *prolongation, *impossible, facts.medecin_traitant};
  auto days = check_sick_leave(f);
  if (!days) {
    auto e = std::move(days).error();
    // The rule names its own fields; inside a list they get the part's prefix.
    if (e.field.rfind("sick_leave.", 0) == 0) e.field = in.name(e.field.substr(11));
    return e;
  }
  out["from"] = *from;
  out["to"] = *to;
  out["days"] = *days;
  out["prolongation"] = *prolongation;
  out["in_person_impossible"] = *impossible;
  out["outings"] = *outings;
  out["reason"] = *reason;
  return out;
}

Result<nlohmann::json> certificate(const Reader& in) {
  auto type = in.text("type", 40, true);
  if (!type) return std::move(type).error();
  if (auto r = check_certificate(*type); !r) {
    auto e = std::move(r).error();
    e.field = in.name("type");
    return e;
  }
  auto text = in.text("text", kMaxCertificateText);
  if (!text) return std::move(text).error();
  return nlohmann::json{{"type", *type}, {"text", *text}};
}

}  // namespace

Result<std::string> Reader::text(const std::string& field, std::size_t max, bool required) const {
  const auto& v = at(field);
  if (v.is_null()) {
    if (required) return http::missing_field(name(field));
    return std::string();
  }
  if (!v.is_string())
    return named(name(field), "Texte attendu.", "Text expected.");
  auto s = v.get<std::string>();
  if (s.size() > max)
    return named(name(field),
                 "Texte trop long (" + std::to_string(max) + " octets au plus).",
                 "Text too long (at most " + std::to_string(max) + " bytes).");
  if (!is_valid_utf8(s))
    return named(name(field), "Texte invalide.", "Invalid text.");
  // Trimmed: a line of spaces says nothing, and must not pass for a posology.
  const auto b = s.find_first_not_of(" \t\r\n");
  s = b == std::string::npos ? std::string() : s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
  if (required && s.empty()) return http::missing_field(name(field));
  return s;
}

Result<bool> Reader::flag(const std::string& field) const {
  const auto& v = at(field);
  if (v.is_null()) return false;
  if (!v.is_boolean()) return named(name(field), "Vrai ou faux attendu.", "true or false expected.");
  return v.get<bool>();
}

Result<int> Reader::number(const std::string& field, int min, int max, int fallback) const {
  const auto& v = at(field);
  if (v.is_null()) return fallback;
  if (!v.is_number_integer() || v.get<std::int64_t>() < min || v.get<std::int64_t>() > max)
    return named(name(field),
                 "Nombre entier de " + std::to_string(min) + " à " + std::to_string(max) + ".",
                 "Whole number from " + std::to_string(min) + " to " + std::to_string(max) + ".");
  return v.get<int>();
}

Result<std::vector<std::string>> Reader::lines(const std::string& field, std::size_t items,
                                               std::size_t max) const {
  std::vector<std::string> out;
  const auto& v = at(field);
  if (v.is_null()) return out;
  if (!v.is_array() || v.size() > items)
    return named(name(field), "Liste de " + std::to_string(items) + " lignes au plus attendue.",
                 "A list of at most " + std::to_string(items) + " lines expected.");
  for (std::size_t i = 0; i < v.size(); ++i) {
    const nlohmann::json one{{"l", v[i]}};
    const Reader line(one, name(field + "[" + std::to_string(i) + "]"));
    auto t = line.text("l", max);
    if (!t) {
      auto e = std::move(t).error();
      e.field = name(field + "[" + std::to_string(i) + "]");
      return e;
    }
    if (!t->empty()) out.push_back(std::move(*t));
  }
  return out;
}

const nlohmann::json& Reader::at(const std::string& field) const {
  static const nlohmann::json null;
  if (!body_.is_object()) return null;
  const auto it = body_.find(field);
  return it == body_.end() ? null : *it;
}

Result<nlohmann::json> check_part(const std::string& kind, const nlohmann::json& part,
                                  const PartFacts& facts, const std::string& field) {
  if (kind == "care_sheet") return nlohmann::json::object();
  if (!part.is_object()) return named(field, "Objet attendu.", "An object expected.");
  const Reader in(part, field + ".");
  if (kind == "report") return report(in);
  if (kind == "prescription") return prescription(in, facts);
  if (kind == "sick_leave") return sick_leave(in, facts);
  if (kind == "certificate") return certificate(in);
  return named("kind", "Type de document inconnu.", "Unknown document kind.");
}

}  // namespace cabinet::documents
