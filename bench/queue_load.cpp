#include "queue_load.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "session.hpp"

namespace cabinet::load {
namespace {

using Json = nlohmann::json;

constexpr const char* kOperatorEmail = "operateur@demo.cabinet.test";
constexpr const char* kOperatorPassword = "Registre-Verifie-2026";
constexpr const char* kQueue = "/api/v1/queues/general_medicine/entries";
// The relatives' first names (a name is letters, not a number).
constexpr const char* kRelatives[] = {"Alice",  "Bruno",  "Camille", "Denis",    "Elise",
                                      "Fabien", "Gaëlle", "Henri",   "Isabelle", "Jacques",
                                      "Karine", "Lucien", "Manon",   "Noël",     "Odile",
                                      "Pascal", "Rose",   "Simon",   "Thérèse",  "Victor"};

// Runs f(i) for i in [0, n) on `parallel` threads; rethrows the first failure.
template <class F>
void in_parallel(int n, int parallel, F f) {
  std::atomic<int> next{0};
  std::mutex mutex;
  std::string error;
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(std::min(n, parallel)));
  for (int w = 0; w < std::min(n, parallel); ++w) {
    threads.emplace_back([&] {
      for (int i = next++; i < n; i = next++) {
        try {
          f(i);
        } catch (const std::exception& e) {
          const std::lock_guard lock(mutex);
          if (error.empty()) error = e.what();
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  if (!error.empty()) throw std::runtime_error(error);
}

}  // namespace

std::vector<Practitioner> practitioners_on_duty(std::uint16_t port, int n) {
  const auto run = random_hex(4);
  std::vector<Practitioner> out(static_cast<std::size_t>(n));
  in_parallel(n, 16, [&](int i) {
    auto& p = out[static_cast<std::size_t>(i)];
    p.email = "medecin." + run + "." + std::to_string(i) + "@exemple.test";
    // TEST-NET-1 (RFC 5737): one address each, under the per-address sign-up and login limits.
    p.address = "192.0.2." + std::to_string(100 + i % 150);
    Session s(port, p.address);
    s.sign_up_practitioner(p.email, rpps_number(400000 + i), "general_medicine", i);
    s.login(p.email, kPassword);
    auto me = s.get("/api/v1/me");
    if (me.status != 200) fail("GET /me (practitioner)", me);
    p.account = me.json()["account"].value("id", "");
    p.cookie = s.cookie();
  });
  Session op(port, "192.0.2.9");
  op.login(kOperatorEmail, kOperatorPassword);
  for (const auto& p : out) {
    auto r = op.post("/api/v1/operator/practitioners/" + p.account + "/verify", Json::object());
    if (r.status != 200) fail("POST /operator/practitioners/{id}/verify", r);
  }
  in_parallel(n, 16, [&](int i) {
    const auto& p = out[static_cast<std::size_t>(i)];
    Session s(port, p.address);
    s.use_cookie(p.cookie);
    auto profile = s.put("/api/v1/practitioner/profile", {{"commune_code", "75056"},
                                                          {"postcode", "75011"},
                                                          {"in_person", true},
                                                          {"video", true},
                                                          {"tiers_payant", false}});
    if (profile.status != 200) fail("PUT /practitioner/profile", profile);
    auto duty = s.put("/api/v1/practitioner/duty", {{"on", true}});
    if (duty.status != 200 || !duty.json().value("on_duty", false))
      fail("PUT /practitioner/duty", duty);
  });
  return out;
}

// 16 at a time: each one polls the development mailbox, which many more at once would flood.
std::vector<Account> patient_accounts(std::uint16_t port, int n) {
  const auto run = random_hex(4);
  std::vector<Account> out(static_cast<std::size_t>(n));
  in_parallel(n, 16, [&](int i) {
    auto& a = out[static_cast<std::size_t>(i)];
    // TEST-NET-2 and -3 (RFC 5737): one address per account, under the per-address limits.
    a.address = (i < 250 ? "198.51.100." : "203.0.113.") + std::to_string(i % 250 + 1);
    const auto email = "file." + run + "." + std::to_string(i) + "@exemple.test";
    Session s(port, a.address);
    s.sign_up(email, i);
    s.login(email, kPassword);
    auto me = s.get("/api/v1/me");
    if (me.status != 200) fail("GET /me", me);
    a.holder = me.json()["profiles"][0].value("id", "");
    a.cookie = s.cookie();
  });
  return out;
}

std::vector<QueuedPatient> queued(std::uint16_t port, const std::vector<Account>& accounts,
                                  int per_account) {
  const auto count = static_cast<int>(accounts.size());
  std::vector<QueuedPatient> out(accounts.size() * static_cast<std::size_t>(per_account));
  in_parallel(count, 32, [&](int a) {
    const auto& holder = accounts[static_cast<std::size_t>(a)];
    Session s(port, holder.address);
    s.use_cookie(holder.cookie);
    std::vector<std::string> profiles{holder.holder};
    for (int k = 1; k < per_account; ++k) {
      auto r = s.post("/api/v1/me/profiles", {{"first_name", kRelatives[(k - 1) % 20]},
                                              {"last_name", "Martin"},
                                              {"birth_date", std::to_string(1950 + k) + "-06-15"},
                                              {"sex", k % 2 == 0 ? "female" : "male"},
                                              {"relationship", "other"}});
      if (r.status != 201) fail("POST /me/profiles", r);
      profiles.push_back(r.json().value("id", ""));
    }
    for (int k = 0; k < per_account; ++k) {
      const Json calm{{"chest_pain", false},
                      {"breathing", false},
                      {"intense_pain", false},
                      {"fainting", false},
                      {"stroke", false}};
      auto r = s.post(kQueue, {{"profile_id", profiles[static_cast<std::size_t>(k)]},
                               {"reason", "Fièvre à 39 depuis hier soir"},
                               {"commune_code", "75056"},
                               {"emergency_answers", calm},
                               {"card_token", "tok_visa"}});
      if (r.status != 201) fail("POST /queues/general_medicine/entries", r);
      auto& p = out[static_cast<std::size_t>(a) * static_cast<std::size_t>(per_account) +
                    static_cast<std::size_t>(k)];
      p.account = static_cast<std::size_t>(a);
      p.profile = profiles[static_cast<std::size_t>(k)];
      p.entry = r.json().value("id", "");
    }
  });
  return out;
}

}  // namespace cabinet::load
