#include "fixture.hpp"

namespace cabinet::test {
namespace {

// Runs only in the PostgreSQL integration run: it owns a private PostgreSQL server, stops it
// under a running Cabinet, and starts it again.
class PrivatePostgres {
 public:
  PrivatePostgres() {
    auto r = run_command({source_dir() + "/scripts/services", "start", "postgres", "--state",
                          state_.path().string()});
    if (r.status != 0) throw std::runtime_error("cannot start PostgreSQL: " + r.output);
    const auto at = r.output.find("postgresql://");
    url_ = r.output.substr(at, r.output.find('\n', at) - at);
  }
  ~PrivatePostgres() {
    run_command({source_dir() + "/scripts/services", "clean", "--state", state_.path().string()});
  }
  void stop() {
    ASSERT_EQ(
        run_command({source_dir() + "/scripts/services", "stop", "--state", state_.path().string()})
            .status,
        0);
  }
  void start() {
    ASSERT_EQ(run_command(
                  {source_dir() + "/scripts/services", "start", "--state", state_.path().string()})
                  .status,
              0);
  }
  [[nodiscard]] const std::string& url() const { return url_; }

 private:
  TempDir state_;
  std::string url_;
};

TEST(PostgresOnly, ReadinessFollowsTheDatabaseAndRecovers) {
  PrivatePostgres pg;
  TempDir dir;
  ServerProcess server({pg.url(), dir.path(), {}, {"database.connect_timeout=2s"}});
  HttpClient http(server.port());
  ASSERT_EQ(http.get("/readyz").status, 200);

  pg.stop();
  auto down = http.get("/readyz");
  EXPECT_EQ(down.status, 503);
  EXPECT_EQ(down.json()["database"], "unreachable");
  EXPECT_EQ(http.get("/healthz").status, 200);  // alive, just not ready

  pg.start();
  EXPECT_EQ(http.get("/readyz").status, 200);
  EXPECT_EQ(http.get("/readyz").json()["database"], "ok");
}

}  // namespace
}  // namespace cabinet::test
