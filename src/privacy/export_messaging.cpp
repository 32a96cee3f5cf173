// The RGPD export's conversations (docs/messaging.md "Export"): every conversation the account
// opened as a patient, with its messages' texts and attachments' names opened, and the
// attachments themselves under messages/ in the ZIP.
#include "messaging/sealing.hpp"
#include "privacy/export.hpp"
#include "privacy/store.hpp"

namespace cabinet::privacy {
namespace {

// A name as one path segment every unzip accepts.
std::string segment(std::string_view name) {
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    out +=
        (u < 0x20 || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos) ? '_' : c;
  }
  while (!out.empty() && out.front() == '.') out.erase(0, 1);
  return out.empty() ? "fichier" : out;
}

nlohmann::json opened(const Result<std::string>& r) {
  return r ? nlohmann::json(*r) : nlohmann::json(nullptr);
}

}  // namespace

Task<Result<nlohmann::json>> Export::conversations(const Principal& who,
                                                   std::vector<ExportFile>* files) {
  nlohmann::json out = nlohmann::json::array();
  auto list = co_await store::conversations(d_.db, who.account_id);
  if (!list) co_return std::move(list).error();
  for (auto c : *list) {
    const auto internal = c["conversation_id"].get<std::int64_t>();
    const auto id = c["id"].get<std::string>();
    c.erase("conversation_id");
    c["practitioner"] = {{"first_name", c["practitioner_first_name"]},
                         {"last_name", c["practitioner_last_name"]}};
    c.erase("practitioner_first_name");
    c.erase("practitioner_last_name");
    auto attachments = co_await store::conversation_attachments(d_.db, internal, files != nullptr);
    if (!attachments) co_return std::move(attachments).error();
    auto messages = co_await store::conversation_messages(d_.db, internal);
    if (!messages) co_return std::move(messages).error();
    nlohmann::json list_out = nlohmann::json::array();
    for (const auto& m : *messages) {
      const auto message_id = m.row["id"].get<std::string>();
      nlohmann::json entry = m.row;
      entry["me"] = m.sender_account && *m.sender_account == who.account_id;
      entry["text"] = opened(d_.keys.open(m.sealed, messaging::text_context(id, message_id)));
      nlohmann::json attached = nlohmann::json::array();
      for (const auto& a : *attachments) {
        if (a.row["message_id"] != message_id) continue;
        const auto file_id = a.row["id"].get<std::string>();
        auto name = d_.keys.open(a.sealed, messaging::attachment_context(id, file_id, "name"));
        const std::string path =
            "messages/" + id + "/" + file_id + "-" + segment(name ? *name : "fichier");
        attached.push_back({{"name", opened(name)},
                            {"mime", a.row["mime"]},
                            {"size", a.row["size"]},
                            {"path", path}});
        if (files) {
          auto body =
              d_.keys.open(a.sealed_body, messaging::attachment_context(id, file_id, "body"));
          if (body) files->push_back({path, *body, m.row["created_at"].get<std::int64_t>()});
        }
      }
      entry["attachments"] = std::move(attached);
      list_out.push_back(std::move(entry));
    }
    c["messages"] = std::move(list_out);
    out.push_back(std::move(c));
  }
  co_return out;
}

}  // namespace cabinet::privacy
