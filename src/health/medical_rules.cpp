#include "health/medical_rules.hpp"

#include <array>
#include <cctype>
#include <string_view>

#include "core/utf8.hpp"
#include "core/validators.hpp"
#include "http/input.hpp"

namespace cabinet::health {
namespace {

constexpr std::array<std::string_view, 7> kCategories{"medical_history",
                                                      "surgical_history",
                                                      "family_history",
                                                      "allergy",
                                                      "treatment",
                                                      "vaccination",
                                                      "note"};

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  return true;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// YYYY, YYYY-MM or YYYY-MM-DD, a real day.
bool partial_date(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!digits(s.substr(0, 4))) return false;
  const int year = std::stoi(std::string(s.substr(0, 4)));
  if (year < 1900) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !digits(s.substr(5, 2))) return false;
  const int month = std::stoi(std::string(s.substr(5, 2)));
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !digits(s.substr(8, 2))) return false;
  const int day = std::stoi(std::string(s.substr(8, 2)));
  constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int last = month == 2 && leap(year) ? 29 : kDays.at(month - 1);
  return day >= 1 && day <= last;
}

std::string name_of(const std::string& at, const char* field) {
  return at.empty() ? std::string(field) : at + "." + field;
}

Error bad(const std::string& field, std::string fr, std::string en) {
  return http::invalid_field(field, std::move(fr), std::move(en));
}

Result<nlohmann::json> height(const nlohmann::json& body) {
  if (!body.contains("height_cm") || body["height_cm"].is_null()) return nlohmann::json(nullptr);
  const auto& h = body["height_cm"];
  if (!h.is_number_integer() || h.get<std::int64_t>() < 20 || h.get<std::int64_t>() > 250)
    return bad("height_cm", "Taille en centimètres, de 20 à 250.", "Height in cm, 20 to 250.");
  return nlohmann::json(h.get<std::int64_t>());
}

// Text as typed ("68,5"), a number from 0,5 to 400 with at most two decimals.
Result<nlohmann::json> weight(const nlohmann::json& body) {
  if (!body.contains("weight_kg") || body["weight_kg"].is_null()) return nlohmann::json(nullptr);
  const auto fail = [] {
    return bad("weight_kg", "Poids en kilogrammes, de 0,5 à 400 (par exemple 68,5).",
               "Weight in kg, 0.5 to 400 (for example 68.5).");
  };
  if (!body["weight_kg"].is_string()) return fail();
  const std::string text(validate::trim(body["weight_kg"].get<std::string>()));
  const auto sep = text.find_first_of(",.");
  const auto whole = text.substr(0, sep);
  const auto decimals = sep == std::string::npos ? std::string() : text.substr(sep + 1);
  if (!digits(whole) || whole.size() > 3 || (sep != std::string::npos && !digits(decimals)) ||
      decimals.size() > 2)
    return fail();
  const double value = std::stod(whole + (decimals.empty() ? "" : "." + decimals));
  if (value < 0.5 || value > 400) return fail();
  return nlohmann::json(text);
}

}  // namespace

nlohmann::json empty_medical() {
  return {{"items", nlohmann::json::array()},
          {"height_cm", nullptr},
          {"weight_kg", nullptr},
          {"pregnant", false},
          {"pregnancy_weeks", nullptr},
          {"updated_at", nullptr}};
}

Result<nlohmann::json> medical_item(const nlohmann::json& item, const std::string& at,
                                    const std::string& today) {
  if (!item.is_object())
    return bad(at.empty() ? "item" : at, "Objet attendu.", "An object expected.");
  const auto& category = item.contains("category") ? item["category"] : nlohmann::json();
  bool known = false;
  for (auto c : kCategories) known = known || (category.is_string() && category == c);
  if (!known) return bad(name_of(at, "category"), "Catégorie inconnue.", "Unknown category.");
  const auto& label = item.contains("label") ? item["label"] : nlohmann::json();
  std::string text = label.is_string() ? std::string(validate::trim(label.get<std::string>())) : "";
  if (text.empty() || !is_valid_utf8(text) || utf8_length(text) > 120)
    return bad(name_of(at, "label"), "Libellé de 1 à 120 caractères.",
               "A label of 1 to 120 characters.");
  nlohmann::json detail = nullptr;
  if (item.contains("detail") && !item["detail"].is_null()) {
    const auto& d = item["detail"];
    if (!d.is_string() || !is_valid_utf8(d.get<std::string>()) ||
        utf8_length(d.get<std::string>()) > 1000)
      return bad(name_of(at, "detail"), "Précision de 1 000 caractères au plus.",
                 "A detail of 1,000 characters at most.");
    const std::string trimmed(validate::trim(d.get<std::string>()));
    if (!trimmed.empty()) detail = trimmed;
  }
  nlohmann::json date = nullptr;
  if (item.contains("date") && !item["date"].is_null()) {
    const auto& d = item["date"];
    if (!d.is_string() || !partial_date(d.get<std::string>()) ||
        d.get<std::string>() > today.substr(0, d.get<std::string>().size()))
      return bad(name_of(at, "date"), "Date AAAA, AAAA-MM ou AAAA-MM-JJ, pas dans le futur.",
                 "A date YYYY, YYYY-MM or YYYY-MM-DD, not in the future.");
    date = d;
  }
  return nlohmann::json{
      {"category", category}, {"label", text}, {"detail", detail}, {"date", date}};
}

