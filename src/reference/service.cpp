#include "reference/service.hpp"

#include "reference/builtin.hpp"
#include "reference/demo.hpp"
#include "reference/finess.hpp"
#include "reference/search.hpp"
#include "reference/store.hpp"
#include "reference/text.hpp"

namespace cabinet::reference {
namespace {

constexpr std::size_t kMaxQuery = 100;

Error short_query() {
  return Error::invalid("q", "Tapez au moins 2 caractères.", "Type at least 2 characters.");
}

Error refused(const FileReport& report) {
  Error e(ErrorCode::invalid_request);
  e.detail = report.file + ": too many bad lines, nothing imported\n" + describe(report);
  return e;
}

nlohmann::json drug_json(const Drug& d) {
  return {
      {"id", d.public_id},          {"name", d.name},    {"form", d.form}, {"strength", d.strength},
      {"substances", d.substances}, {"source", d.source}};
}

nlohmann::json pharmacy_json(const Pharmacy& p) {
  return {{"id", p.public_id},
          {"name", p.name},
          {"address", p.address},
          {"postcode", p.postcode},
          {"city", p.city},
          {"phone", p.phone.empty() ? nlohmann::json() : nlohmann::json(p.phone)}};
}

}  // namespace

std::string describe(const FileReport& r) {
  std::string out = r.file + ": " + std::to_string(r.lines) + " lines, " + std::to_string(r.used) +
                    " used, " + std::to_string(r.ignored) + " ignored, " + std::to_string(r.bad) +
                    " bad\n";
  for (const auto& e : r.errors) out += "  " + e + "\n";
  if (r.bad > r.errors.size())
    out += "  … and " + std::to_string(r.bad - r.errors.size()) + " more\n";
  return out;
}

Task<Result<nlohmann::json>> Service::drugs(const std::string& q) {
  if (q.size() > kMaxQuery) co_return short_query();
  const auto query = prefix_query(q);
  if (!query) co_return short_query();
  auto found = co_await store::search_drugs(db_, *query);
  if (!found) co_return std::move(found).error();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : *found) items.push_back(drug_json(d));
  co_return nlohmann::json{{"items", std::move(items)}};
}

Task<Result<nlohmann::json>> Service::pharmacies(const std::string& q,
                                                 const std::string& postcode) {
  if (!postcode.empty() && (postcode.size() != 5 || !all_digits(postcode))) {
    co_return Error::invalid("postcode", "Un code postal a 5 chiffres.",
                             "A postcode has 5 digits.");
  }
  if (q.size() > kMaxQuery) co_return short_query();
  std::optional<PrefixQuery> query;
  if (!search_words(q).empty()) {
    query = prefix_query(q);
    if (!query) co_return short_query();
  } else if (postcode.empty()) {
    co_return short_query();
  }
  auto found = co_await store::search_pharmacies(db_, postcode, query);
  if (!found) co_return std::move(found).error();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : *found) items.push_back(pharmacy_json(p));
  co_return nlohmann::json{{"items", std::move(items)}};
}

Task<Result<std::optional<Pharmacy>>> Service::pharmacy(const std::string& public_id) {
  co_return co_await store::pharmacy_by_public_id(db_, public_id);
}

Task<Result<std::optional<Pharmacy>>> pharmacy(storage::Database& db,
                                               const std::string& public_id) {
  co_return co_await store::pharmacy_by_public_id(db, public_id);
}

Task<Result<std::size_t>> Service::ensure_builtin_drugs() {
  const auto& drugs = builtin_drugs();
  auto count = co_await store::count_drugs(db_, "builtin");
  if (!count) co_return std::move(count).error();
  if (static_cast<std::size_t>(*count) == drugs.size()) co_return std::size_t{0};
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::delete_drugs(tx, "builtin"); !r) co_return std::move(r).error();
    for (const auto& d : drugs) {
      if (auto r = co_await store::insert_drug(tx, d); !r) co_return r;
    }
    co_return ok();
  };
  if (auto r = co_await db_.transact(body); !r) co_return std::move(r).error();
  co_return drugs.size();
}

Task<Result<ImportReport>> Service::import_bdpm(const BdpmFiles& files) {
  auto parsed = parse_bdpm(files);
  ImportReport report;
  report.files = parsed.files;
  for (const auto& f : parsed.files) {
    if (f.untrustworthy()) co_return refused(f);
  }
  if (parsed.files[0].used == 0) {
    Error e(ErrorCode::invalid_request);
    e.detail = std::string(kBdpmSpecialties) + ": no specialty could be read, nothing imported\n" +
               describe(parsed.files[0]);
    co_return e;
  }
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto removed = co_await store::delete_drugs(tx, "bdpm");
    if (!removed) co_return std::move(removed).error();
    report.removed = static_cast<std::size_t>(*removed);
    for (const auto& d : parsed.drugs) {
      if (auto r = co_await store::insert_drug(tx, d); !r) co_return r;
    }
    report.written = parsed.drugs.size();
    co_return ok();
  };
  if (auto r = co_await db_.transact(body); !r) co_return std::move(r).error();
  co_return report;
}

Task<Result<std::size_t>> Service::write_pharmacies(const std::vector<PharmacyRecord>& pharmacies) {
  const auto now = clock_.unix_seconds();
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    for (const auto& p : pharmacies) {
      if (auto r = co_await store::upsert_pharmacy(tx, p, now); !r) co_return r;
    }
    co_return ok();
  };
  if (auto r = co_await db_.transact(body); !r) co_return std::move(r).error();
  co_return pharmacies.size();
}

Task<Result<ImportReport>> Service::import_finess(std::string_view bytes) {
  auto parsed = parse_finess(bytes);
  ImportReport report;
  report.files = {parsed.report};
  if (parsed.report.untrustworthy()) co_return refused(parsed.report);
  if (parsed.report.used == 0 && parsed.report.bad > 0) co_return refused(parsed.report);
  auto written = co_await write_pharmacies(parsed.pharmacies);
  if (!written) co_return std::move(written).error();
  report.written = *written;
  co_return report;
}

Task<Result<std::size_t>> Service::seed_demo_pharmacies() {
  auto count = co_await store::count_pharmacies(db_, "demo");
  if (!count) co_return std::move(count).error();
  if (*count > 0) co_return std::size_t{0};
  co_return co_await write_pharmacies(demo_pharmacies());
}

}  // namespace cabinet::reference
