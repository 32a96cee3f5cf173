// cabinet-queue-bench: the immediate-consultation queue of `make bench` (issue 16), against a
// running release server whose pid it is given (started by bench/run with queue.grace=1h).
// 50 verified general practitioners in Paris go on duty; 2,000 patients join the general
// medicine queue (--accounts accounts, each with its holder and relatives: the queue takes one
// place per profile) and each watches its entry on its own WebSocket. Baseline: `ping`
// round-trips on those sockets. Then the practitioners take patients concurrently until the
// queue is empty (or --take-seconds passed), each consultation as the pages run it: the
// patient's socket joins the room on `called`, the practitioner's joins and admits, the
// practitioner closes it (amount 0) and takes the next patient. Measured: take -> `called`
// latency (steady clock of this process: the take request sent -> the patient's socket
// receives `called`), the `queue` position messages received per second while taking, and the
// server's CPU (utime + stime, /proc/<pid>/stat) per position message.
// Exit status: 0 when every take was followed by its `called`, 1 when one was not or a step
// failed, 2 on bad usage. See bench/README.md, "Queue".
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <latch>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "booking_load.hpp"  // percentile
#include "queue_load.hpp"
#include "session.hpp"
#include "ws_clients.hpp"

namespace {

namespace asio = boost::asio;
using cabinet::load::IoThread;
using cabinet::load::now_ns;
using cabinet::load::on_io;
using cabinet::load::Practitioner;
using cabinet::load::Session;
using cabinet::load::WsSocket;
using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

struct Options {
  int port = 0;
  int pid = 0;
  int practitioners = 50;
  int patients = 2000;
  int accounts = 100;  // patients / accounts profiles each (the holder and relatives, <= 21)
  int ping_rate = 2000;
  int ping_seconds = 5;
  int take_seconds = 120;  // the taking phase stops there even if patients still wait
  int handshakes = 64;
};

int usage() {
  std::cerr << "usage: cabinet-queue-bench --port N --pid PID [--practitioners 50] [--patients "
               "2000] [--accounts 100] [--ping-rate 2000] [--ping-seconds 5] [--take-seconds "
               "120] [--handshakes 64]\n";
  return 2;
}

double ms(std::int64_t ns) { return static_cast<double>(ns) / 1e6; }

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// This process's CPU time, in seconds: the client's share of the two cores.
double own_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return s(u.ru_utime) + s(u.ru_stime);
}

// What the sockets saw of one consultation taken from the queue.
struct Visit {
  bool patient_in = false;  // the patient's socket got `joined`
  bool doctor_in = false;
  bool admitted = false;
};

struct Take {
  std::string entry;
  std::string consultation;
  std::int64_t sent = 0;      // the take request written
  std::int64_t answered = 0;  // its answer read
};

// The state shared by the I/O thread (messages) and the practitioners' threads (takes).
class Bench {
 public:
  Bench(asio::io_context& io, std::uint16_t port, std::size_t patients)
      : pool(io, port,
             [this](WsSocket& s, std::string_view text, std::int64_t at) {
               on_message(s, text, at);
             }),
        io_(io),
        patients_(patients),
        last_position_(patients, 0) {}

  cabinet::load::WsPool pool;

  // Read and written on the I/O thread only.
  std::size_t watched = 0;    // patients' sockets that got their entry's first `queue`
  std::size_t positions = 0;  // `queue` messages of a waiting entry
  std::size_t ended = 0;      // `queue` messages of an entry that left the queue otherwise
  std::size_t went_up = 0;    // a patient's position larger than the one before
  std::size_t repeated = 0;   // the same position as the one before
  std::int64_t last_position_at = 0;
  std::size_t presence = 0;  // room presence messages
  std::size_t pongs = 0;
  std::vector<double> ping_ms;
  std::map<std::string, std::size_t> errors;  // error messages by code
  std::map<std::string, std::size_t> others;  // any other type

  // Guarded by mutex: written by the I/O thread, waited on by the practitioners.
  std::mutex mutex;
  std::condition_variable changed;
  std::unordered_map<std::string, std::int64_t> called_at;  // entry -> arrival of `called`
  std::unordered_map<std::string, Visit> visits;            // consultation -> what was seen
  std::vector<Take> takes;

