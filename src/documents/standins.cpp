#include "documents/standins.hpp"

#include <cstdio>

#include "documents/store.hpp"
#include "notify/outbox.hpp"

namespace cabinet::documents {
namespace {

constexpr std::size_t kRemembered = 10'000;

}  // namespace

char luhn_digit(std::string_view digits) {
  int sum = 0;
  bool twice = true;  // from the right, the digit next to the check digit is doubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool luhn_valid(std::string_view number) {
  if (number.size() < 2) return false;
  for (const char c : number)
    if (c < '0' || c > '9') return false;
  return luhn_digit(number.substr(0, number.size() - 1)) == number.back();
}

Task<Result<PrescriptionRegistration>> StandinEPrescription::register_prescription(
    const PrescriptionRequest& request) {
  {
    const std::lock_guard lock(mutex_);
    if (auto it = answered_.find(request.idempotency_key); it != answered_.end())
      co_return it->second;
  }
  std::int64_t value = 0;
  auto counted = co_await db_.transact([&value](storage::Transaction& tx) -> Task<Result<void>> {
    auto next = co_await store::next_counter(tx, "prescription");
    if (!next) co_return std::move(next).error();
    value = *next;
    co_return ok();
  });
  if (!counted) co_return std::move(counted).error();
  char digits[16];
  std::snprintf(digits, sizeof digits, "%011lld", static_cast<long long>(value));
  PrescriptionRegistration r;
  r.number = std::string(digits) + luhn_digit(digits);
  r.key = random_base32(random_, 16);
  const std::lock_guard lock(mutex_);
  if (answered_.size() >= kRemembered) answered_.clear();
  answered_.emplace(request.idempotency_key, r);
  co_return r;
}

Task<Result<SickLeaveReceipt>> StandinSickLeave::submit(const SickLeaveRequest&) {
  co_return SickLeaveReceipt{"DEMO-AAT-" + random_base32(random_, 5)};
}

Task<Result<CareSheetReceipt>> StandinCareSheet::submit(const CareSheetRequest&) {
  co_return CareSheetReceipt{};
}

Task<Result<std::string>> StandinSecureMail::send(const SecureMessage& message) {
  notify::Rendered rendered{message.subject, message.text, ""};
  const auto to = message.to;
  auto sent = co_await db_.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    co_return co_await outbox_.email(tx, to, rendered);
  });
  if (!sent) co_return std::move(sent).error();
  outbox_.wake();
  co_return "demo-" + random_base32(random_, 10);
}

}  // namespace cabinet::documents
