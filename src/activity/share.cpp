#include "activity/share.hpp"

#include <algorithm>
#include <vector>

#include "geo/communes.hpp"

namespace cabinet::activity {
namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  const auto folded = geo::normalise(text);
  std::size_t i = 0;
  while (i < folded.size()) {
    const auto space = std::min(folded.find(' ', i), folded.size());
    if (space > i) out.emplace_back(folded.substr(i, space - i));
    i = space + 1;
  }
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace

Share compute(const ShareInput& in) {
  Share out;
  out.cap = in.specialty == "psychiatry" ? kPsychiatryCap : kCap;
  out.counted = std::max<std::int64_t>(0, in.teleconsultations - in.medecin_traitant);
  out.activity = in.teleconsultations + in.in_person.value_or(0);
  if (out.activity > 0)
    out.share = static_cast<double>(out.counted) / static_cast<double>(out.activity);
  const double s = out.share.value_or(0);
  out.level = s > out.cap ? "over" : s >= out.cap * kNearFraction ? "near" : "ok";
  return out;
}

bool names_practitioner(const nlohmann::json& administrative, std::string_view rpps,
                        std::string_view first_name, std::string_view last_name) {
  if (!administrative.is_object() || !administrative.contains("medecin_traitant")) return false;
  const auto& mt = administrative["medecin_traitant"];
  if (!mt.is_object()) return false;
  if (mt.contains("rpps") && mt["rpps"].is_string()) return mt["rpps"].get<std::string>() == rpps;
  if (!mt.contains("name") || !mt["name"].is_string()) return false;
  auto given = words(mt["name"].get<std::string>());
  std::erase_if(given, [](const std::string& w) { return w == "dr" || w == "docteur"; });
  const auto last = words(last_name);
  const auto first = words(first_name);
  if (last.empty()) return false;
  for (const auto& w : last)
    if (!has(given, w)) return false;
  return std::all_of(given.begin(), given.end(),
                     [&](const std::string& w) { return has(last, w) || has(first, w); });
}

}  // namespace cabinet::activity
