// cabinet-booking-race: issue 5's race at full size against a running server (bench/run starts
// it on SQLite and on PostgreSQL). Prints booking throughput and latency next to a baseline of
// GET /healthz sent by the same clients on the same connections, and checks that no slot was
// booked twice. Exit status: 0 when every check held, 1 when one did not, 2 on bad usage.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "booking_load.hpp"

namespace {

struct Options {
  int port = 0;
  int clients = 200;
  int groups = 50;
  int rounds = 3;
  int patients = 50;
  int baseline_requests = 20;  // per client
};

int usage() {
  std::cerr << "usage: cabinet-booking-race --port N [--clients 200] [--groups 50] [--rounds 3]"
               " [--patients 50] [--baseline-requests 20]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const int v = std::atoi(argv[i + 1]);
    if (k == "--port")
      o.port = v;
    else if (k == "--clients")
      o.clients = v;
    else if (k == "--groups")
      o.groups = v;
    else if (k == "--rounds")
      o.rounds = v;
    else if (k == "--patients")
      o.patients = v;
    else if (k == "--baseline-requests")
      o.baseline_requests = v;
    else
      return usage();
  }
  if (argc % 2 == 0 || o.port <= 0 || o.port > 65535 || o.clients < 1 || o.groups < 1 ||
      o.rounds < 1 || o.patients < 1 || o.baseline_requests < 1)
    return usage();
  using namespace cabinet::load;
  try {
    const auto port = static_cast<std::uint16_t>(o.port);
    const auto setup = prepare(port, o.patients);
    std::printf(
        "  %d patients signed in; %d clients race for %d groups of 3 overlapping slots "
        "(10, 15 and 20 min), %d rounds\n",
        o.patients, o.clients, o.groups, o.rounds);
    (void)healthz_rate(port, o.clients, o.baseline_requests);  // warm-up
    std::vector<double> book_ms;
    std::vector<double> confirm_ms;
    std::vector<double> baselines;
    double seconds = 0;
    int answered = 0;
    int won = 0;
    std::vector<std::string> problems;
    for (int r = 0; r < o.rounds; ++r) {
      const auto groups = contested_groups(setup, o.groups);
      const double before = healthz_rate(port, o.clients, o.baseline_requests);
      const auto round = race(setup, groups, o.clients);
      const double after = healthz_rate(port, o.clients, o.baseline_requests);
      baselines.push_back((before + after) / 2);
      int round_won = 0;
      for (const auto& out : round.outcomes) {
        if (out.status != 0) {
          ++answered;
          book_ms.push_back(out.book_ms);
        }
        if (out.status == 201) ++round_won;
        if (out.confirm_status == 200) confirm_ms.push_back(out.confirm_ms);
      }
      won += round_won;
      seconds += round.seconds;
      for (auto& p : check(setup, groups, round)) problems.push_back(std::move(p));
      std::printf(
          "  round %d/%d: %zu requests in %.3f s, %d booked, %zu refused 409; healthz "
          "baseline %.0f req/s\n",
          r + 1, o.rounds, round.outcomes.size(), round.seconds, round_won,
          round.outcomes.size() - static_cast<std::size_t>(round_won), baselines.back());
    }
    const double rate = seconds > 0 ? answered / seconds : 0;
    const double baseline = percentile(baselines, 50);
    std::printf(
        "booking race: %.0f booking requests/s (%.0f bookings confirmed/s) vs healthz %.0f "
        "req/s = %.3fx; POST /appointments p50 %.2f ms p99 %.2f ms; confirm p99 %.2f ms; %s\n",
        rate, seconds > 0 ? won / seconds : 0, baseline, baseline > 0 ? rate / baseline : 0,
        percentile(book_ms, 50), percentile(book_ms, 99), percentile(confirm_ms, 99),
        problems.empty() ? "no double booking, every loser 409 slot_taken" : "CHECKS FAILED");
    for (std::size_t i = 0; i < problems.size() && i < 20; ++i)
      std::printf("  problem: %s\n", problems[i].c_str());
    return problems.empty() ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cabinet-booking-race: %s\n", e.what());
    return 1;
  }
}
