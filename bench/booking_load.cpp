#include "booking_load.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <latch>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <thread>

#include "client.hpp"
#include "session.hpp"

namespace cabinet::load {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kDoctorEmail = "praticien@demo.cabinet.test";
constexpr const char* kDoctorPassword = "Stethoscope-Bleu-2026";

// "2026-11-24T09:00:00+01:00" → Unix seconds.
std::int64_t epoch_of(const std::string& iso) {
  std::tm tm{};
  char sign = '+';
  int oh = 0;
  int om = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d%c%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &sign, &oh, &om) != 9)
    throw std::runtime_error("unexpected date-time: " + iso);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const std::int64_t offset = (oh * 60 + om) * 60;
  return static_cast<std::int64_t>(timegm(&tm)) - (sign == '-' ? -offset : offset);
}

std::string today_utc(std::int64_t plus_days) {
  const std::time_t t = std::time(nullptr) + plus_days * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string address_of(int n) {
  // TEST-NET-2 and -3 (RFC 5737): one address per patient, under the per-address limits.
  return (n < 250 ? "198.51.100." : "203.0.113.") + std::to_string(n % 250 + 1);
}

// POST /appointments with the outcome's key, then the confirmation of a 201.
void book(const Setup& setup, Session& session, Outcome& o) {
  const auto& patient = setup.patients[static_cast<std::size_t>(o.patient)];
  try {
    const auto t0 = Clock::now();
    auto r = session.post("/api/v1/appointments",
                          {{"practitioner_id", setup.practitioner_id},
                           {"motif_id", o.tried.motif_id},
                           {"start", o.tried.start},
                           {"profile_id", patient.profile_id},
                           {"mode", "in_person"}},
                          {{"Idempotency-Key", o.key}});
    o.book_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    o.status = r.status;
    const auto body = Json::parse(r.body, nullptr, false);
    if (r.status == 201) {
      o.id = body.value("id", "");
    } else if (body.is_object() && body.contains("error")) {
      o.error_code = body["error"].value("code", "");
    }
  } catch (const std::exception&) {
    o.status = 0;
  }
}

void confirm(Session& session, Outcome& o) {
  o.payment_method = "tok_visa";
  try {
    const auto t0 = Clock::now();
    auto c = session.post("/api/v1/appointments/" + o.id + "/confirm",
                          {{"payment_method", o.payment_method}});
    o.confirm_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    o.confirm_status = c.status;
  } catch (const std::exception&) {
    o.confirm_status = 0;
  }
}

void attempt_booking(const Setup& setup, Session& session, Outcome& o) {
  book(setup, session, o);
  if (o.status == 201) confirm(session, o);
}

}  // namespace

Setup prepare(std::uint16_t port, int patients) {
  Setup s;
  s.port = port;
  {
    Session doctor(port, "192.0.2.1");
    doctor.login(kDoctorEmail, kDoctorPassword);
    auto me = doctor.get("/api/v1/practitioner/profile");
    if (me.status != 200) fail("GET /practitioner/profile", me);
    s.practitioner_id = me.json().value("id", "");
    s.practitioner_cookie = doctor.cookie();
    auto pub = doctor.get("/api/v1/practitioners/" + s.practitioner_id);
    if (pub.status != 200) fail("GET /practitioners/{id}", pub);
    const auto profile = pub.json();
    for (const auto& m : profile["motifs"]) {
      const auto mode = m.value("mode", "");
      if (mode != "in_person" && mode != "both") continue;
      const int d = m.value("duration_min", 0);
      for (auto [minutes, slot] :
           {std::pair{10, &s.motif10}, std::pair{15, &s.motif15}, std::pair{20, &s.motif20}}) {
        if (d == minutes && slot->empty()) *slot = m.value("id", "");
      }
    }
    if (s.motif10.empty() || s.motif15.empty() || s.motif20.empty())
      throw std::runtime_error(
          "the demo practitioner lacks in-person motifs of 10, 15 and 20 min: " + pub.body);
  }
  s.patients.resize(static_cast<std::size_t>(patients));
  const auto run = random_hex(4);
  std::mutex mutex;
  std::string error;
  std::vector<std::thread> threads;
  for (int i = 0; i < patients; ++i) {
    threads.emplace_back([&, i] {
      try {
        Patient p;
        p.email = "charge." + run + "." + std::to_string(i) + "@exemple.test";
        p.address = address_of(i);
        Session session(port, p.address);
        session.sign_up(p.email, i);
        session.login(p.email, kPassword);
        auto me = session.get("/api/v1/me");
        if (me.status != 200) fail("GET /me", me);
        p.profile_id = me.json()["profiles"][0].value("id", "");
        p.cookie = session.cookie();
        const std::lock_guard lock(mutex);
        s.patients[static_cast<std::size_t>(i)] = std::move(p);
      } catch (const std::exception& e) {
        const std::lock_guard lock(mutex);
        if (error.empty()) error = e.what();
      }
    });
  }
  for (auto& t : threads) t.join();
  if (!error.empty()) throw std::runtime_error("preparing patients: " + error);
  return s;
}

