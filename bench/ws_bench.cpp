// cabinet-ws-bench: the WebSocket side of `make bench` (issue 6), against a running release
// server whose pid it is given. Two measurements:
//  1. memory per idle authenticated socket: the server's RSS (and Pss) after a warm-up of a few
//     hundred sockets opened and closed, then with 1,000 and 10,000 sockets open and idle;
//  2. signal relay latency with 5,000 sockets open: --rooms consultation rooms of two (a person
//     is in a room once: a second socket of the same account replaces the first), the patient
//     and the practitioner sending `signal` to each other so that together they send 5,000
//     messages/s; the other sockets are open and idle. Each signal carries its send time
//     (steady clock, this process), the receiver subtracts it. Baseline: `ping` round-trips at
//     the same rate on the same room sockets, before and after.
// Exit status: 0 when every relayed message arrived, 1 when one was lost or a step failed,
// 2 on bad usage. See bench/README.md, "WebSocket".
#include <sys/resource.h>

#include <algorithm>
#include <boost/asio.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "booking_load.hpp"
#include "client.hpp"
#include "ws_clients.hpp"

namespace {

namespace asio = boost::asio;
using cabinet::load::IoThread;
using cabinet::load::now_ns;
using cabinet::load::on_io;
using cabinet::load::WsSocket;
using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

struct Options {
  int port = 0;
  int pid = 0;
  int warmup = 300;  // sockets opened and closed before the baseline
  int idle_small = 1000;
  int idle = 10000;
  int sockets = 5000;  // in rooms, for the relay
  int rooms = 100;
  int patients = 50;     // rooms / patients appointments each
  int rate = 5000;       // messages per second, all sockets together
  int seconds = 10;      // of relay
  int ping_seconds = 5;  // of ping baseline before, and again after, the relay
  int handshakes = 128;  // upgrades in flight at once while opening sockets
};

int usage() {
  std::cerr << "usage: cabinet-ws-bench --port N --pid PID [--warmup 300] [--idle-small 1000]"
               " [--idle 10000] [--sockets 5000] [--rooms 100] [--patients 50] [--rate 5000]"
               " [--seconds 10] [--ping-seconds 5] [--handshakes 128]\n";
  return 2;
}

// The server's resident memory, in KiB: VmRSS, and Pss (its share of pages shared with others).
struct Memory {
  long rss = 0;
  long pss = 0;
};
long proc_field(const std::string& path, const std::string& name) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name, 0) == 0) return std::strtol(line.c_str() + name.size(), nullptr, 10);
  }
  throw std::runtime_error("no " + name + " in " + path);
}
Memory memory_of(int pid) {
  const auto proc = "/proc/" + std::to_string(pid);
  return {proc_field(proc + "/status", "VmRSS:"), proc_field(proc + "/smaps_rollup", "Pss:")};
}

struct Counters {
  std::size_t joined = 0;
  std::size_t presence = 0;
  std::size_t pongs = 0;
  std::size_t signals = 0;
  std::size_t errors = 0;
  std::map<std::string, std::size_t> error_codes;
};

class Bench {
 public:
  Bench(asio::io_context& io, std::uint16_t port)
      : pool(io, port, [this](WsSocket& s, std::string_view text, std::int64_t at) {
          on_message(s, text, at);
        }) {}

  cabinet::load::WsPool pool;
  Counters c;
  std::vector<double> ping_ms;
  std::vector<double> relay_ms;
  // Every sample with its send time, for BENCH_WS_TRACE (where in the run the slow ones fall).
  struct Sample {
    char kind;
    std::int64_t sent, at;
  };
  std::vector<Sample> samples;
  std::vector<bool> relayed;  // by message number: arrived

