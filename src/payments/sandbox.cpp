#include "payments/sandbox.hpp"

#include "http/input.hpp"
#include "payments/store.hpp"

namespace cabinet::payments {
namespace {

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

Task<Result<Hold>> SandboxProvider::authorize(const AuthorizeRequest& request) {
  if (request.amount_cents <= 0 || request.amount_cents > 100000)
    co_return http::invalid_field("amount_cents", "Montant invalide.", "Invalid amount.");
  if (request.idempotency_key.empty() || request.idempotency_key.size() > 200)
    co_return http::missing_field("idempotency_key");
  // A retry with the same key gets the first answer, whatever happened in between.
  auto earlier = co_await store::hold_by_idempotency_key(db_, request.idempotency_key);
  if (!earlier) co_return std::move(earlier).error();
  if (*earlier) co_return std::move(**earlier);
  const TestCard* card = test_card(request.payment_method);
  bool saved = false;
  if (request.payment_method.starts_with("sm_")) {
    auto method = co_await store::method_by_public_id(db_, request.payment_method);
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
  auto r = co_await store::insert_hold(db_, h, request.idempotency_key, now);
  if (!r) {
    // Two retries raced: the other one stored the hold; answer with it.
    if (r.error().code != ErrorCode::conflict) co_return std::move(r).error();
    auto winner = co_await store::hold_by_idempotency_key(db_, request.idempotency_key);
    if (!winner) co_return std::move(winner).error();
    if (!*winner) co_return Error(ErrorCode::conflict);
    co_return std::move(**winner);
  }
  co_return h;
}

Task<Result<SavedMethod>> SandboxProvider::save_method(const std::string& payment_method,
                                                       const std::string& idempotency_key) {
  if (idempotency_key.empty() || idempotency_key.size() > 200)
    co_return http::missing_field("idempotency_key");
  auto earlier = co_await store::method_by_idempotency_key(db_, idempotency_key);
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
  const store::SandboxMethod stored{m, std::string(card->token)};
  auto r = co_await store::insert_method(db_, stored, idempotency_key, clock_.unix_seconds());
  if (!r) {
    if (r.error().code != ErrorCode::conflict) co_return std::move(r).error();
    auto winner = co_await store::method_by_idempotency_key(db_, idempotency_key);
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
  auto captured = co_await store::capture_hold(db_, hold_id, amount_cents, now);
  if (!captured) co_return std::move(captured).error();
  auto h = co_await store::hold_by_public_id(db_, hold_id);
  if (!h) co_return std::move(h).error();
  if (!*h) co_return Error(ErrorCode::not_found);
  if (*captured) co_return std::move(**h);
  // Why it was refused, in the order a person would check.
  if ((*h)->status != HoldStatus::authorized)
    co_return Error(ErrorCode::conflict, "not authorized");
  if ((*h)->expires_at <= now) co_return Error(ErrorCode::hold_expired);
  co_return http::invalid_field("amount_cents", "Le montant dépasse l’empreinte autorisée.",
                                "The amount exceeds the authorized hold.");
}

Task<Result<Hold>> SandboxProvider::void_hold(const std::string& hold_id) {
  if (auto r = co_await store::void_hold(db_, hold_id, clock_.unix_seconds()); !r)
    co_return std::move(r).error();
  auto h = co_await store::hold_by_public_id(db_, hold_id);
  if (!h) co_return std::move(h).error();
  if (!*h) co_return Error(ErrorCode::not_found);
  if ((*h)->status == HoldStatus::captured) co_return Error(ErrorCode::conflict, "captured");
  co_return std::move(**h);
}

Task<Result<Hold>> SandboxProvider::status(const std::string& hold_id) {
  auto h = co_await store::hold_by_public_id(db_, hold_id);
  if (!h) co_return std::move(h).error();
  if (!*h) co_return Error(ErrorCode::not_found);
  co_return std::move(**h);
}

}  // namespace cabinet::payments