Result<nlohmann::json> merge_medical(const nlohmann::json& body, const nlohmann::json& stored,
                                     const Author& author, const Stamp& stamp) {
  if (!body.is_object()) return bad("medical", "Objet JSON attendu.", "A JSON object expected.");
  nlohmann::json out = empty_medical();
  const auto& items = body.contains("items") ? body["items"] : nlohmann::json::array();
  if (!items.is_array() && !items.is_null())
    return bad("items", "Liste attendue.", "A list expected.");
  if (items.is_array() && items.size() > kMaxMedicalItems)
    return bad("items", "200 éléments au plus.", "200 items at most.");
  const auto& before = stored.contains("items") ? stored["items"] : nlohmann::json::array();
  if (items.is_array()) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto at = "items[" + std::to_string(i) + "]";
      auto item = medical_item(items[i], at, stamp.today);
      if (!item) return std::move(item).error();
      const nlohmann::json* old = nullptr;
      if (items[i].contains("id") && items[i]["id"].is_string()) {
        for (const auto& b : before)
          if (b.value("id", "") == items[i]["id"]) old = &b;
      }
      if (old != nullptr) {
        const bool same =
            (*old)["category"] == (*item)["category"] && (*old)["label"] == (*item)["label"] &&
            (*old)["detail"] == (*item)["detail"] && (*old)["date"] == (*item)["date"];
        (*item)["id"] = (*old)["id"];
        (*item)["added_by"] = (*old)["added_by"];
        (*item)["created_at"] = (*old)["created_at"];
        (*item)["updated_at"] = same ? (*old)["updated_at"] : nlohmann::json(stamp.now);
      } else {
        (*item)["id"] = stamp.new_id();
        (*item)["added_by"] = {{"role", author.role}, {"name", author.name}};
        (*item)["created_at"] = stamp.now;
        (*item)["updated_at"] = stamp.now;
      }
      out["items"].push_back(std::move(*item));
    }
  }
  auto h = height(body);
  if (!h) return std::move(h).error();
  out["height_cm"] = *h;
  auto w = weight(body);
  if (!w) return std::move(w).error();
  out["weight_kg"] = *w;
  const auto& pregnant = body.contains("pregnant") ? body["pregnant"] : nlohmann::json(false);
  if (!pregnant.is_boolean() && !pregnant.is_null())
    return bad("pregnant", "Oui ou non attendu.", "Yes or no expected.");
  out["pregnant"] = pregnant.is_boolean() && pregnant.get<bool>();
  if (body.contains("pregnancy_weeks") && !body["pregnancy_weeks"].is_null()) {
    const auto& w = body["pregnancy_weeks"];
    if (!out["pregnant"].get<bool>() || !w.is_number_integer() || w.get<std::int64_t>() < 0 ||
        w.get<std::int64_t>() > 45)
      return bad("pregnancy_weeks",
                 "Semaines de grossesse de 0 à 45, seulement pendant une grossesse.",
                 "Weeks of pregnancy, 0 to 45, only during a pregnancy.");
    out["pregnancy_weeks"] = w.get<std::int64_t>();
  }
  out["updated_at"] = stamp.now;
  return out;
}

Result<nlohmann::json> add_medical_item(const nlohmann::json& item, nlohmann::json& stored,
                                        const Author& author, const Stamp& stamp) {
  // The body itself is the item: errors name its fields as sent ("label").
  auto clean = medical_item(item, "", stamp.today);
  if (!clean) return std::move(clean).error();
  if (!stored.contains("items") || !stored["items"].is_array())
    stored["items"] = nlohmann::json::array();
  if (stored["items"].size() >= kMaxMedicalItems) {
    Error e(ErrorCode::conflict, "medical items");
    e.message_fr = "Ce dossier a déjà 200 éléments.";
    e.message_en = "This record already has 200 items.";
    return e;
  }
  (*clean)["id"] = stamp.new_id();
  (*clean)["added_by"] = {{"role", author.role}, {"name", author.name}};
  (*clean)["created_at"] = stamp.now;
  (*clean)["updated_at"] = stamp.now;
  stored["items"].push_back(*clean);
  stored["updated_at"] = stamp.now;
  return std::move(*clean);
}

}  // namespace cabinet::health
