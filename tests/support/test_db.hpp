#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/block_on.hpp"
#include "core/clock.hpp"
#include "core/runtime.hpp"
#include "storage/database.hpp"

// Shared by unit, handler and integration tests: every test gets its own temp directory and
// its own database, on each engine under test (STYLE.md: no shared test databases).
namespace cabinet::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Engines named by CABINET_TEST_ENGINES ("sqlite,postgres"; default "sqlite"). PostgreSQL
// needs CABINET_TEST_PG (an admin URL; `scripts/services start postgres` prints it): when the
// engine is asked for and the URL is missing, tests fail rather than silently skip.
std::vector<storage::Engine> engines_under_test();
std::string engine_param_name(const testing::TestParamInfo<storage::Engine>& info);
std::string postgres_admin_url();

// A fresh PostgreSQL database on the admin server, dropped on destruction.
class PostgresDatabase {
 public:
  PostgresDatabase();
  ~PostgresDatabase();
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;
  [[nodiscard]] const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
};

// A database URL for one engine: a SQLite file in a temp dir, or a fresh PostgreSQL database.
class DatabaseUrl {
 public:
  explicit DatabaseUrl(storage::Engine engine);
  [[nodiscard]] const std::string& url() const { return url_; }

 private:
  TempDir dir_;
  std::unique_ptr<PostgresDatabase> pg_;
  std::string url_;
};

// One integer from a query, on a database a separate process owns (checks after the fact).
std::int64_t query_integer(const std::string& url, const std::string& sql);

// An opened (and by default migrated) database with the runtime to drive it.
class TestDatabase {
 public:
  explicit TestDatabase(storage::Engine engine, bool migrate = true);
  ~TestDatabase();

  storage::Database& db() { return *db_; }
  Runtime& runtime() { return runtime_; }
  BlockingPool& blocking() { return blocking_; }
  ManualClock& clock() { return clock_; }
  [[nodiscard]] const std::string& url() const { return url_.url(); }

  template <class T>
  T run(Task<T> task, std::size_t threads = 1) {
    return block_on(runtime_.io(), std::move(task), threads);
  }
  void run(Task<void> task, std::size_t threads = 1) {
    block_on(runtime_.io(), std::move(task), threads);
  }

 private:
  DatabaseUrl url_;
  ManualClock clock_;
  Runtime runtime_;
  BlockingPool blocking_;
  std::unique_ptr<storage::Database> db_;
};

}  // namespace cabinet::test