  // Waits until `done(visit)` holds for this consultation; false after `limit`.
  template <class F>
  bool wait_for(const std::string& consultation, std::chrono::milliseconds limit, F done) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, limit, [&] { return done(visits[consultation]); });
  }

  // Sends from any thread: the socket belongs to the I/O thread.
  void send_from_outside(const std::shared_ptr<WsSocket>& s, std::string text) {
    asio::post(io_, [this, s, text = std::move(text)]() mutable { pool.send(s, std::move(text)); });
  }

 private:
  [[nodiscard]] bool is_patient(const WsSocket& s) const { return s.tag < patients_; }

  void on_message(WsSocket& s, std::string_view text, std::int64_t at) {
    // Position updates are most of the traffic: read without a JSON parser.
    if (text.find(R"("type":"queue")") != std::string_view::npos) {
      on_queue(s, text, at);
      return;
    }
    if (text.find(R"("type":"presence")") != std::string_view::npos ||
        text.find(R"("type":"waiting_room")") != std::string_view::npos) {
      ++presence;
      return;
    }
    const auto m = Json::parse(text, nullptr, false);
    const auto type = m.is_object() ? m.value("type", "") : std::string();
    if (type == "pong") {
      if (!s.pings.empty()) {
        ping_ms.push_back(ms(at - s.pings.front()));
        s.pings.pop_front();
      }
      ++pongs;
    } else if (type == "called") {
      const auto consultation = m.value("consultation_id", "");
      {
        const std::lock_guard lock(mutex);
        called_at.emplace(m.value("entry", ""), at);
      }
      // The waiting page goes to the room and joins it.
      pool.send(pool.sockets[s.tag], R"({"type":"join","consultation":")" + consultation + "\"}");
    } else if (type == "joined" || type == "admitted") {
      const auto consultation = m.value("consultation", "");
      {
        const std::lock_guard lock(mutex);
        auto& v = visits[consultation];
        if (type == "admitted")
          v.admitted = true;
        else if (m.value("role", "") == "patient")
          v.patient_in = true;
        else
          v.doctor_in = true;
      }
      changed.notify_all();
    } else if (type == "error") {
      ++errors[m.value("code", "?")];
    } else {
      ++others[type];
    }
  }

  void on_queue(WsSocket& s, std::string_view text, std::int64_t at) {
    if (!is_patient(s)) return;
    const bool first = last_position_[s.tag] == 0;
    const auto key = text.find(R"("position":)");
    const long position =
        key == std::string_view::npos ? 0 : std::strtol(text.data() + key + 11, nullptr, 10);
    if (text.find(R"("state":"waiting")") == std::string_view::npos || position <= 0) {
      ++ended;
      if (first) ++watched;
      last_position_[s.tag] = -1;
      return;
    }
    if (first) {
      ++watched;
    } else {
      ++positions;
      last_position_at = at;
      if (position > last_position_[s.tag]) ++went_up;
      if (position == last_position_[s.tag]) ++repeated;
    }
    last_position_[s.tag] = position;
  }

  asio::io_context& io_;
  std::size_t patients_;
  std::vector<long> last_position_;  // by socket; 0 before the first, -1 once ended
};

struct Counts {
  std::size_t takes = 0;
  std::size_t busy = 0;          // 409 agenda_busy
  std::size_t not_joined = 0;    // the patient's socket never joined the room
  std::size_t not_admitted = 0;  // the practitioner's join or admit never came back
  std::size_t close_failed = 0;
  std::string first_problem;
};

