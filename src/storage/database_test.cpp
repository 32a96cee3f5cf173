#include "storage/database.hpp"

#include <gtest/gtest.h>

#include <boost/asio/detached.hpp>
#include <thread>

#include "storage/migrations.hpp"
#include "test_db.hpp"

namespace cabinet::storage {
namespace {

using test::TestDatabase;

constexpr std::string_view kCreate =
    "CREATE TABLE items (id BIGINT PRIMARY KEY, label TEXT UNIQUE, score DOUBLE PRECISION, "
    "data {{blob}}, note TEXT)";

class StorageTest : public testing::TestWithParam<Engine> {
 protected:
  StorageTest() {
    const std::string create = expand_dialect(kCreate, GetParam());
    auto r = t_.run(t_.db().transact([&create](Transaction& tx) -> Task<Result<void>> {
      co_return co_await tx.execute_script(create);
    }));
    EXPECT_TRUE(r.ok()) << r.error().detail;
  }

  Result<QueryResult> q(std::string_view sql, Params params = {}) {
    return t_.run(t_.db().query(sql, std::move(params)));
  }
  std::int64_t count() {
    auto r = q("SELECT COUNT(*) FROM items");
    EXPECT_TRUE(r.ok());
    return r->row(0).integer(0);
  }

  TestDatabase t_{GetParam()};
};

TEST_P(StorageTest, RoundTripsEveryValueType) {
  const std::string bytes("\x00\x01\xff\x00zz", 6);
  const std::string text = "Zoé — « ça » 🩺";
  auto ins = q("INSERT INTO items (id, label, score, data, note) VALUES ($1, $2, $3, $4, $5)",
               {std::int64_t{1} << 40, text, 2.5, blob(bytes), nullptr});
  ASSERT_TRUE(ins.ok()) << ins.error().detail;
  EXPECT_EQ(ins->affected, 1);

  auto r =
      q("SELECT id, label, score, data, note FROM items WHERE id = $1", {std::int64_t{1} << 40});
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->size(), 1U);
  auto row = r->row(0);
  EXPECT_EQ(row.integer(0), std::int64_t{1} << 40);
  EXPECT_EQ(row.text(1), text);
  EXPECT_DOUBLE_EQ(row.real(2), 2.5);
  EXPECT_EQ(row.bytes(3), bytes);
  EXPECT_TRUE(row.is_null(4));
  EXPECT_EQ(row.opt_text(4), std::nullopt);
  EXPECT_EQ(r->columns, (std::vector<std::string>{"id", "label", "score", "data", "note"}));
}

TEST_P(StorageTest, PlaceholdersMayRepeatAndComeInAnyOrder) {
  ASSERT_TRUE(
      q("INSERT INTO items (id, label) VALUES ($2, $1)", {std::string("b"), std::int64_t{7}}).ok());
  auto r = q("SELECT id FROM items WHERE id = $1 OR id = $1 + 1000 OR label = $2",
             {std::int64_t{7}, std::string("zz")});
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->size(), 1U);
}

