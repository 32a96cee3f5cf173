#include "payments/stripe.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "http/input.hpp"
#include "payments/stripe_http.hpp"

namespace cabinet::payments {
namespace {

using nlohmann::json;
using stripe_http::exchange;
using stripe_http::Form;
using stripe_http::Method;
using stripe_http::Reply;
using stripe_http::Request;

// An uncaptured intent is canceled 7 days after it was created; the charge's capture_before,
// when present, is the card network's own (sometimes shorter) limit.
constexpr std::int64_t kHoldLifetime = std::int64_t{7} * 24 * 3600;
constexpr std::size_t kMaxId = 255;
constexpr int kMaxAmount = 100000;  // as the sandbox: 1,000 euros
constexpr std::string_view kExpandIntent = "expand%5B%5D=payment_method&expand%5B%5D=latest_charge";

struct Intent {
  json body;
};

// ---- Requests -------------------------------------------------------------------------

// Stripe's ids are letters, digits and underscores; anything else could change the URL path.
bool valid_id(std::string_view id) {
  return !id.empty() && id.size() <= kMaxId && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
  });
}

// Printable ASCII only: it becomes a header line. Short enough for the ":customer" suffix.
bool valid_key(std::string_view key) {
  return !key.empty() && key.size() <= 200 &&
         std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < '\x7f'; });
}

struct SavedId {
  std::string customer;
  std::string method;
};

// "cus_…/pm_…", as save_method returns it; nullopt when `id` is not of that shape.
std::optional<SavedId> parse_saved(std::string_view id) {
  const auto slash = id.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  SavedId saved{std::string(id.substr(0, slash)), std::string(id.substr(slash + 1))};
  if (!saved.customer.starts_with("cus_") || !valid_id(saved.customer) ||
      !saved.method.starts_with("pm_") || !valid_id(saved.method))
    return std::nullopt;
  return saved;
}

Error bad_method() {
  return http::invalid_field("payment_method", "Moyen de paiement invalide.",
                             "Invalid payment method.");
}
Error bad_amount() {
  return http::invalid_field("amount_cents", "Montant invalide.", "Invalid amount.");
}
Error too_much() {
  return http::invalid_field("amount_cents", "Le montant dépasse l’empreinte autorisée.",
                             "The amount exceeds the authorized hold.");
}
Error bad_hold_id() {
  return http::invalid_field("hold_id", "Empreinte inconnue.", "Unknown hold.");
}

Result<Request> authorize_request(const AuthorizeRequest& r, const std::string& currency) {
  if (r.amount_cents <= 0 || r.amount_cents > kMaxAmount) return bad_amount();
  if (!valid_key(r.idempotency_key)) return http::missing_field("idempotency_key");
  Form form;
  form.add("amount", std::to_string(r.amount_cents))
      .add("currency", currency)
      .add("capture_method", "manual")
      .add("confirm", "true")
      .add("payment_method_types[]", "card");  // cards only: no redirect, so no return_url
  if (auto saved = parse_saved(r.payment_method)) {
    form.add("customer", saved->customer)
        .add("payment_method", saved->method)
        .add("off_session", "true");
  } else if (valid_id(r.payment_method)) {
    form.add("payment_method", r.payment_method);
  } else {
    return bad_method();
  }
  Request request;
  request.path = "/v1/payment_intents";
  request.form = form.raw(kExpandIntent).take();
  request.idempotency_key = r.idempotency_key;
  return request;
}

Request customer_request(const std::string& idempotency_key) {
  Request request;
  request.path = "/v1/customers";
  request.idempotency_key = idempotency_key + ":customer";
  return request;
}

Request setup_request(const std::string& customer, const std::string& method,
                      const std::string& idempotency_key) {
  Form form;
  form.add("customer", customer)
      .add("payment_method", method)
      .add("confirm", "true")
      .add("usage", "off_session")
      .add("payment_method_types[]", "card")
      .add("expand[]", "payment_method");
  Request request;
  request.path = "/v1/setup_intents";
  request.form = form.take();
  request.idempotency_key = idempotency_key;
  return request;
}