std::vector<Group> contested_groups(const Setup& setup, int count) {
  Session anyone(setup.port, "192.0.2.2");
  // Free starts of each motif, 31 days at a time up to the horizon.
  std::map<int, std::map<std::int64_t, std::string>> free;  // duration → start → ISO
  std::vector<Group> out;
  for (int chunk = 0; chunk < 4 && static_cast<int>(out.size()) < count; ++chunk) {
    const auto from = today_utc(std::int64_t{chunk} * 31);
    for (const auto& [d, id] : {std::pair{10, setup.motif10}, std::pair{15, setup.motif15},
                                std::pair{20, setup.motif20}}) {
      auto r = anyone.get("/api/v1/practitioners/" + setup.practitioner_id + "/slots?from=" + from +
                          "&days=31&mode=in_person&motif_id=" + id);
      if (r.status != 200) fail("GET /slots", r);
      const auto body = r.json();
      for (const auto& slot : body["slots"]) {
        const std::string iso = slot.value("start", "");
        free[d][epoch_of(iso)] = iso;
      }
    }
    out.clear();
    std::int64_t next_free = 0;
    for (const auto& [t, iso] : free[15]) {
      if (t < next_free || !free[20].contains(t) || !free[10].contains(t + 600)) continue;
      next_free = t + 20 * 60;
      Group g;
      g.start = t;
      g.attempts = {{iso, setup.motif15, 15},
                    {free[20].at(t), setup.motif20, 20},
                    {free[10].at(t + 600), setup.motif10, 10}};
      out.push_back(std::move(g));
      if (static_cast<int>(out.size()) == count) break;
    }
  }
  if (static_cast<int>(out.size()) < count)
    throw std::runtime_error("only " + std::to_string(out.size()) + " free groups of slots, " +
                             std::to_string(count) + " wanted");
  return out;
}

Round race(const Setup& setup, const std::vector<Group>& groups, int clients,
           const std::function<void(const Outcome&)>& on_outcome) {
  Round round;
  round.outcomes.resize(static_cast<std::size_t>(clients));
  std::latch ready(clients + 1);
  std::latch go(1);
  std::vector<std::thread> threads;
  const int g = static_cast<int>(groups.size());
  const int pn = static_cast<int>(setup.patients.size());
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      auto& o = round.outcomes[static_cast<std::size_t>(i)];
      o.client = i;
      o.group = i % g;
      o.attempt = (i / g) % 3;
      o.patient = i % pn;
      o.key = random_hex(16);
      o.tried = groups[static_cast<std::size_t>(o.group)].attempts[o.attempt];
      const auto& patient = setup.patients[static_cast<std::size_t>(o.patient)];
      std::optional<Session> session;
      try {
        session.emplace(setup.port, patient.address);
        session->use_cookie(patient.cookie);
        (void)session->get("/healthz");  // the connection is open before the start signal
      } catch (const std::exception&) {
        session.reset();
      }
      ready.arrive_and_wait();
      go.wait();
      if (session) attempt_booking(setup, *session, o);
      if (on_outcome) on_outcome(o);
    });
  }
  ready.arrive_and_wait();
  const auto t0 = Clock::now();
  go.count_down();
  for (auto& t : threads) t.join();
  round.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return round;
}

void retry(const Setup& setup, Outcome& o) {
  const auto& patient = setup.patients[static_cast<std::size_t>(o.patient)];
  Session session(setup.port, patient.address);
  session.use_cookie(patient.cookie);
  if (o.status == 0) book(setup, session, o);
  if (o.status == 201 && o.confirm_status != 200) confirm(session, o);
}

std::vector<VideoAppointment> book_video(const Setup& setup, int per_patient,
                                         std::optional<int> only) {
  const auto wanted = (only ? 1 : setup.patients.size()) * static_cast<std::size_t>(per_patient);
  Session anyone(setup.port, "192.0.2.3");
  auto pub = anyone.get("/api/v1/practitioners/" + setup.practitioner_id);
  if (pub.status != 200) fail("GET /practitioners/{id}", pub);
  const auto profile = pub.json();  // named: a range-for over a temporary's member dangles
  std::string motif;
  for (const auto& m : profile["motifs"]) {
    if (m.value("mode", "") == "video") motif = m.value("id", "");
  }
  if (motif.empty()) throw std::runtime_error("the demo practitioner has no video motif");
  std::vector<std::string> starts;
  for (int chunk = 0; chunk < 4 && starts.size() < wanted; ++chunk) {
    auto r = anyone.get("/api/v1/practitioners/" + setup.practitioner_id +
                        "/slots?from=" + today_utc(std::int64_t{chunk} * 31) +
                        "&days=31&mode=video&motif_id=" + motif);
    if (r.status != 200) fail("GET /slots", r);
    const auto body = r.json();
    for (const auto& slot : body["slots"]) {
      const std::string iso = slot.value("start", "");
      // Chunks may share a day at their edges: keep each start once.
      if (std::find(starts.begin(), starts.end(), iso) == starts.end()) starts.push_back(iso);
      if (starts.size() == wanted) break;
    }
  }
  if (starts.size() < wanted)
    throw std::runtime_error("only " + std::to_string(starts.size()) + " free video slots, " +
                             std::to_string(wanted) + " wanted");
  std::vector<VideoAppointment> out;
  for (std::size_t pi = 0; pi < setup.patients.size(); ++pi) {
    if (only && static_cast<std::size_t>(*only) != pi) continue;
    const auto& patient = setup.patients[pi];
    Session session(setup.port, patient.address);
    session.use_cookie(patient.cookie);
    for (int k = 0; k < per_patient; ++k) {
      auto r = session.post("/api/v1/appointments",
                            {{"practitioner_id", setup.practitioner_id},
                             {"motif_id", motif},
                             {"start", starts[out.size()]},
                             {"profile_id", patient.profile_id},
                             {"mode", "video"}},
                            {{"Idempotency-Key", random_hex(16)}});
      if (r.status != 201) fail("POST /appointments (video)", r);
      const std::string id = r.json().value("id", "");
      auto c =
          session.post("/api/v1/appointments/" + id + "/confirm", {{"payment_method", "tok_visa"}});
      if (c.status != 200) fail("POST /appointments/{id}/confirm", c);
      out.push_back({id, static_cast<int>(pi)});
    }
  }
  return out;
}