// One practitioner taking patients until the queue is empty or `deadline`.
void take_loop(Bench& b, const Practitioner& p, std::uint16_t port,
               const std::shared_ptr<WsSocket>& socket, Clock::time_point deadline, Counts& c,
               std::latch& ready) {
  Session s(port, p.address);
  s.use_cookie(p.cookie);
  (void)s.get("/healthz");  // the connection is open before the start
  ready.arrive_and_wait();
  auto problem = [&](const std::string& what) {
    if (c.first_problem.empty()) c.first_problem = what;
  };
  const auto wait = std::chrono::seconds(10);
  while (Clock::now() < deadline) {
    const auto sent = now_ns();
    auto r = s.post("/api/v1/practitioner/queue/take", Json::object());
    const auto answered = now_ns();
    if (r.status == 409) {
      const auto code = r.json()["error"].value("code", "");
      if (code == "queue_empty") return;
      if (code == "agenda_busy") {
        // Their agenda is full for now: a limit of the agenda, counted and waited out.
        ++c.busy;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        continue;
      }
    }
    if (r.status != 200) {
      problem("take: HTTP " + std::to_string(r.status) + " " + r.body);
      return;
    }
    const auto body = r.json();
    Take t{body.value("entry", ""), body.value("consultation_id", ""), sent, answered};
    {
      const std::lock_guard lock(b.mutex);
      b.takes.push_back(t);
    }
    ++c.takes;
    const auto& id = t.consultation;
    // The consultation as the pages run it: the patient enters the waiting room, the
    // practitioner joins and admits (which records its start), then closes it.
    if (!b.wait_for(id, wait, [](const Visit& v) { return v.patient_in; })) {
      ++c.not_joined;
      problem("the patient of " + id + " did not join the room");
    }
    b.send_from_outside(socket, R"({"type":"join","consultation":")" + id + "\"}");
    const bool in = b.wait_for(id, wait, [](const Visit& v) { return v.doctor_in; });
    b.send_from_outside(socket, R"({"type":"admit","consultation":")" + id + "\"}");
    if (!in || !b.wait_for(id, wait, [](const Visit& v) { return v.admitted; })) {
      ++c.not_admitted;
      problem("the practitioner could not join or admit in " + id);
    }
    auto closed =
        s.post("/api/v1/practitioner/appointments/" + id + "/close", {{"amount_cents", 0}});
    if (closed.status != 200) {
      ++c.close_failed;
      problem("close: HTTP " + std::to_string(closed.status) + " " + closed.body);
    }
  }
}