  // Waits until no message of the counted kinds arrived for `quiet` (the presence broadcasts of
  // the joins); throws after `limit`.
  asio::awaitable<void> settle(asio::io_context& io, std::chrono::milliseconds quiet,
                               Clock::duration limit) {
    const auto deadline = Clock::now() + limit;
    asio::steady_timer timer(io);
    std::size_t seen = c.presence;
    auto last = Clock::now();
    while (Clock::now() - last < quiet) {
      if (Clock::now() > deadline) throw std::runtime_error("the rooms did not settle");
      timer.expires_after(std::chrono::milliseconds(10));
      co_await timer.async_wait(asio::use_awaitable);
      if (c.presence != seen) {
        seen = c.presence;
        last = Clock::now();
      }
    }
  }

 private:
  void on_message(WsSocket& s, std::string_view text, std::int64_t at) {
    // Presence lists grow with the room: count them without parsing.
    if (text.find(R"("type":"presence")") != std::string_view::npos ||
        text.find(R"("type":"waiting_room")") != std::string_view::npos) {
      ++c.presence;
      return;
    }
    const auto m = Json::parse(text, nullptr, false);
    const auto type = m.is_object() ? m.value("type", "") : std::string();
    if (type == "signal") {
      const auto& d = m["data"];
      const auto sent = d.value("t", std::int64_t{0});
      const auto k = d.value("n", std::size_t{0});
      relay_ms.push_back(static_cast<double>(at - sent) / 1e6);
      samples.push_back({'s', sent, at});
      if (k < relayed.size()) relayed[k] = true;
      ++c.signals;
    } else if (type == "pong") {
      if (!s.pings.empty()) {
        ping_ms.push_back(static_cast<double>(at - s.pings.front()) / 1e6);
        samples.push_back({'p', s.pings.front(), at});
        s.pings.pop_front();
      }
      ++c.pongs;
    } else if (type == "joined") {
      s.you = m.value("you", "");
      ++c.joined;
    } else if (type == "error") {
      ++c.errors;
      ++c.error_codes[m.value("code", "?")];
    }
  }
};

std::string kib(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::size_t gauge(cabinet::test::HttpClient& http, const std::string& name) {
  auto r = http.get("/metrics");
  if (r.status != 200) throw std::runtime_error("GET /metrics: HTTP " + std::to_string(r.status));
  std::istringstream in(r.body);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name + " ", 0) == 0)
      return static_cast<std::size_t>(std::strtod(line.c_str() + name.size() + 1, nullptr));
  }
  throw std::runtime_error("no " + name + " in /metrics");
}