// Capture and cancel go without an idempotency key: Stripe would replay a 500 for a day, and
// a repeated capture or cancel is refused as an unexpected state anyway.
Request intent_action(const std::string& id, std::string_view action, std::string form) {
  Request request;
  request.path = "/v1/payment_intents/" + id + "/" + std::string(action);
  request.form = std::move(form);
  return request;
}

Request intent_read(const std::string& id) {
  Request request;
  request.method = Method::get;
  request.path = "/v1/payment_intents/" + id + "?" + std::string(kExpandIntent);
  return request;
}

// ---- Answers ----------------------------------------------------------------------------

const json& member(const json& j, const char* key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  const auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}
std::string text(const json& j, const char* key) {
  const json& v = member(j, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}
std::int64_t integer(const json& j, const char* key) {
  const json& v = member(j, key);
  return v.is_number_integer() ? v.get<std::int64_t>() : 0;
}
int cents(const json& j, const char* key) {
  return static_cast<int>(std::clamp<std::int64_t>(integer(j, key), 0, INT_MAX));
}

// The processor's words may quote what it was sent; the key must never reach a log.
std::string redact(std::string s, const std::string& secret) {
  for (auto at = s.find(secret); !secret.empty() && at != std::string::npos;
       at = s.find(secret, at))
    s.replace(at, secret.size(), "[redacted]");
  return s;
}

Error refusal(const Reply& reply, const std::string& secret, std::string_view call) {
  std::string where = "stripe " + std::string(call);
  if (reply.status == 0)
    return Error(ErrorCode::unavailable, redact(where + ": " + reply.failure, secret));
  const json& error = member(reply.body, "error");
  const std::string code = text(error, "code");
  const std::string decline = text(error, "decline_code");
  const std::string param = text(error, "param");
  where += " answered " + std::to_string(reply.status);
  if (reply.status == 401 || reply.status == 403)  // its message quotes part of the key
    return Error(ErrorCode::unavailable, where + ": the secret key was refused");
  const std::string detail = redact(where + " " + text(error, "type") + "/" + code + "/" + decline +
                                        ": " + text(error, "message"),
                                    secret);
  if (reply.status == 402) {
    const bool funds = decline == "insufficient_funds" || code == "insufficient_funds";
    return Error(funds ? ErrorCode::insufficient_funds : ErrorCode::card_declined, detail);
  }
  if (reply.status == 404) return Error(ErrorCode::not_found, detail);
  if (reply.status == 409) return Error(ErrorCode::conflict, detail);
  if (reply.status < 400 || reply.status == 429 || reply.status >= 500 || reply.body.is_discarded())
    return Error(ErrorCode::unavailable, detail);
  if (code == "charge_expired_for_capture") return Error(ErrorCode::hold_expired, detail);
  if (param == "amount_to_capture" || code == "amount_too_large")
    return too_much().with_detail(detail);
  if (param == "amount") return bad_amount().with_detail(detail);
  if (param == "payment_method") return bad_method().with_detail(detail);
  return Error(ErrorCode::invalid_request, detail);
}

bool unexpected_state(const Reply& reply) {
  return reply.status == 400 &&
         text(member(reply.body, "error"), "code") == "payment_intent_unexpected_state";
}

Result<Hold> to_hold(const json& intent) {
  Hold h;
  h.id = text(intent, "id");
  const std::string status = text(intent, "status");
  if (!valid_id(h.id) || status.empty())
    return Error(ErrorCode::unavailable, "stripe: unreadable payment intent");
  if (status == "requires_capture") {
    h.status = HoldStatus::authorized;
  } else if (status == "succeeded") {
    h.status = HoldStatus::captured;
    h.captured_cents = cents(intent, "amount_received");
  } else if (status == "canceled") {
    h.status = HoldStatus::voided;
  } else {
    return Error(ErrorCode::conflict, "stripe payment intent " + h.id + " is " + status);
  }
  h.amount_cents = cents(intent, "amount");
  const json& card = member(member(intent, "payment_method"), "card");
  const json& charged =
      member(member(member(intent, "latest_charge"), "payment_method_details"), "card");
  h.brand = text(card, "brand");
  h.last4 = text(card, "last4");
  if (h.brand.empty()) h.brand = text(charged, "brand");
  if (h.last4.empty()) h.last4 = text(charged, "last4");
  const std::int64_t before = integer(charged, "capture_before");
  h.expires_at = before > 0 ? before : integer(intent, "created") + kHoldLifetime;
  return h;
}

// A card that needs 3-D Secure cannot be held from the server: the page would have to
// confirm the intent with Stripe.js. Until then such a card counts as declined.
Result<Hold> new_hold(const json& intent) {
  const std::string status = text(intent, "status");
  if (status == "requires_action" || status == "requires_payment_method")
    return Error(ErrorCode::card_declined, "stripe authorize: the intent is " + status);
  auto hold = to_hold(intent);
  if (hold && hold->status != HoldStatus::authorized)
    return Error(ErrorCode::internal,
                 "stripe authorize: a new intent is " + text(intent, "status"));
  return hold;
}

Result<SavedMethod> to_saved(const std::string& customer, const json& setup) {
  const std::string status = text(setup, "status");
  if (status != "succeeded")
    return Error(ErrorCode::card_declined, "stripe setup intent is " + status);
  const json& method = member(setup, "payment_method");
  const std::string id = text(method, "id");
  if (!valid_id(id)) return Error(ErrorCode::unavailable, "stripe: unreadable setup intent");
  const json& card = member(method, "card");
  return SavedMethod{customer + "/" + id, text(card, "brand"), text(card, "last4")};
}

Task<Result<Intent>> fetch(BlockingPool& blocking, const StripeOptions& options, std::string id) {
  if (!valid_id(id)) co_return bad_hold_id();
  auto request = intent_read(id);
  auto reply = co_await exchange(blocking, options, std::move(request));
  if (reply.status != 200) co_return refusal(reply, options.secret_key, "read");
  Intent intent;
  intent.body = std::move(reply.body);
  co_return intent;
}

}  // namespace