struct Percentiles {
  double p50 = 0, p90 = 0, p99 = 0, max = 0;
  std::size_t n = 0;
};
Percentiles percentiles(const std::vector<double>& v) {
  using cabinet::load::percentile;
  return {percentile(v, 50), percentile(v, 90), percentile(v, 99), percentile(v, 100), v.size()};
}
void print_line(const char* what, const Percentiles& p) {
  std::printf("  %s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (%zu samples)\n", what,
              p.p50, p.p90, p.p99, p.max, p.n);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::map<std::string, int*> flags{{"--port", &o.port},
                                    {"--pid", &o.pid},
                                    {"--practitioners", &o.practitioners},
                                    {"--patients", &o.patients},
                                    {"--accounts", &o.accounts},
                                    {"--ping-rate", &o.ping_rate},
                                    {"--ping-seconds", &o.ping_seconds},
                                    {"--take-seconds", &o.take_seconds},
                                    {"--handshakes", &o.handshakes}};
  for (int i = 1; i < argc; i += 2) {
    auto it = flags.find(argv[i]);
    if (it == flags.end() || i + 1 >= argc) return usage();
    *it->second = std::atoi(argv[i + 1]);
  }
  if (o.port <= 0 || o.port > 65535 || o.pid <= 0 || o.practitioners < 1 || o.accounts < 1 ||
      o.patients < o.accounts || o.patients % o.accounts != 0 || o.patients / o.accounts > 21 ||
      o.ping_rate < 1 || o.ping_seconds < 1 || o.take_seconds < 1 || o.handshakes < 1) {
    std::cerr << "cabinet-queue-bench: --patients must be a multiple of --accounts, at most 21 "
                 "profiles each (the holder and 20 relatives)\n";
    return usage();
  }
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  // A socket per patient and practitioner, and an HTTP connection per thread.
  const auto needed = static_cast<rlim_t>(o.patients) + 2 * static_cast<rlim_t>(o.practitioners) +
                      static_cast<rlim_t>(o.accounts) + 100;
  if (files.rlim_cur < needed) {
    std::fprintf(stderr, "cabinet-queue-bench: %lu file descriptors allowed, %lu needed\n",
                 static_cast<unsigned long>(files.rlim_cur), static_cast<unsigned long>(needed));
    return 1;
  }

  using namespace cabinet;
  IoThread t;
  const auto port = static_cast<std::uint16_t>(o.port);
  const auto n = static_cast<std::size_t>(o.patients);
  // Never destroyed: read loops still pending after an error must not outlive it.
  auto& b = *new Bench(t.io, port, n);
  int status = 1;
  try {
    // 1. Practitioners on duty, patients in the queue, a socket watching each entry.
    auto t0 = Clock::now();
    const auto doctors = load::practitioners_on_duty(port, o.practitioners);
    std::printf(
        "  setup: %d general practitioners signed up, verified, in Paris with video and "
        "on duty in %.1f s\n",
        o.practitioners, seconds_since(t0));
    t0 = Clock::now();
    const auto accounts = load::patient_accounts(port, o.accounts);
    const auto signed_up = seconds_since(t0);
    t0 = Clock::now();
    const auto patients = load::queued(port, accounts, o.patients / o.accounts);
    const auto joined = seconds_since(t0);
    std::printf(
        "  setup: %d patient accounts signed up in %.1f s; %d patients (%d profiles each) "
        "joined the queue in %.1f s (%.0f joins/s)\n",
        o.accounts, signed_up, o.patients, o.patients / o.accounts, joined, o.patients / joined);

    t0 = Clock::now();
    const auto first_doctor = on_io(t, [&]() -> asio::awaitable<std::size_t> {
      b.pool.add(n, [&](std::size_t i) { return accounts[patients[i].account].cookie; });
      co_return b.pool.add(doctors.size(), [&](std::size_t i) { return doctors[i].cookie; });
    });
    on_io(t, [&]() -> asio::awaitable<void> {
      co_await b.pool.open(0, b.pool.sockets.size(), o.handshakes);
      for (std::size_t i = 0; i < n; ++i)
        b.pool.send(b.pool.sockets[i],
                    R"({"type":"watch_queue","entry":")" + patients[i].entry + "\"}");
      auto all = [&] { return b.watched >= n || !b.errors.empty(); };
      co_await b.pool.until(all, std::chrono::seconds(120), "every entry to be watched");
      if (!b.errors.empty())
        throw std::runtime_error("watch_queue answered error " + b.errors.begin()->first);
    });
    std::printf("  setup: %zu sockets open, %zu watching their entry, in %.1f s\n",
                b.pool.sockets.size(), n, seconds_since(t0));

    // 2. Baseline: ping round-trips on the patients' sockets, nothing else happening.
    double ping_cpu = load::process_cpu_seconds(o.pid);
    const double ping_rate = on_io(t, [&]() -> asio::awaitable<double> {
      auto ping = [&](std::size_t k) {
        auto& s = b.pool.sockets[k % n];
        s->pings.push_back(now_ns());
        b.pool.send(s, R"({"type":"ping"})");
      };
      const double r = co_await b.pool.drive(o.ping_rate, o.ping_seconds, ping);
      const auto total = static_cast<std::size_t>(o.ping_rate) * o.ping_seconds;
      auto answered = [&] { return b.pongs >= total; };
      co_await b.pool.until(answered, std::chrono::seconds(30), "pongs");
      co_return r;
    });
    ping_cpu = load::process_cpu_seconds(o.pid) - ping_cpu;
    const auto ping =
        on_io(t, [&]() -> asio::awaitable<Percentiles> { co_return percentiles(b.ping_ms); });
    const double ping_cpu_us = ping.n > 0 ? ping_cpu * 1e6 / static_cast<double>(ping.n) : 0;
    std::printf("  ping: %zu round-trips at %.0f/s on the %zu patients' sockets\n", ping.n,
                ping_rate, n);

    // 3. The practitioners take, all at once, until the queue is empty.
    // What the sockets saw so far, read on the I/O thread.
    struct Seen {
      std::size_t positions = 0, went_up = 0, repeated = 0, presence = 0, ended = 0, closed = 0;
      std::int64_t last_position_at = 0;
      std::string errors;
    };
    auto snapshot = [&] {
      Seen out{b.positions, b.went_up,     b.repeated,         b.presence,
               b.ended,     b.pool.closed, b.last_position_at, {}};
      for (const auto& [code, count] : b.errors)
        out.errors += " " + code + "=" + std::to_string(count);
      return out;
    };
    const auto before = on_io(t, [&]() -> asio::awaitable<Seen> { co_return snapshot(); });
    const double server0 = load::process_cpu_seconds(o.pid);
    const double own0 = own_cpu_seconds();
    std::vector<Counts> counts(doctors.size());
    std::latch ready(static_cast<std::ptrdiff_t>(doctors.size()) + 1);
    std::vector<std::thread> threads;
    const auto deadline = Clock::now() + std::chrono::seconds(o.take_seconds) +
                          std::chrono::seconds(1);  // the connections open during that second
    for (std::size_t i = 0; i < doctors.size(); ++i) {
      threads.emplace_back([&, i] {
        try {
          take_loop(b, doctors[i], port, b.pool.sockets[first_doctor + i], deadline, counts[i],
                    ready);
        } catch (const std::exception& e) {
          counts[i].first_problem = e.what();
        }
      });
    }
    ready.arrive_and_wait();
    const auto start_ns = now_ns();
    const auto start = Clock::now();
    for (auto& th : threads) th.join();
    const double taking = seconds_since(start);
    // The last broadcasts may still be on their way: wait until the positions stop.
    const auto after = on_io(t, [&]() -> asio::awaitable<Seen> {
      asio::steady_timer timer(t.io);
      auto seen = b.positions;
      auto quiet_since = Clock::now();
      while (Clock::now() - quiet_since < std::chrono::milliseconds(300)) {
        timer.expires_after(std::chrono::milliseconds(10));
        co_await timer.async_wait(asio::use_awaitable);
        if (b.positions != seen) {
          seen = b.positions;
          quiet_since = Clock::now();
        }
      }
      co_return snapshot();
    });
    const double server_cpu = load::process_cpu_seconds(o.pid) - server0;
    const double own_cpu = own_cpu_seconds() - own0;
    const auto waiting_left = [&] {
      Session anyone(port, "192.0.2.8");
      auto r = anyone.get("/api/v1/queues");
      return r.status == 200 ? r.json()["items"][0].value("waiting", -1) : -1;
    }();

    // 4. Results.
    Counts total;
    for (const auto& c : counts) {
      total.takes += c.takes;
      total.busy += c.busy;
      total.not_joined += c.not_joined;
      total.not_admitted += c.not_admitted;
      total.close_failed += c.close_failed;
      if (total.first_problem.empty()) total.first_problem = c.first_problem;
    }
    struct Called {
      std::vector<double> all, first, last;  // ms; first and last tenth of the takes
      std::size_t missing = 0;
      double answer_p50 = 0;
    };
    const auto called = on_io(t, [&]() -> asio::awaitable<Called> {
      Called out;
      std::lock_guard lock(b.mutex);
      auto takes = b.takes;
      std::sort(takes.begin(), takes.end(),
                [](const Take& x, const Take& y) { return x.sent < y.sent; });
      std::vector<double> answers;
      const auto tenth = std::max<std::size_t>(1, takes.size() / 10);
      for (std::size_t i = 0; i < takes.size(); ++i) {
        answers.push_back(ms(takes[i].answered - takes[i].sent));
        const auto it = b.called_at.find(takes[i].entry);
        if (it == b.called_at.end()) {
          ++out.missing;
          continue;
        }
        const double v = ms(it->second - takes[i].sent);
        out.all.push_back(v);
        if (i < tenth) out.first.push_back(v);
        if (i + tenth >= takes.size()) out.last.push_back(v);
      }
      out.answer_p50 = load::percentile(answers, 50);
      co_return out;
    });
    const auto lat = percentiles(called.all);
    const auto updates = after.positions - before.positions;
    // From the first take to the last position message received.
    const double span = std::max(taking, ms(after.last_position_at - start_ns) / 1e3);
    const double rate = span > 0 ? static_cast<double>(updates) / span : 0;
    const double cpu_us = updates > 0 ? server_cpu * 1e6 / static_cast<double>(updates) : 0;
    const double per_take =
        total.takes > 0 ? static_cast<double>(updates) / static_cast<double>(total.takes) : 0;
    const auto tenth = percentiles(called.first);
    const auto last_tenth = percentiles(called.last);

    std::printf(
        "  taking: %zu takes by %zu practitioners in %.1f s (%.0f/s); %s; agenda_busy %zu, "
        "patient not in the room %zu, join/admit missing %zu, close refused %zu\n",
        total.takes, doctors.size(), taking, static_cast<double>(total.takes) / taking,
        waiting_left == 0
            ? "queue emptied"
            : ("stopped at --take-seconds with " + std::to_string(waiting_left) + " waiting")
                  .c_str(),
        total.busy, total.not_joined, total.not_admitted, total.close_failed);
    if (!total.first_problem.empty())
      std::printf("  first problem: %s\n", total.first_problem.c_str());
    print_line("ping round-trip ", ping);
    print_line("take -> called  ", lat);
    std::printf(
        "  take -> called, first tenth of the takes (queue of %zu): p50 %.3f ms, p99 %.3f "
        "ms; last tenth: p50 %.3f ms, p99 %.3f ms; take answered p50 %.3f ms\n",
        n, tenth.p50, tenth.p99, last_tenth.p50, last_tenth.p99, called.answer_p50);
    std::printf(
        "  positions: %zu `queue` messages while taking (%.0f per take) in %.1f s = %.0f "
        "msg/s; %zu repeated the position shown already, %zu went up; %zu presence messages; "
        "%zu entries ended otherwise\n",
        updates, per_take, span, rate, after.repeated - before.repeated,
        after.went_up - before.went_up, after.presence - before.presence,
        after.ended - before.ended);
    std::printf(
        "  server CPU while taking: %.1f s (%.0f%% of a core), %.1f us per position "
        "message, %.1f ms per take; this program %.1f s; ping round-trip %.1f us\n",
        server_cpu, 100 * server_cpu / span, cpu_us,
        total.takes > 0 ? server_cpu * 1e3 / static_cast<double>(total.takes) : 0.0, own_cpu,
        ping_cpu_us);
    if (!after.errors.empty()) std::printf("  error messages:%s\n", after.errors.c_str());
    if (after.closed > 0) std::printf("  %zu sockets closed by the server\n", after.closed);

    std::printf(
        "queue called: take -> called p50 %.3f ms, p99 %.3f ms (%zu takes, %zu "
        "practitioners, %zu waiting at the start); ping round-trip p99 %.3f ms; "
        "called/ping p99 = %.1fx%s\n",
        lat.p50, lat.p99, total.takes, doctors.size(), n, ping.p99,
        ping.p99 > 0 ? lat.p99 / ping.p99 : 0.0,
        called.missing == 0 ? ""
                            : (" (" + std::to_string(called.missing) + " CALLED MISSING)").c_str());
    std::printf(
        "queue broadcast: %zu position messages at %.0f msg/s (%.0f per take, %.0f%% repeating "
        "the position shown); server CPU %.1f us per update, %.1f us per ping round-trip "
        "(%.1fx)\n",
        updates, rate, per_take,
        updates > 0 ? 100.0 * static_cast<double>(after.repeated - before.repeated) /
                          static_cast<double>(updates)
                    : 0.0,
        cpu_us, ping_cpu_us, ping_cpu_us > 0 ? cpu_us / ping_cpu_us : 0.0);
    status = called.missing == 0 && total.takes > 0 && after.closed == 0 ? 0 : 1;
    on_io(t, [&] { return b.pool.close(0, b.pool.sockets.size()); });
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cabinet-queue-bench: %s\n", e.what());
    status = 1;
  }
  std::fflush(stdout);
  t.halt();
  return status;
}