double healthz_rate(std::uint16_t port, int clients, int per_client) {
  std::latch ready(clients + 1);
  std::latch go(1);
  std::atomic<int> answered{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      std::optional<Session> session;
      try {
        session.emplace(port, address_of(i));
        (void)session->get("/healthz");
      } catch (const std::exception&) {
        session.reset();
      }
      ready.arrive_and_wait();
      go.wait();
      for (int k = 0; session && k < per_client; ++k) {
        try {
          if (session->get("/healthz").status == 200) ++answered;
        } catch (const std::exception&) {
          break;
        }
      }
    });
  }
  ready.arrive_and_wait();
  const auto t0 = Clock::now();
  go.count_down();
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return seconds > 0 ? answered.load() / seconds : 0;
}

std::vector<std::string> check(const Setup& setup, const std::vector<Group>& groups,
                               const Round& round) {
  std::vector<std::string> problems;
  std::map<int, int> winners;
  for (const auto& o : round.outcomes) {
    const auto where = "client " + std::to_string(o.client) + " (group " + std::to_string(o.group) +
                       ", attempt " + std::to_string(o.attempt) + ")";
    if (o.status == 201) {
      ++winners[o.group];
      if (o.confirm_status != 200)
        problems.push_back(where + ": confirmation answered " + std::to_string(o.confirm_status));
    } else if (o.status != 409 || o.error_code != "slot_taken") {
      problems.push_back(where + ": got " + std::to_string(o.status) + " " + o.error_code +
                         " instead of 201 or 409 slot_taken");
    }
  }
  for (int gi = 0; gi < static_cast<int>(groups.size()); ++gi) {
    if (winners[gi] != 1)
      problems.push_back("group " + std::to_string(gi) + ": " + std::to_string(winners[gi]) +
                         " bookings accepted");
  }
  // What the patients' own lists say, independently of the answers above.
  struct Live {
    std::int64_t start, end;
    std::string id;
  };
  std::vector<Live> live;
  std::set<std::string> seen;
  for (const auto& p : setup.patients) {
    Session session(setup.port, p.address);
    session.use_cookie(p.cookie);
    auto r = session.get("/api/v1/appointments");
    if (r.status != 200) {
      problems.push_back("GET /appointments answered " + std::to_string(r.status));
      continue;
    }
    const auto body = r.json();
    for (const auto* part : {"upcoming", "past"}) {
      for (const auto& a : body.value(part, Json::array())) {
        const auto status = a.value("status", "");
        if (status != "confirmed" && status != "pending_payment") continue;
        if (a["practitioner"].value("id", "") != setup.practitioner_id) continue;
        if (!seen.insert(a.value("id", "")).second) continue;
        live.push_back(
            {epoch_of(a.value("start", "")), epoch_of(a.value("end", "")), a.value("id", "")});
      }
    }
  }
  std::sort(live.begin(), live.end(),
            [](const Live& a, const Live& b) { return a.start < b.start; });
  for (std::size_t i = 1; i < live.size(); ++i) {
    if (live[i].start < live[i - 1].end)
      problems.push_back("appointments " + live[i - 1].id + " and " + live[i].id + " overlap");
  }
  for (int gi = 0; gi < static_cast<int>(groups.size()); ++gi) {
    const auto t = groups[static_cast<std::size_t>(gi)].start;
    const auto n = std::count_if(live.begin(), live.end(), [t](const Live& a) {
      return a.start >= t && a.start < t + 20 * 60;
    });
    if (n != 1)
      problems.push_back("group " + std::to_string(gi) + ": the patients see " + std::to_string(n) +
                         " live appointments");
  }
  return problems;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * values.size()));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

}  // namespace cabinet::load