TEST_P(StorageTest, LargeIntegersStaySixtyFourBitInExpressions) {
  auto r = q("SELECT $1 + 1", {std::int64_t{5'000'000'000}});
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->row(0).integer(0), 5'000'000'001);
}

TEST_P(StorageTest, UniqueViolationIsAConflictAndWritesNothing) {
  ASSERT_TRUE(
      q("INSERT INTO items (id, label) VALUES ($1, $2)", {std::int64_t{1}, std::string("x")}).ok());
  auto dup =
      q("INSERT INTO items (id, label) VALUES ($1, $2)", {std::int64_t{2}, std::string("x")});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::conflict);
  EXPECT_EQ(count(), 1);
}

TEST_P(StorageTest, TextThatIsNotUtf8OrHoldsNulIsRefusedOnBothEngines) {
  for (const std::string& bad : {std::string("a\xff"
                                             "b"),
                                 std::string("a\0b", 3), std::string("\xed\xa0\x80")}) {
    auto r = q("INSERT INTO items (id, note) VALUES ($1, $2)", {std::int64_t{3}, bad});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::invalid_request);
  }
  EXPECT_EQ(count(), 0);
}

TEST_P(StorageTest, UpdateReportsAffectedRows) {
  for (std::int64_t i = 1; i <= 3; ++i)
    ASSERT_TRUE(q("INSERT INTO items (id) VALUES ($1)", {i}).ok());
  auto r = q("UPDATE items SET note = $1 WHERE id >= $2", {std::string("n"), std::int64_t{2}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->affected, 2);
}

TEST_P(StorageTest, ReturningGivesTheInsertedRow) {
  auto r = q("INSERT INTO items (id, label) VALUES ($1, $2) RETURNING id, label",
             {std::int64_t{9}, std::string("r")});
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->size(), 1U);
  EXPECT_EQ(r->row(0).text(1), "r");
}

TEST_P(StorageTest, TransactionCommitsWhenTheBodySucceeds) {
  auto r = t_.run(t_.db().transact([](Transaction& tx) -> Task<Result<void>> {
    for (std::int64_t i = 1; i <= 2; ++i) {
      Params p{i};
      if (auto x = co_await tx.query("INSERT INTO items (id) VALUES ($1)", std::move(p)); !x)
        co_return std::move(x).error();
    }
    co_return ok();
  }));
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(count(), 2);
}

TEST_P(StorageTest, TransactionRollsBackWhenTheBodyFails) {
  auto r = t_.run(t_.db().transact([](Transaction& tx) -> Task<Result<void>> {
    Params p{std::int64_t{1}};
    (void)co_await tx.query("INSERT INTO items (id) VALUES ($1)", std::move(p));
    co_return Error(ErrorCode::conflict, "changed my mind");
  }));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_EQ(count(), 0);
}

TEST_P(StorageTest, TransactionRollsBackWhenAStatementFailsHalfway) {
  ASSERT_TRUE(
      q("INSERT INTO items (id, label) VALUES ($1, $2)", {std::int64_t{1}, std::string("taken")})
          .ok());
  auto r = t_.run(t_.db().transact([](Transaction& tx) -> Task<Result<void>> {
    Params first{std::int64_t{2}};
    if (auto x = co_await tx.query("INSERT INTO items (id) VALUES ($1)", std::move(first)); !x)
      co_return std::move(x).error();
    Params second{std::int64_t{3}, std::string("taken")};
    auto dup =
        co_await tx.query("INSERT INTO items (id, label) VALUES ($1, $2)", std::move(second));
    if (!dup) co_return std::move(dup).error();
    co_return ok();
  }));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_EQ(count(), 1);  // the first insert of the transaction is gone too
}

TEST_P(StorageTest, TransactionRollsBackAndRethrowsWhenTheBodyThrows) {
  EXPECT_THROW(t_.run(t_.db().transact([](Transaction& tx) -> Task<Result<void>> {
    Params p{std::int64_t{1}};
    (void)co_await tx.query("INSERT INTO items (id) VALUES ($1)", std::move(p));
    throw std::runtime_error("bug");
  })),
               std::runtime_error);
  EXPECT_EQ(count(), 0);
  // The connection is usable afterwards.
  EXPECT_TRUE(q("INSERT INTO items (id) VALUES ($1)", {std::int64_t{1}}).ok());
}

TEST_P(StorageTest, ABadStatementIsAnInternalError) {
  auto r = q("SELEKT nonsense");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::internal);
  EXPECT_FALSE(r.error().detail.empty());
}

// The no-double-booking rule of later issues rests on this: many writers racing for one key,
// exactly one wins, the others get a conflict, on both engines, with real parallelism.
TEST_P(StorageTest, OneWinnerWhenManyRaceForTheSameUniqueKey) {
  constexpr int kRacers = 40;
  std::vector<Result<void>> results(kRacers);
  auto& io = t_.runtime().io();
  auto& db = t_.db();
  for (int i = 0; i < kRacers; ++i) {
    boost::asio::co_spawn(
        io,
        [&db, &results, i]() -> Task<void> {
          results[static_cast<std::size_t>(i)] =
              co_await db.transact([i](Transaction& tx) -> Task<Result<void>> {
                Params p{std::int64_t{100 + i}, std::string("the-slot")};
                auto x = co_await tx.query("INSERT INTO items (id, label) VALUES ($1, $2)",
                                           std::move(p));
                if (!x) co_return std::move(x).error();
                co_return ok();
              });
        },
        boost::asio::detached);
  }
  std::thread second([&io] { io.run(); });  // two threads: a real race, not a queue
  io.run();
  second.join();
  io.restart();

  int wins = 0;
  for (const auto& r : results) {
    if (r.ok()) {
      ++wins;
    } else {
      EXPECT_EQ(r.error().code, ErrorCode::conflict) << r.error().detail;
    }
  }
  EXPECT_EQ(wins, 1);
  EXPECT_EQ(count(), 1);
  EXPECT_EQ(t_.db().pool_stats().in_use, 0U);
}

TEST_P(StorageTest, PingAnswers) { EXPECT_TRUE(t_.run(t_.db().ping()).ok()); }

INSTANTIATE_TEST_SUITE_P(Engines, StorageTest, testing::ValuesIn(test::engines_under_test()),
                         test::engine_param_name);

}  // namespace
}  // namespace cabinet::storage
