// The documents' teleservice keys (docs/teleservices.md, docs/configuration.md): for each
// national service, which implementation answers and how the HTTP adapter reaches it.
#include <array>
#include <utility>

#include "app/config.hpp"
#include "app/config_values.hpp"

namespace cabinet::app::config_values {
namespace {

using Service = Config::Teleservice Config::Documents::*;
using Field = std::string Config::Teleservice::*;

constexpr std::array<std::pair<const char*, Service>, 4> kServices{{
    {"eprescription", &Config::Documents::eprescription},
    {"sick_leave", &Config::Documents::sick_leave},
    {"care_sheet", &Config::Documents::care_sheet},
    {"secure_mail", &Config::Documents::secure_mail},
}};

std::function<Result<void>(Config&, const std::string&)> setter(Service service, Field field) {
  return [service, field](Config& c, const std::string& v) -> Result<void> {
    (c.documents.*service).*field = v;
    return ok();
  };
}

}  // namespace

void add_documents_keys(std::vector<KeyInfo>& k) {
  for (const auto& [name, service] : kServices) {
    const std::string prefix = std::string("documents.") + name + ".";
    k.push_back({prefix + "provider", "standin",
                 "\"standin\" (built in: works offline, every document says it was not "
                 "transmitted) or \"http\" (the national teleservice, once accredited)",
                 [service = service](Config& c, const std::string& v) -> Result<void> {
                   if (v != "standin" && v != "http") return bad("must be standin or http");
                   (c.documents.*service).provider = v;
                   return ok();
                 }});
    k.push_back({prefix + "url", "", "the teleservice's base URL (https; http only for loopback)",
                 setter(service, &Config::Teleservice::url)});
    k.push_back({prefix + "token", "",
                 "bearer token of the platform at that service (never logged)",
                 setter(service, &Config::Teleservice::token)});
    k.push_back({prefix + "client_cert", "", "PEM client certificate for mutual TLS",
                 setter(service, &Config::Teleservice::client_cert)});
    k.push_back({prefix + "client_key", "", "PEM private key of that certificate",
                 setter(service, &Config::Teleservice::client_key)});
  }
}

}  // namespace cabinet::app::config_values
