#include "test_db.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <random>
#include <stdexcept>

#include "core/embedded.hpp"
#include "storage/migrations.hpp"
#include "storage/open.hpp"

namespace cabinet::test {
namespace {

std::string random_suffix() {
  static std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string s;
  for (int i = 0; i < 12; ++i) s.push_back(kChars[rng() % (sizeof(kChars) - 1)]);
  return s;
}

void admin_exec(const std::string& sql) {
  PGconn* conn = PQconnectdb(postgres_admin_url().c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot reach CABINET_TEST_PG: " + message);
  }
  PGresult* res = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  std::string message = PQresultErrorMessage(res);
  PQclear(res);
  PQfinish(conn);
  if (!ok) throw std::runtime_error(sql + ": " + message);
}

}  // namespace

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "cabinet-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::vector<storage::Engine> engines_under_test() {
  const char* env = std::getenv("CABINET_TEST_ENGINES");
  const std::string list = env != nullptr ? env : "sqlite";
  std::vector<storage::Engine> out;
  if (list.find("sqlite") != std::string::npos) out.push_back(storage::Engine::sqlite);
  if (list.find("postgres") != std::string::npos) out.push_back(storage::Engine::postgres);
  return out;
}

std::string engine_param_name(const testing::TestParamInfo<storage::Engine>& info) {
  return std::string(storage::to_string(info.param));
}

std::string postgres_admin_url() {
  const char* url = std::getenv("CABINET_TEST_PG");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "PostgreSQL tests need CABINET_TEST_PG; run them through `make test`, or "
        "`eval $(scripts/services start postgres)` first");
  }
  return url;
}

PostgresDatabase::PostgresDatabase() : name_("cabinet_test_" + random_suffix()) {
  admin_exec("CREATE DATABASE " + name_);
  std::string admin = postgres_admin_url();
  // Replace the database name (the last path segment) of the admin URL.
  const auto slash = admin.find('/', admin.find("://") + 3);
  const auto query = admin.find('?');
  url_ = admin.substr(0, slash) + "/" + name_ +
         (query == std::string::npos ? std::string() : admin.substr(query));
}

PostgresDatabase::~PostgresDatabase() {
  try {
    admin_exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The server may have been stopped by the test itself; the cluster is thrown away anyway.
  }
}

DatabaseUrl::DatabaseUrl(storage::Engine engine) {
  if (engine == storage::Engine::postgres) {
    pg_ = std::make_unique<PostgresDatabase>();
    url_ = pg_->url();
  } else {
    url_ = "sqlite:" + (dir_.path() / "cabinet.db").string();
  }
}

std::int64_t query_integer(const std::string& url, const std::string& sql) {
  Runtime runtime(1);
  BlockingPool blocking(1);
  storage::OpenOptions options;
  options.url = url;
  options.pool_size = 1;
  options.sqlite_readers = 1;
  auto db = storage::open(runtime.io(), blocking, options);
  if (!db) throw std::runtime_error(db.error().detail);
  auto rows = block_on(runtime.io(), (*db)->query(sql));
  (*db)->close();
  if (!rows) throw std::runtime_error(rows.error().detail);
  return rows->row(0).integer(0);
}

TestDatabase::TestDatabase(storage::Engine engine, bool migrate)
    : url_(engine),
      clock_(std::chrono::system_clock::time_point(std::chrono::seconds(1'790'000'000))),
      runtime_(1),
      blocking_(4) {
  storage::OpenOptions options;
  options.url = url_.url();
  options.pool_size = 8;
  auto db = storage::open(runtime_.io(), blocking_, options);
  if (!db) throw std::runtime_error("cannot open test database: " + db.error().detail);
  db_ = std::move(*db);
  if (migrate) {
    auto migrations = storage::load_migrations(embedded::migrations());
    if (!migrations) throw std::runtime_error(migrations.error().detail);
    auto report = run(storage::migrate(*db_, *migrations, clock_));
    if (!report) throw std::runtime_error("migration failed: " + report.error().detail);
  }
}

TestDatabase::~TestDatabase() {
  db_->close();
  db_.reset();
  blocking_.stop();
}

}  // namespace cabinet::test
