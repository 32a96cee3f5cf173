#include "payments/sandbox.hpp"

#include "http/input.hpp"

namespace cabinet::payments {
namespace {

using storage::Params;

struct TestCard {
  std::string_view token;
  std::string_view brand;
  std::string_view last4;
  ErrorCode refusal;            // internal: accepted
  bool declines_later = false;  // saved fine, every later hold declined (docs/booking.md)
};
constexpr TestCard kCards[] = {
    {"tok_visa", "visa", "4242", ErrorCode::internal},
    {"tok_mastercard", "mastercard", "4444", ErrorCode::internal},
    {"tok_declined", "visa", "0002", ErrorCode::card_declined},
    {"tok_insufficient_funds", "visa", "9995", ErrorCode::insufficient_funds},
    {"tok_decline_later", "visa", "0341", ErrorCode::internal, true},
};

const TestCard* test_card(std::string_view token) {
  for (const auto& c : kCards)
    if (c.token == token) return &c;
  return nullptr;
}

constexpr std::string_view kMethod =
    "SELECT public_id, token, brand, last4 FROM sandbox_methods WHERE ";
constexpr std::string_view kInsertMethod =
    "INSERT INTO sandbox_methods (public_id, idempotency_key, token, brand, last4, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6)";

constexpr std::string_view kColumns =
    "SELECT public_id, status, amount_cents, captured_cents, brand, last4, expires_at"
    " FROM sandbox_holds WHERE ";
constexpr std::string_view kInsert =
    "INSERT INTO sandbox_holds (public_id, idempotency_key, amount_cents, status, brand, last4,"
    " expires_at, created_at, updated_at) VALUES ($1, $2, $3, 'authorized', $4, $5, $6, $7, $7)";
constexpr std::string_view kCapture =
    "UPDATE sandbox_holds SET status = 'captured', captured_cents = $1, updated_at = $2"
    " WHERE public_id = $3 AND status = 'authorized' AND expires_at > $2 AND amount_cents >= $1";
constexpr std::string_view kVoid =
    "UPDATE sandbox_holds SET status = 'voided', updated_at = $1"
    " WHERE public_id = $2 AND status = 'authorized'";

HoldStatus parse_status(const std::string& s) {
  if (s == "captured") return HoldStatus::captured;
  if (s == "voided") return HoldStatus::voided;
  return HoldStatus::authorized;
}

}  // namespace

std::string_view to_string(HoldStatus s) {
  switch (s) {
    case HoldStatus::authorized:
      return "authorized";
    case HoldStatus::captured:
      return "captured";
    case HoldStatus::voided:
      return "voided";
  }
  return "authorized";
}

Task<Result<std::optional<Hold>>> SandboxProvider::find(std::string_view column,
                                                        const std::string& value) {
  std::string sql(kColumns);
  sql += column;
  sql += " = $1";
  Params params{value};
  auto rows = co_await db_.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<Hold>{};
  const auto r = rows->row(0);
  Hold h;
  h.id = r.text(0);
  h.status = parse_status(r.text(1));
  h.amount_cents = static_cast<int>(r.integer(2));
  h.captured_cents = static_cast<int>(r.integer(3));
  h.brand = r.text(4);
  h.last4 = r.text(5);
  h.expires_at = r.integer(6);
  co_return std::optional<Hold>(std::move(h));
}

Task<Result<Hold>> SandboxProvider::authorize(const AuthorizeRequest& request) {
  if (request.amount_cents <= 0 || request.amount_cents > 100000)
    co_return http::invalid_field("amount_cents", "Montant invalide.", "Invalid amount.");
  if (request.idempotency_key.empty() || request.idempotency_key.size() > 200)
    co_return http::missing_field("idempotency_key");
  // A retry with the same key gets the first answer, whatever happened in between.
  auto earlier = co_await find("idempotency_key", request.idempotency_key);
  if (!earlier) co_return std::move(earlier).error();
  if (*earlier) co_return std::move(**earlier);
  const TestCard* card = test_card(request.payment_method);
  bool saved = false;
  if (request.payment_method.starts_with("sm_")) {
    auto method = co_await find_method("public_id", request.payment_method);
    if (!method) co_return std::move(method).error();
    if (*method) card = test_card((*method)->token);
    saved = true;
  }
  if (card == nullptr)
    co_return http::invalid_field("payment_method", "Carte de test inconnue.",
                                  "Unknown test card.");
  if (card->refusal != ErrorCode::internal) co_return Error(card->refusal);
  if (card->declines_later && saved) co_return Error(ErrorCode::card_declined);
  const auto now = clock_.unix_seconds();
  Hold h;
  h.id = "hold_" + random_base32(random_, 12);
  h.amount_cents = request.amount_cents;
  h.brand = std::string(card->brand);
  h.last4 = std::string(card->last4);
  h.expires_at = now + kHoldLifetime;
  Params params{
      h.id, request.idempotency_key, std::int64_t{h.amount_cents}, h.brand, h.last4, h.expires_at,
      now};
  auto r = co_await db_.query(kInsert, std::move(params));
  if (!r) {
    // Two retries raced: the other one stored the hold; answer with it.
    if (r.error().code != ErrorCode::conflict) co_return std::move(r).error();
    auto winner = co_await find("idempotency_key", request.idempotency_key);
    if (!winner) co_return std::move(winner).error();
    if (!*winner) co_return Error(ErrorCode::conflict);
    co_return std::move(**winner);
  }
  co_return h;
}

Task<Result<std::optional<SandboxProvider::StoredMethod>>> SandboxProvider::find_method(
    std::string_view column, const std::string& value) {
  std::string sql(kMethod);
  sql += column;
  sql += " = $1";
  Params params{value};
  auto rows = co_await db_.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<StoredMethod>{};
  const auto r = rows->row(0);
  StoredMethod m;
  m.method.id = r.text(0);
  m.token = r.text(1);
  m.method.brand = r.text(2);
  m.method.last4 = r.text(3);
  co_return std::optional<StoredMethod>(std::move(m));
}

Task<Result<SavedMethod>> SandboxProvider::save_method(const std::string& payment_method,
                                                       const std::string& idempotency_key) {
  if (idempotency_key.empty() || idempotency_key.size() > 200)
    co_return http::missing_field("idempotency_key");
  auto earlier = co_await find_method("idempotency_key", idempotency_key);
  if (!earlier) co_return std::move(earlier).error();
  if (*earlier) co_return std::move((*earlier)->method);
  const TestCard* card = test_card(payment_method);
  if (card == nullptr)
    co_return http::invalid_field("payment_method", "Carte de test inconnue.",
                                  "Unknown test card.");
  // A processor checks the card when it is saved: a refused card is refused now.
  if (card->refusal != ErrorCode::internal) co_return Error(card->refusal);
  SavedMethod m;
  m.id = "sm_" + random_base32(random_, 12);
  m.brand = std::string(card->brand);
  m.last4 = std::string(card->last4);
  Params params{m.id,    idempotency_key, std::string(card->token),
                m.brand, m.last4,         clock_.unix_seconds()};
  auto r = co_await db_.query(kInsertMethod, std::move(params));
  if (!r) {
    if (r.error().code != ErrorCode::conflict) co_return std::move(r).error();
    auto winner = co_await find_method("idempotency_key", idempotency_key);
    if (!winner) co_return std::move(winner).error();
    if (!*winner) co_return Error(ErrorCode::conflict);
    co_return std::move((*winner)->method);
  }
  co_return m;
}

Task<Result<Hold>> SandboxProvider::capture(const std::string& hold_id, int amount_cents) {
  if (amount_cents <= 0)
    co_return http::invalid_field("amount_cents", "Montant invalide.", "Invalid amount.");
  const auto now = clock_.unix_seconds();
  Params params{std::int64_t{amount_cents}, now, hold_id};
  auto r = co_await db_.query(kCapture, std::move(params));
  if (!r) co_return std::move(r).error();
  auto h = co_await find("public_id", hold_id);
  if (!h) co_return std::move(h).error();
  if (!*h) co_return Error(ErrorCode::not_found);
  if (r->affected == 1) co_return std::move(**h);
  // Why it was refused, in the order a person would check.
  if ((*h)->status != HoldStatus::authorized)
    co_return Error(ErrorCode::conflict, "not authorized");
  if ((*h)->expires_at <= now) co_return Error(ErrorCode::hold_expired);
  co_return http::invalid_field("amount_cents", "Le montant dépasse l’empreinte autorisée.",
                                "The amount exceeds the authorized hold.");
}

Task<Result<Hold>> SandboxProvider::void_hold(const std::string& hold_id) {
  Params params{clock_.unix_seconds(), hold_id};
  auto r = co_await db_.query(kVoid, std::move(params));
  if (!r) co_return std::move(r).error();
  auto h = co_await find("public_id", hold_id);
  if (!h) co_return std::move(h).error();
  if (!*h) co_return Error(ErrorCode::not_found);
  if ((*h)->status == HoldStatus::captured) co_return Error(ErrorCode::conflict, "captured");
  co_return std::move(**h);
}

Task<Result<Hold>> SandboxProvider::status(const std::string& hold_id) {
  auto h = co_await find("public_id", hold_id);
  if (!h) co_return std::move(h).error();
  if (!*h) co_return Error(ErrorCode::not_found);
  co_return std::move(**h);
}

}  // namespace cabinet::payments
