// Prescription numbers from the built-in stand-in (docs/documents.md "Teleservices"): two nodes
// sharing one database never hand out the same number, even when they race.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/block_on.hpp"
#include "documents/standins.hpp"
#include "storage/open.hpp"
#include "test_db.hpp"

namespace cabinet::test {
namespace {

class PrescriptionNumbers : public testing::TestWithParam<storage::Engine> {};

// One node: its own runtime, blocking pool and connections to the shared database.
struct Node {
  explicit Node(const std::string& url) : runtime(1), blocking(2) {
    storage::OpenOptions options;
    options.url = url;
    options.pool_size = 2;
    auto opened = storage::open(runtime.io(), blocking, options);
    if (!opened) throw std::runtime_error(opened.error().detail);
    db = std::move(*opened);
  }
  ~Node() {
    db->close();
    blocking.stop();
  }
  Runtime runtime;
  BlockingPool blocking;
  std::unique_ptr<storage::Database> db;
};

TEST_P(PrescriptionNumbers, TwoRacingNodesNeverGiveTheSameNumber) {
  TestDatabase shared(GetParam());  // migrated: the counter exists
  constexpr int kEach = 150;
  std::vector<std::string> numbers[2];
  std::vector<std::thread> threads;
  for (int n = 0; n < 2; ++n) {
    threads.emplace_back([&, n] {
      Node node(shared.url());
      SecureRandom random;
      documents::StandinEPrescription service(*node.db, random);
      for (int i = 0; i < kEach; ++i) {
        documents::PrescriptionRequest req;
        req.idempotency_key = "node" + std::to_string(n) + ":" + std::to_string(i);
        auto r = block_on(node.runtime.io(), service.register_prescription(req));
        if (r) numbers[n].push_back(r->number);
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(numbers[0].size(), static_cast<std::size_t>(kEach));
  ASSERT_EQ(numbers[1].size(), static_cast<std::size_t>(kEach));
  std::set<std::string> all(numbers[0].begin(), numbers[0].end());
  all.insert(numbers[1].begin(), numbers[1].end());
  EXPECT_EQ(all.size(), 2U * kEach);
  for (const auto& number : all) {
    EXPECT_EQ(number.size(), 12U);
    EXPECT_TRUE(documents::luhn_valid(number)) << number;
  }
}

TEST_P(PrescriptionNumbers, ARetryWithTheSameKeyGetsTheSameNumberAndKey) {
  TestDatabase shared(GetParam());
  SecureRandom random;
  documents::StandinEPrescription service(shared.db(), random);
  documents::PrescriptionRequest req;
  req.idempotency_key = "consultation:prescription:1";
  auto a = shared.run(service.register_prescription(req));
  auto b = shared.run(service.register_prescription(req));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->number, b->number);
  EXPECT_EQ(a->key, b->key);
  EXPECT_EQ(a->key.size(), 26U);  // 128 bits in base32
}

INSTANTIATE_TEST_SUITE_P(Engines, PrescriptionNumbers, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
