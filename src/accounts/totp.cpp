#include <liboath/oath.h>
#include <qrencode.h>

#include <mutex>

#include "accounts/service.hpp"

namespace cabinet::accounts {
namespace {

constexpr std::size_t kSecretBytes = 20;  // RFC 4226 recommends 160 bits
constexpr unsigned kStep = 30;
constexpr std::size_t kWindow = 1;  // one step either side: a phone's clock a little off

void init_oath() {
  static std::once_flag once;
  std::call_once(once, [] { oath_init(); });
}

std::string base32_upper(const std::string& raw) {
  char* out = nullptr;
  std::size_t len = 0;
  oath_base32_encode(raw.data(), raw.size(), &out, &len);
  std::string s(out, len);
  std::free(out);
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s;
}

std::string url_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4U];
      out += kHex[u & 15U];
    }
  }
  return out;
}

// The QR code as an SVG path of its dark modules: vector, sharp at any size, no script.
std::string qr_svg(const std::string& text) {
  QRcode* qr = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr == nullptr) return "";
  const int n = qr->width;
  const int size = n + 8;  // a quiet zone of four modules
  std::string path;
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n; ++x) {
      if ((qr->data[y * n + x] & 1U) != 0) {
        path += "M" + std::to_string(x + 4) + " " + std::to_string(y + 4) + "h1v1h-1z";
      }
    }
  }
  QRcode_free(qr);
  return R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 )" + std::to_string(size) + " " +
         std::to_string(size) +
         R"(" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d=")" +
         path + R"("/></svg>)";
}

std::string context(std::int64_t account) {
  return "accounts.totp_secret:" + std::to_string(account);
}

}  // namespace

Task<Result<bool>> Service::accept_totp(const std::string& sealed_secret, std::int64_t account,
                                        const std::string& code) {
  init_oath();
  auto secret = d_.keys.open(sealed_secret, context(account));
  if (!secret || code.size() != 6) co_return false;
  const auto now = static_cast<time_t>(d_.clock.unix_seconds());
  int position = 0;
  if (oath_totp_validate2(secret->data(), secret->size(), now, kStep, 0, kWindow, &position,
                          code.c_str()) < 0)
    co_return false;
  const std::int64_t step = now / kStep + position;
  co_return co_await store::use_totp_step(d_.db, account, step);
}

Task<Result<TotpEnrolment>> Service::begin_totp(const Principal& who) {
  if (who.role != Role::practitioner && who.role != Role::assistant)
    co_return Error(ErrorCode::forbidden);
  auto account = co_await store::account_by_id(d_.db, who.account_id);
  if (!account) co_return std::move(account).error();
  if (!*account) co_return Error(ErrorCode::not_found);
  std::string raw(kSecretBytes, '\0');
  d_.random.fill(std::span(reinterpret_cast<std::uint8_t*>(raw.data()), raw.size()));
  TotpEnrolment e;
  e.secret = base32_upper(raw);
  e.otpauth_uri = "otpauth://totp/Cabinet:" + url_encode((*account)->email) +
                  "?secret=" + e.secret + "&issuer=Cabinet&algorithm=SHA1&digits=6&period=30";
  e.qr_svg = qr_svg(e.otpauth_uri);
  // Stored now, enabled only once the user proves the app produces the right codes.
  auto r =
      co_await store::set_totp(d_.db, who.account_id, d_.keys.seal(raw, context(who.account_id)),
                               false, d_.clock.unix_seconds());
  if (!r) co_return std::move(r).error();
  co_return e;
}

Task<Result<void>> Service::confirm_totp(const Principal& who, const std::string& code) {
  auto account = co_await store::account_by_id(d_.db, who.account_id);
  if (!account) co_return std::move(account).error();
  if (!*account || !(*account)->totp_secret) co_return Error(ErrorCode::not_found);
  auto accepted = co_await accept_totp(*(*account)->totp_secret, who.account_id, code);
  if (!accepted) co_return std::move(accepted).error();
  if (!*accepted) co_return Error(ErrorCode::code_incorrect);
  co_return co_await store::set_totp(d_.db, who.account_id, (*account)->totp_secret, true,
                                     d_.clock.unix_seconds());
}

Task<Result<void>> Service::disable_totp(const Principal& who, const std::string& code) {
  auto account = co_await store::account_by_id(d_.db, who.account_id);
  if (!account) co_return std::move(account).error();
  if (!*account || !(*account)->totp_enabled || !(*account)->totp_secret)
    co_return Error(ErrorCode::not_found);
  auto accepted = co_await accept_totp(*(*account)->totp_secret, who.account_id, code);
  if (!accepted) co_return std::move(accepted).error();
  if (!*accepted) co_return Error(ErrorCode::code_incorrect);
  co_return co_await store::set_totp(d_.db, who.account_id, std::nullopt, false,
                                     d_.clock.unix_seconds());
}

}  // namespace cabinet::accounts