// Waits until the server counts `n` open WebSockets (closed ones are detached asynchronously).
void wait_for_server_count(cabinet::test::HttpClient& http, std::size_t n) {
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (gauge(http, "cabinet_websocket_connections") != n) {
    if (Clock::now() > deadline)
      throw std::runtime_error("the server does not count " + std::to_string(n) + " WebSockets");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::map<std::string, int*> flags{{"--port", &o.port},
                                    {"--pid", &o.pid},
                                    {"--warmup", &o.warmup},
                                    {"--idle-small", &o.idle_small},
                                    {"--idle", &o.idle},
                                    {"--sockets", &o.sockets},
                                    {"--rooms", &o.rooms},
                                    {"--patients", &o.patients},
                                    {"--rate", &o.rate},
                                    {"--seconds", &o.seconds},
                                    {"--ping-seconds", &o.ping_seconds},
                                    {"--handshakes", &o.handshakes}};
  for (int i = 1; i < argc; i += 2) {
    auto it = flags.find(argv[i]);
    if (it == flags.end() || i + 1 >= argc) return usage();
    *it->second = std::atoi(argv[i + 1]);
  }
  if (o.port <= 0 || o.port > 65535 || o.pid <= 0 || o.warmup < 0 || o.idle_small < 1 ||
      o.idle < o.idle_small || o.rooms < 1 || o.sockets < 2 * o.rooms || o.patients < 1 ||
      o.rooms % o.patients != 0 || o.rate < 1 || o.seconds < 1 || o.ping_seconds < 1 ||
      o.handshakes < 1) {
    std::cerr << "cabinet-ws-bench: --sockets must be at least 2 x --rooms, and --rooms a "
                 "multiple of --patients\n";
    return usage();
  }
  // One descriptor per socket: as many as the hard limit allows.
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  const auto needed = static_cast<rlim_t>(std::max(o.idle, o.sockets) + 100);
  if (files.rlim_cur < needed) {
    std::fprintf(stderr, "cabinet-ws-bench: %lu file descriptors allowed, %lu needed\n",
                 static_cast<unsigned long>(files.rlim_cur), static_cast<unsigned long>(needed));
    return 1;
  }

  using namespace cabinet;
  IoThread t;
  auto& io = t.io;
  const auto port = static_cast<std::uint16_t>(o.port);
  // Never destroyed: read loops still pending after an error must not outlive it.
  auto& b = *new Bench(io, port);
  int status = 1;
  try {
    const auto setup = load::prepare(port, o.patients);
    test::HttpClient http(port);
    auto add = [&](std::size_t n, const std::function<std::string(std::size_t)>& cookie) {
      on_io(t, [&]() -> asio::awaitable<void> {
        b.pool.add(n, cookie);
        co_return;
      });
    };
    const auto& shared_cookie = setup.patients[0].cookie;

    // 1. Memory per idle socket.
    const auto warm = static_cast<std::size_t>(o.warmup);
    const auto small = static_cast<std::size_t>(o.idle_small);
    const auto idle = static_cast<std::size_t>(o.idle);
    add(warm + idle, [&](std::size_t) { return shared_cookie; });
    if (warm > 0) {
      on_io(t, [&] { return b.pool.open(0, warm, o.handshakes); });
      on_io(t, [&] { return b.pool.close(0, warm); });
    }
    wait_for_server_count(http, 0);
    const auto base = memory_of(o.pid);
    std::printf("  memory: baseline RSS %ld KiB (Pss %ld KiB) after %d sockets opened and closed\n",
                base.rss, base.pss, o.warmup);
    // Points in between show whether the cost is linear: the first sockets may fit in memory
    // the heap already holds (freed by start-up and by the warm-up), the later ones cannot.
    std::vector<std::size_t> points{small};
    for (auto p : {idle / 4, idle / 2, idle}) {
      if (p > points.back()) points.push_back(p);
    }
    auto per = [](long a, long b, std::size_t n) { return static_cast<double>(a - b) / n; };
    Memory previous = base;
    std::size_t opened = 0;
    double small_rss = 0;
    double idle_rss = 0;
    const auto t_open = Clock::now();
    for (const auto p : points) {
      on_io(t, [&] { return b.pool.open(warm + opened, warm + p, o.handshakes); });
      wait_for_server_count(http, p);
      const auto m = memory_of(o.pid);
      const double rss = per(m.rss, base.rss, p);
      std::printf(
          "  memory: %5zu idle sockets: RSS %ld KiB, +%ld = %s KiB per socket (Pss %s); the "
          "last %zu: %s KiB each\n",
          p, m.rss, m.rss - base.rss, kib(rss).c_str(), kib(per(m.pss, base.pss, p)).c_str(),
          p - opened, kib(per(m.rss, previous.rss, p - opened)).c_str());
      if (p == small) small_rss = rss;
      if (p == idle) idle_rss = rss;
      previous = m;
      opened = p;
    }
    std::printf("  memory: %zu sockets opened in %.1f s\n", idle,
                std::chrono::duration<double>(Clock::now() - t_open).count());
    on_io(t, [&] { return b.pool.close(warm, warm + idle); });
    wait_for_server_count(http, 0);

    // 2. Relay latency: rooms of a patient and a practitioner socket, among --sockets open.
    const int per_patient = o.rooms / o.patients;
    const auto t_book = Clock::now();
    const auto appointments = load::book_video(setup, per_patient);
    std::printf("  relay: %zu video appointments booked and confirmed in %.1f s\n",
                appointments.size(), std::chrono::duration<double>(Clock::now() - t_book).count());
    const std::size_t first = b.pool.sockets.size();
    const auto all = static_cast<std::size_t>(o.sockets);
    const auto n = 2 * static_cast<std::size_t>(o.rooms);  // the sockets in rooms, first
    add(all, [&](std::size_t i) {
      if (i >= n) return shared_cookie;
      const auto& a = appointments[i / 2];
      return i % 2 == 0 ? setup.patients[static_cast<std::size_t>(a.patient)].cookie
                        : setup.practitioner_cookie;
    });
    const auto t_join = Clock::now();
    on_io(t, [&] { return b.pool.open(first, first + all, o.handshakes); });
    const auto presence = on_io(t, [&]() -> asio::awaitable<std::size_t> {
      for (std::size_t i = 0; i < n; ++i) {
        auto& s = b.pool.sockets[first + i];
        s->consultation = appointments[i / 2].id;
        b.pool.send(s, R"({"type":"join","consultation":")" + s->consultation + "\"}");
      }
      auto answered = [&] { return b.c.joined + b.c.errors >= n; };
      co_await b.pool.until(answered, std::chrono::seconds(300), "joins");
      if (b.c.errors > 0) throw std::runtime_error("joins refused");
      co_await b.settle(io, std::chrono::milliseconds(300), std::chrono::seconds(120));
      // Pairs: each room's patient socket with its practitioner socket.
      for (std::size_t i = 0; i < n; ++i) {
        const auto peer = i % 2 == 0 ? i + 1 : i - 1;
        b.pool.sockets[first + i]->peer = static_cast<int>(first + peer);
      }
      co_return b.c.presence;
    });
    std::printf(
        "  relay: %zu sockets open, %d rooms of 2 (patient + practitioner), %zu joined in %.1f s, "
        "%zu presence messages; the other sockets idle\n",
        all, o.rooms, n, std::chrono::duration<double>(Clock::now() - t_join).count(), presence);

    // Server CPU during the pings and the relay, per message: what one costs the server.
    double ping_cpu = 0;
    auto ping_phase = [&](const char* when) {
      const double cpu0 = load::process_cpu_seconds(o.pid);
      const double rate = on_io(t, [&]() -> asio::awaitable<double> {
        const auto before = b.c.pongs;
        auto ping = [&](std::size_t k) {
          auto& s = b.pool.sockets[first + k % n];
          s->pings.push_back(now_ns());
          b.pool.send(s, R"({"type":"ping"})");
        };
        const double r = co_await b.pool.drive(o.rate, o.ping_seconds, ping);
        const auto total = static_cast<std::size_t>(o.rate) * o.ping_seconds;
        auto answered = [&] { return b.c.pongs - before >= total; };
        co_await b.pool.until(answered, std::chrono::seconds(30), "pongs");
        co_return r;
      });
      ping_cpu += load::process_cpu_seconds(o.pid) - cpu0;
      std::printf("  ping %s: %d round-trips at %.0f/s\n", when, o.rate * o.ping_seconds, rate);
    };
    ping_phase("before");
    const auto total = static_cast<std::size_t>(o.rate) * static_cast<std::size_t>(o.seconds);
    const double relay_cpu0 = load::process_cpu_seconds(o.pid);
    const double relay_rate = on_io(t, [&]() -> asio::awaitable<double> {
      b.relayed.assign(total, false);
      const auto before = b.c.signals;
      auto relay = [&](std::size_t k) {
        auto& s = b.pool.sockets[first + k % n];
        const auto& peer = *b.pool.sockets[static_cast<std::size_t>(s->peer)];
        b.pool.send(s, R"({"type":"signal","consultation":")" + s->consultation + R"(","to":")" +
                           peer.you + R"(","data":{"t":)" + std::to_string(now_ns()) + R"(,"n":)" +
                           std::to_string(k) + "}}");
      };
      const double r = co_await b.pool.drive(o.rate, o.seconds, relay);
      auto arrived = [&] { return b.c.signals - before >= total; };
      try {
        co_await b.pool.until(arrived, std::chrono::seconds(10), "relayed signals");
      } catch (const std::runtime_error&) {
        // Counted as lost below.
      }
      co_return r;
    });
    const double relay_cpu = load::process_cpu_seconds(o.pid) - relay_cpu0;
    ping_phase("after");

    // The results, read on the I/O thread: a late message cannot change them while we read.
    struct Results {
      std::size_t received = 0;
      double ping[4] = {};
      double relay[4] = {};
      std::size_t ping_n = 0, relay_n = 0, errors = 0;
      std::string codes;
    };
    const auto r = on_io(t, [&]() -> asio::awaitable<Results> {
      Results out;
      out.received = static_cast<std::size_t>(std::count(b.relayed.begin(), b.relayed.end(), true));
      const double ps[] = {50, 90, 99, 100};
      for (int i = 0; i < 4; ++i) {
        out.ping[i] = load::percentile(b.ping_ms, ps[i]);
        out.relay[i] = load::percentile(b.relay_ms, ps[i]);
      }
      out.ping_n = b.ping_ms.size();
      out.relay_n = b.relay_ms.size();
      out.errors = b.c.errors;
      for (const auto& [code, count] : b.c.error_codes)
        out.codes += " " + code + "=" + std::to_string(count);
      if (const char* trace = std::getenv("BENCH_WS_TRACE")) {
        std::ofstream f(trace);
        for (const auto& x : b.samples)
          f << x.kind << ' ' << x.sent << ' ' << (x.at - x.sent) / 1000 << '\n';  // ns, µs
      }
      co_return out;
    });
    const auto lost = total - r.received;
    auto line = [](const char* what, const double* v, std::size_t samples) {
      std::printf("  %s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (%zu samples)\n", what,
                  v[0], v[1], v[2], v[3], samples);
    };
    line("ping round-trip", r.ping, r.ping_n);
    line("signal relay   ", r.relay, r.relay_n);
    std::printf(
        "  relay: %zu signals sent at %.0f/s, %zu received, %zu lost; %zu error messages%s\n",
        total, relay_rate, r.received, lost, r.errors, r.codes.c_str());
    const double relay_cpu_us = r.received > 0 ? relay_cpu * 1e6 / r.received : 0.0;
    std::printf("  server CPU: %.1f us per relayed signal, %.1f us per ping round-trip\n",
                relay_cpu_us, r.ping_n > 0 ? ping_cpu * 1e6 / r.ping_n : 0.0);
    const double relay_p99 = r.relay[2];
    const double ping_p99 = r.ping[2];
    std::printf(
        "websocket memory: %s KiB per idle socket at %zu (target <= 8 KiB) %s; %s KiB at %zu\n",
        kib(idle_rss).c_str(), idle, idle_rss <= 8 ? "PASS" : "FAIL", kib(small_rss).c_str(),
        small);
    std::printf(
        "websocket relay: p99 %.3f ms at %d sockets and %d msg/s (target < 2 ms) %s; ping "
        "round-trip p99 %.3f ms; relay/ping p99 = %.2fx; %zu/%zu received%s; server CPU %.1f us "
        "per relayed signal\n",
        relay_p99, o.sockets, o.rate, relay_p99 < 2 ? "PASS" : "FAIL", ping_p99,
        ping_p99 > 0 ? relay_p99 / ping_p99 : 0.0, r.received, total,
        lost == 0 ? "" : " (MESSAGES LOST)", relay_cpu_us);
    on_io(t, [&] { return b.pool.close(first, first + all); });
    status = lost == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cabinet-ws-bench: %s\n", e.what());
    status = 1;
  }
  std::fflush(stdout);
  t.halt();
  return status;
}