StripeProvider::StripeProvider(StripeOptions options, BlockingPool& blocking)
    : options_(std::move(options)), usable_(check(options_)), blocking_(blocking) {
  while (options_.base_url.ends_with('/')) options_.base_url.pop_back();
}

Result<void> StripeProvider::check(const StripeOptions& options) {
  const auto bad = [](std::string what) {
    return Error(ErrorCode::invalid_request, std::move(what));
  };
  const std::string_view key = options.secret_key;
  const bool one_word =
      std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < '\x7f'; });
  if (key.empty() || !one_word) return bad("the Stripe secret key is empty or not one word");
  const std::string_view url = options.base_url;
  if (!url.starts_with("https://")) {
    bool loopback = false;
    for (const std::string_view host : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
      const auto rest = url.substr(std::min(url.size(), host.size()));
      loopback =
          loopback || (url.starts_with(host) && (rest.empty() || rest[0] == ':' || rest[0] == '/'));
    }
    if (!loopback) return bad("the Stripe URL must be https (plain http only for a loopback host)");
  }
  const auto& c = options.currency;
  if (c.size() != 3 ||
      !std::all_of(c.begin(), c.end(), [](char x) { return x >= 'a' && x <= 'z'; }))
    return bad("the Stripe currency must be three lowercase letters, such as eur");
  if (options.timeout.count() <= 0) return bad("the Stripe timeout must be positive");
  return ok();
}

Task<Result<Hold>> StripeProvider::authorize(const AuthorizeRequest& request) {
  if (!usable_) co_return Error(ErrorCode::unavailable, usable_.error().detail);
  auto built = authorize_request(request, options_.currency);
  if (!built) co_return std::move(built).error();
  auto reply = co_await exchange(blocking_, options_, std::move(*built));
  if (reply.status != 200) co_return refusal(reply, options_.secret_key, "authorize");
  co_return new_hold(reply.body);
}

