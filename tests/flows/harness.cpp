#include "harness.hpp"

#include <algorithm>
#include <regex>

#include "accounts/service.hpp"
#include "notify/file_transport.hpp"
#include "notify/outbox.hpp"

namespace cabinet::test {
namespace {

std::chrono::system_clock::time_point start_time() {
  // 2026-11-22 09:00 UTC: a fixed, realistic "now" that the tests then move.
  return std::chrono::system_clock::time_point(std::chrono::seconds(1'795'338'000));
}

}  // namespace

std::string rpps_number(int n) {
  std::string base = "100" + std::to_string(1'000'000 + n);  // 10 digits
  for (int last = 0; last < 10; ++last) {
    const std::string s = base + std::to_string(last);
    int sum = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      int d = s[s.size() - 1 - i] - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 == 0) return s;
  }
  return base + "0";
}

Harness::Harness(storage::Engine engine, const std::map<std::string, std::string>& sets)
    : engine_(engine), database_(engine), clock_(start_time()), random_(4242) {
  std::map<std::string, std::string> overrides{
      {"database.url", database_.url()},
      {"mode", "development"},
      {"security.key_file", (dir_.path() / "keys" / "data.key").string()},
      {"security.argon2_memory", "8KiB"},
      {"security.argon2_ops", "1"},
      {"notify.mailbox_dir", (dir_.path() / "mailbox").string()},
      {"notify.sms_dir", (dir_.path() / "sms").string()},
      {"web.root", (dir_.path() / "web").string()},
      {"log.access", "false"},
      {"http.threads", "1"},
      // What the requests below send as Origin (the public URL stays the default for links).
      {"http.allowed_origins", "http://cabinet.test"},
  };
  for (const auto& [k, v] : sets) overrides[k] = v;
  auto config = app::load("", overrides, [](const char*) -> const char* { return nullptr; });
  if (!config) throw std::runtime_error(config.error().detail);
  app_ = std::make_unique<app::App>(*config, clock_, random_);
  if (auto r = app_->open_database(); !r) throw std::runtime_error(r.error().detail);
  app_->wire();
}

Harness::~Harness() = default;

Reply Harness::call(Client& client, http::Method method, const std::string& path,
                    const nlohmann::json& body,
                    const std::vector<std::pair<std::string, std::string>>& headers,
                    bool csrf_headers, const std::optional<std::string>& raw_body) {
  http::Request req;
  req.method = method;
  const auto question = path.find('?');
  req.path = path.substr(0, question);
  if (question != std::string::npos) req.query = path.substr(question + 1);
  req.target = path;
  req.remote_ip = client.ip;
  req.received_at = std::chrono::steady_clock::now();
  // A caller's own Host or Origin (a partner's front, docs/operator.md) replaces the default.
  const auto given = [&headers](std::string_view name) {
    return std::ranges::any_of(headers,
                               [name](const auto& h) { return http::iequals(h.first, name); });
  };
  if (!given("Host")) req.headers.add("Host", "cabinet.test");
  req.headers.add("Accept-Language", client.language);
  req.headers.add("User-Agent", "harness");
  if (csrf_headers) {
    if (!given("Origin")) req.headers.add("Origin", "http://cabinet.test");
    req.headers.add("X-Requested-With", "cabinet");
  }
  for (const auto& [k, v] : headers) req.headers.add(k, v);
  if (!client.cookies.empty()) {
    std::string cookie;
    for (const auto& [k, v] : client.cookies) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
    req.headers.add("Cookie", cookie);
  }
  if (raw_body) {
    req.body = *raw_body;  // the caller's Content-Type is in `headers`
  } else if (!body.is_null()) {
    req.body = body.dump();
    req.headers.add("Content-Type", "application/json");
  }
  auto response = app_->block_on(app_->dispatcher().handle(req));
  Reply reply;
  reply.status = response.status;
  reply.headers = response.headers;
  const auto text = response.body_view();
  reply.body = text.empty() ? nlohmann::json() : nlohmann::json::parse(text, nullptr, false);
  reply.raw = std::string(text);
  response.headers.for_each([&client](std::string_view name, std::string_view value) {
    if (!http::iequals(name, "Set-Cookie")) return;
    const auto eq = value.find('=');
    const auto semi = value.find(';');
    const auto key = std::string(value.substr(0, eq));
    const auto val = std::string(value.substr(eq + 1, semi - eq - 1));
    if (val.empty() || value.find("Max-Age=0") != std::string_view::npos) {
      client.cookies.erase(key);
    } else {
      client.cookies[key] = val;
    }
  });
  return reply;
}

std::vector<notify::ParsedEmail> Harness::mail() {
  auto delivered = app_->block_on(app_->courier().deliver_due());
  EXPECT_TRUE(delivered.ok());
  std::vector<notify::ParsedEmail> out;
  const auto dir = app_->config().notify.mailbox_dir;
  for (const auto& entry : notify::list_mailbox(dir)) {
    if (auto m = notify::read_mailbox(dir, entry.id)) out.push_back(*m);
  }
  return out;
}

notify::ParsedEmail Harness::last_mail_to(const std::string& to) {
  for (const auto& m : mail()) {
    if (m.to.find(to) != std::string::npos) return m;
  }
  ADD_FAILURE() << "no email to " << to;
  return {};
}

std::string Harness::link_token(const std::string& to, const std::string& path) {
  const auto m = last_mail_to(to);
  const std::regex link(path + "\\?token=([a-z2-7]+)");
  std::smatch match;
  if (!std::regex_search(m.text, match, link)) {
    ADD_FAILURE() << "no link to " << path << " in: " << m.text;
    return "";
  }
  return match[1];
}

std::string Harness::login_code(const std::string& to) {
  const auto m = last_mail_to(to);
  std::smatch match;
  const std::regex code("\\b([0-9]{6})\\b");
  if (!std::regex_search(m.text, match, code)) {
    ADD_FAILURE() << "no code in: " << m.text;
    return "";
  }
  return match[1];
}

void Harness::signup_patient(Client& c, const std::string& email, const std::string& first) {
  auto r = post(c, "/api/v1/auth/signup",
                {{"email", email},
                 {"password", kPassword},
                 {"phone", "06 12 34 56 78"},
                 {"first_name", first},
                 {"last_name", "Martin"},
                 {"birth_date", "1990-04-02"}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto confirm =
      post(c, "/api/v1/auth/email/confirm", {{"token", link_token(email, "/confirmer-email")}});
  ASSERT_EQ(confirm.status, 200) << confirm.body;
}

void Harness::login(Client& c, const std::string& email, const std::string& password) {
  auto start = post(c, "/api/v1/auth/login", {{"email", email}, {"password", password}});
  ASSERT_EQ(start.status, 200) << start.body;
  auto verify = post(c, "/api/v1/auth/login/verify",
                     {{"challenge", start.body["challenge"]}, {"code", login_code(email)}});
  ASSERT_EQ(verify.status, 200) << verify.body;
  ASSERT_TRUE(c.cookies.contains("cabinet_session"));
}

Client Harness::patient(const std::string& email, const std::string& first) {
  Client c;
  signup_patient(c, email, first);
  login(c, email);
  return c;
}

Client Harness::practitioner(const std::string& email, const std::string& rpps, bool verified) {
  Client c;
  auto r = post(c, "/api/v1/auth/signup/practitioner",
                {{"email", email},
                 {"password", kPassword},
                 {"phone", "07 12 34 56 78"},
                 {"first_name", "Camille"},
                 {"last_name", "Durand"},
                 {"rpps", rpps},
                 {"specialty", "general_medicine"}});
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(
      post(c, "/api/v1/auth/email/confirm", {{"token", link_token(email, "/confirmer-email")}})
          .status,
      200);
  login(c, email);
  if (verified) {
    auto op = operator_("operateur" + std::to_string(++next_operator_) + "@cabinet.test");
    const auto id = get(c, "/api/v1/me").body["account"]["id"].get<std::string>();
    EXPECT_EQ(post(op, "/api/v1/operator/practitioners/" + id + "/verify").status, 200);
  }
  return c;
}

Client Harness::operator_(const std::string& email) {
  accounts::SignupForm form;
  form.email = email;
  form.password = kPassword;
  form.first_name = "Opérateur";
  form.last_name = "Cabinet";
  auto id = app_->block_on(app_->accounts().create_operator(form));
  EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().detail);
  Client c;
  login(c, email);
  return c;
}

}  // namespace cabinet::test
