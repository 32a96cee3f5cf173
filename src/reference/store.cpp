#include "reference/store.hpp"

#include "storage/query.hpp"

namespace cabinet::reference::store {
namespace {

using storage::Row;

constexpr std::string_view kCountDrugs = "SELECT COUNT(*) FROM reference_drugs WHERE source = $1";
constexpr std::string_view kDeleteDrugWords =
    "DELETE FROM reference_drug_words WHERE drug_id IN"
    " (SELECT id FROM reference_drugs WHERE source = $1)";
constexpr std::string_view kDeleteDrugs = "DELETE FROM reference_drugs WHERE source = $1";
constexpr std::string_view kInsertDrug =
    "INSERT INTO reference_drugs (public_id, name, form, strength, substances, source, name_key,"
    " search_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr std::string_view kInsertDrugWord =
    "INSERT INTO reference_drug_words (word, drug_id) VALUES ($1, $2)";
// The longest query word through the index; the others against the key. Names that start
// with the query first, then the built-in list (DCI names a GP knows), then by name.
constexpr std::string_view kSearchDrugs =
    "SELECT d.public_id, d.name, d.form, d.strength, d.substances, d.source"
    " FROM reference_drugs d"
    " WHERE d.id IN (SELECT w.drug_id FROM reference_drug_words w"
    "                WHERE w.word >= $1 AND w.word < $2)"
    " AND ($3 = '' OR d.search_key LIKE $3) AND ($4 = '' OR d.search_key LIKE $4)"
    " AND ($5 = '' OR d.search_key LIKE $5)"
    " ORDER BY CASE WHEN d.name_key >= $1 AND d.name_key < $2 THEN 0 ELSE 1 END,"
    " CASE WHEN d.source = 'builtin' THEN 0 ELSE 1 END, d.name_key, d.strength, d.id"
    " LIMIT 20";

constexpr std::string_view kCountPharmacies =
    "SELECT COUNT(*) FROM reference_pharmacies WHERE source = $1";
constexpr std::string_view kUpsertPharmacy =
    "INSERT INTO reference_pharmacies (public_id, finess, name, address, postcode, city,"
    " commune_code, phone, mssante, source, search_key, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    " ON CONFLICT (finess) DO UPDATE SET name = excluded.name, address = excluded.address,"
    " postcode = excluded.postcode, city = excluded.city, commune_code = excluded.commune_code,"
    " phone = excluded.phone, mssante = COALESCE(excluded.mssante, reference_pharmacies.mssante),"
    " source = excluded.source, search_key = excluded.search_key,"
    " updated_at = excluded.updated_at"
    " RETURNING id";
constexpr std::string_view kDeletePharmacyWords =
    "DELETE FROM reference_pharmacy_words WHERE pharmacy_id = $1";
constexpr std::string_view kInsertPharmacyWord =
    "INSERT INTO reference_pharmacy_words (word, pharmacy_id) VALUES ($1, $2)";
constexpr std::string_view kSearchPharmacies =
    "SELECT p.id, p.public_id, p.finess, p.name, p.address, p.postcode, p.city, p.phone,"
    " p.mssante FROM reference_pharmacies p"
    " WHERE ($1 = '' OR p.postcode = $1)"
    " AND ($2 = '' OR p.id IN (SELECT w.pharmacy_id FROM reference_pharmacy_words w"
    "                          WHERE w.word >= $2 AND w.word < $3))"
    " AND ($4 = '' OR p.search_key LIKE $4) AND ($5 = '' OR p.search_key LIKE $5)"
    " AND ($6 = '' OR p.search_key LIKE $6)"
    " ORDER BY p.name, p.city, p.id LIMIT 20";
constexpr std::string_view kPharmacyByPublicId =
    "SELECT id, public_id, finess, name, address, postcode, city, phone, mssante"
    " FROM reference_pharmacies WHERE public_id = $1";

constexpr char kSubstanceSeparator = '|';

std::int64_t first_integer(const Row& r) { return r.integer(0); }

std::string join_substances(const std::vector<std::string>& substances) {
  std::string out;
  for (const auto& s : substances) {
    if (!out.empty()) out.push_back(kSubstanceSeparator);
    out += s;
  }
  return out;
}

std::vector<std::string> split_substances(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find(kSubstanceSeparator, start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Drug drug_of(const Row& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), split_substances(r.text(4)), r.text(5)};
}

Pharmacy pharmacy_of(const Row& r) {
  return {r.integer(0),
          r.text(1),
          r.opt_text(2).value_or(""),
          r.text(3),
          r.text(4),
          r.text(5),
          r.text(6),
          r.opt_text(7).value_or(""),
          r.opt_text(8).value_or("")};
}

}  // namespace

Task<Result<std::int64_t>> count_drugs(Executor& db, const std::string& source) {
  auto n = co_await storage::first(db, kCountDrugs, storage::bind(source), first_integer);
  if (!n) co_return std::move(n).error();
  co_return n->value_or(0);
}

Task<Result<std::int64_t>> delete_drugs(Executor& tx, const std::string& source) {
  if (auto r = co_await storage::run(tx, kDeleteDrugWords, storage::bind(source)); !r)
    co_return std::move(r).error();
  co_return co_await storage::execute(tx, kDeleteDrugs, storage::bind(source));
}

Task<Result<void>> insert_drug(Executor& tx, const Drug& d) {
  std::string all = d.name;
  for (const auto& s : d.substances) all += " " + s;
  auto id = co_await storage::insert_returning_id(
      tx, kInsertDrug,
      storage::bind(d.public_id, d.name, d.form, d.strength, join_substances(d.substances),
                    d.source, search_key(d.name).substr(1), search_key(all)));
  if (!id) co_return std::move(id).error();
  for (const auto& word : search_words(all)) {
    if (auto r = co_await storage::run(tx, kInsertDrugWord, storage::bind(word, *id)); !r)
      co_return r;
  }
  co_return ok();
}

Task<Result<std::vector<Drug>>> search_drugs(Executor& db, const PrefixQuery& q) {
  co_return co_await storage::all(
      db, kSearchDrugs, storage::bind(q.from, q.to, q.more[0], q.more[1], q.more[2]), drug_of);
}

Task<Result<std::int64_t>> count_pharmacies(Executor& db, const std::string& source) {
  auto n = co_await storage::first(db, kCountPharmacies, storage::bind(source), first_integer);
  if (!n) co_return std::move(n).error();
  co_return n->value_or(0);
}

Task<Result<void>> upsert_pharmacy(Executor& tx, const PharmacyRecord& p, std::int64_t now) {
  const auto text = p.name + " " + p.city;
  auto id = co_await storage::insert_returning_id(
      tx, kUpsertPharmacy,
      storage::bind(p.public_id, storage::optional(p.finess), p.name, p.address, p.postcode, p.city,
                    storage::optional(p.commune_code), storage::optional(p.phone),
                    storage::optional(p.mssante), p.source, search_key(text), now));
  if (!id) co_return std::move(id).error();
  if (auto r = co_await storage::run(tx, kDeletePharmacyWords, storage::bind(*id)); !r) co_return r;
  for (const auto& word : search_words(text)) {
    if (auto r = co_await storage::run(tx, kInsertPharmacyWord, storage::bind(word, *id)); !r)
      co_return r;
  }
  co_return ok();
}

Task<Result<std::vector<Pharmacy>>> search_pharmacies(Executor& db, const std::string& postcode,
                                                      const std::optional<PrefixQuery>& q) {
  const PrefixQuery none;
  const auto& p = q ? *q : none;
  co_return co_await storage::all(
      db, kSearchPharmacies, storage::bind(postcode, p.from, p.to, p.more[0], p.more[1], p.more[2]),
      pharmacy_of);
}

Task<Result<std::optional<Pharmacy>>> pharmacy_by_public_id(Executor& db,
                                                            const std::string& public_id) {
  co_return co_await storage::first(db, kPharmacyByPublicId, storage::bind(public_id), pharmacy_of);
}

}  // namespace cabinet::reference::store
