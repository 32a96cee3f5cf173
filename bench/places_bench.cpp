// How long the "Où ?" field's answers take: Communes::search (GET /places, once per pause in
// typing) and Communes::resolve, over forms people type, typos included (the costliest: they
// look at the names sharing a start or an end with the text). Prints microseconds per call;
// run the release build (build/release/cabinet-places-bench).
#include <chrono>
#include <cstdio>
#include <string_view>

#include "geo/communes.hpp"

int main() {
  using cabinet::geo::Communes;
  constexpr std::string_view kTyped[] = {"Lyon 69003",
                                         "69003 Lyon",
                                         "Paris 11e",
                                         "Paris XIe",
                                         "Marseille 1er arr.",
                                         "st etienne",
                                         "Aix en Prov",
                                         "Bordeux",
                                         "Toulouze",
                                         "saint etiene",
                                         "Saint-Denis 93",
                                         "97400",
                                         "Fort de France",
                                         "Ajacio",
                                         "xyzzy qwerty",
                                         "ly",
                                         "sai",
                                         "Montpelier",
                                         "chalons en champagne",
                                         "Paris 21e"};
  const auto& communes = Communes::instance();  // parse the table before timing
  constexpr int kRounds = 200;
  for (const auto& [what, call] :
       {std::pair{"search", +[](const Communes&c, std::string_view q) { return c.search(q, 8); }},
        std::pair{"resolve",
                  +[](const Communes&c, std::string_view q) { return c.resolve(q, 8); }}}) {
    std::size_t found = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < kRounds; ++round) {
      for (const auto q : kTyped) found += call(communes, q).size();
    }
    const std::chrono::duration<double, std::micro> spent =
        std::chrono::steady_clock::now() - start;
    std::printf("%-8s %6.1f us per call (%zu texts x %d rounds, %zu places)\n", what,
                spent.count() / (kRounds * std::size(kTyped)), std::size(kTyped), kRounds, found);
    for (const auto q : kTyped) {
      const auto one = std::chrono::steady_clock::now();
      for (int round = 0; round < kRounds; ++round) found += call(communes, q).size();
      const std::chrono::duration<double, std::micro> each = std::chrono::steady_clock::now() - one;
      std::printf("  %-24.*s %6.1f us\n", static_cast<int>(q.size()), q.data(),
                  each.count() / kRounds);
    }
  }
}