Task<Result<SavedMethod>> StripeProvider::save_method(const std::string& payment_method,
                                                      const std::string& idempotency_key) {
  if (!usable_) co_return Error(ErrorCode::unavailable, usable_.error().detail);
  if (!valid_id(payment_method)) co_return bad_method();
  if (!valid_key(idempotency_key)) co_return http::missing_field("idempotency_key");
  // The customer is created first under its own key, so that a retry finds the same one.
  auto creation = customer_request(idempotency_key);
  auto created = co_await exchange(blocking_, options_, std::move(creation));
  if (created.status != 200) co_return refusal(created, options_.secret_key, "customer");
  const std::string customer = text(created.body, "id");
  if (!valid_id(customer)) co_return Error(ErrorCode::unavailable, "stripe: unreadable customer");
  auto setup = setup_request(customer, payment_method, idempotency_key);
  auto reply = co_await exchange(blocking_, options_, std::move(setup));
  if (reply.status != 200) co_return refusal(reply, options_.secret_key, "setup intent");
  co_return to_saved(customer, reply.body);
}

Task<Result<Hold>> StripeProvider::capture(const std::string& hold_id, int amount_cents) {
  if (!usable_) co_return Error(ErrorCode::unavailable, usable_.error().detail);
  if (!valid_id(hold_id)) co_return bad_hold_id();
  if (amount_cents <= 0) co_return bad_amount();
  Form form;
  form.add("amount_to_capture", std::to_string(amount_cents)).raw(kExpandIntent);
  auto request = intent_action(hold_id, "capture", form.take());
  auto reply = co_await exchange(blocking_, options_, std::move(request));
  if (reply.status == 200) co_return to_hold(reply.body);
  if (!unexpected_state(reply)) co_return refusal(reply, options_.secret_key, "capture");
  // Not capturable any more: expired (Stripe canceled it), voided, or captured already.
  auto now = co_await fetch(blocking_, options_, hold_id);
  if (!now) co_return std::move(now).error();
  const std::string reason = text(now->body, "cancellation_reason");
  const bool lapsed =
      text(now->body, "status") == "canceled" && (reason == "automatic" || reason == "expired");
  if (lapsed) co_return Error(ErrorCode::hold_expired, "stripe: " + hold_id + " lapsed");
  co_return Error(ErrorCode::conflict, "stripe: " + hold_id + " is " + text(now->body, "status"));
}

Task<Result<Hold>> StripeProvider::void_hold(const std::string& hold_id) {
  if (!usable_) co_return Error(ErrorCode::unavailable, usable_.error().detail);
  if (!valid_id(hold_id)) co_return bad_hold_id();
  auto request = intent_action(hold_id, "cancel", std::string(kExpandIntent));
  auto reply = co_await exchange(blocking_, options_, std::move(request));
  if (reply.status == 200) co_return to_hold(reply.body);
  if (!unexpected_state(reply)) co_return refusal(reply, options_.secret_key, "cancel");
  // Canceled already (by us or because it lapsed): voided, as asked. Captured: a conflict.
  auto now = co_await fetch(blocking_, options_, hold_id);
  if (!now) co_return std::move(now).error();
  auto hold = to_hold(now->body);
  if (hold && hold->status == HoldStatus::captured)
    co_return Error(ErrorCode::conflict, "stripe: " + hold_id + " is captured");
  co_return hold;
}

Task<Result<Hold>> StripeProvider::status(const std::string& hold_id) {
  if (!usable_) co_return Error(ErrorCode::unavailable, usable_.error().detail);
  auto intent = co_await fetch(blocking_, options_, hold_id);
  if (!intent) co_return std::move(intent).error();
  co_return to_hold(intent->body);
}

}  // namespace cabinet::payments
