#include "settings/tariffs.hpp"

#include <string>

#include "core/embedded.hpp"

namespace cabinet::settings {
namespace {

// What a figure is worth, under the names the data file gives it.
constexpr const char* kAmounts[] = {"cents", "percent", "session_cents", "annual_cap_cents",
                                    "sessions_per_year"};

std::string step(const std::string& path, const std::string& name) {
  return path.empty() ? name : path + " › " + name;
}

// Every object that carries a source becomes one row, named by the path that leads to it (an
// array's element by its id or specialty when it has one).
void walk(const nlohmann::json& node, const std::string& path, nlohmann::json& out) {
  if (node.is_object()) {
    if (node.contains("source") && node["source"].is_string()) {
      nlohmann::json row{{"item", path}};
      for (const auto* amount : kAmounts)
        if (node.contains(amount) && node[amount].is_number()) row[amount] = node[amount];
      row["valid_from"] =
          node.contains("valid_from") ? node["valid_from"] : nlohmann::json(nullptr);
      const auto source = node["source"].get<std::string>();
      row["source"] = source;
      row["to_verify"] = source.find("to verify") != std::string::npos;
      out.push_back(std::move(row));
    }
    for (const auto& [name, child] : node.items()) {
      if (name == "source" || name.starts_with("_")) continue;
      if (child.is_object() || child.is_array()) walk(child, step(path, name), out);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      const auto& child = node[i];
      std::string name = std::to_string(i + 1);
      if (child.is_object() && child.contains("id") && child["id"].is_string())
        name = child["id"].get<std::string>();
      else if (child.is_object() && child.contains("specialty") && child["specialty"].is_string())
        name = child["specialty"].get<std::string>();
      else if (child.is_object() && child.contains("valid_from"))
        name.clear();  // a dated value: its date says which one
      walk(child, name.empty() ? path : step(path, name), out);
    }
  }
}

}  // namespace

nlohmann::json tariffs() {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : embedded::data()) {
    if (f.name != "reimbursement.json") continue;
    const auto doc = nlohmann::json::parse(f.data, nullptr, false);
    if (doc.is_discarded()) continue;
    nlohmann::json figures = nlohmann::json::array();
    walk(doc, "", figures);
    files.push_back({{"file", "data/" + std::string(f.name)},
                     {"comment", doc.value("_comment", "")},
                     {"figures", std::move(figures)}});
  }
  return {{"files", std::move(files)}};
}

}  // namespace cabinet::settings
