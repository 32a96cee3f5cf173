#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fixture.hpp"

namespace cabinet::test {
namespace {

using LifecycleTest = ServerTest;

TEST_P(LifecycleTest, MigrateAppliesOnceThenReportsUpToDate) {
  auto first = run_command(
      {cabinet_binary(), "migrate", "--set", "database.url=" + database_.url()}, dir_.path());
  EXPECT_EQ(first.status, 0) << first.output;
  EXPECT_NE(first.output.find("migration(s) applied"), std::string::npos) << first.output;
  auto second = run_command(
      {cabinet_binary(), "migrate", "--set", "database.url=" + database_.url()}, dir_.path());
  EXPECT_EQ(second.status, 0) << second.output;
  EXPECT_NE(second.output.find("already up to date"), std::string::npos) << second.output;
}

TEST_P(LifecycleTest, AServerRestartedOnTheSameDatabaseKeepsItsInstance) {
  std::string first_instance;
  server().wait_for_log([&](const nlohmann::json& l) {
    if (l.value("msg", "") != "listening") return false;
    first_instance = l.value("instance", "");
    return true;
  });
  EXPECT_EQ(server_->stop(SIGTERM), 0);
  server_.reset();
  http_.reset();
  std::string second_instance;
  server().wait_for_log([&](const nlohmann::json& l) {
    if (l.value("msg", "") != "listening") return false;
    second_instance = l.value("instance", "");
    return true;
  });
  EXPECT_FALSE(first_instance.empty());
  EXPECT_EQ(first_instance, second_instance);
  EXPECT_EQ(http().get("/readyz").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Engines, LifecycleTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

TEST(Startup, ABadSettingStopsTheStartWithExitCode2AndNamesTheKey) {
  TempDir dir;
  auto r = run_command({cabinet_binary(), "serve", "--set", "http.port=eighty"}, dir.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("http.port"), std::string::npos) << r.output;
  auto unknown = run_command({cabinet_binary(), "serve", "--set", "htpp.port=1"}, dir.path());
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.output.find("unknown key"), std::string::npos) << unknown.output;
}

TEST(Startup, AnUnreachableDatabaseStopsTheStartWithExitCode1) {
  TempDir dir;
  auto r = run_command(
      {cabinet_binary(), "serve", "--set", "http.port=0", "--set",
       "database.url=postgresql://nobody@127.0.0.1:1/none", "--set", "database.connect_timeout=1s"},
      dir.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("cannot open the database"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("nobody@"), r.output.find("nobody@"));  // printed, no password to hide
}

TEST(Startup, ABusyPortStopsTheStartWithExitCode1) {
  TempDir dir;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  auto r = run_command(
      {cabinet_binary(), "serve", "--set", "http.port=" + std::to_string(ntohs(addr.sin_port)),
       "--set", "database.url=sqlite:" + (dir.path() / "c.db").string()},
      dir.path());
  ::close(fd);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("cannot listen"), std::string::npos) << r.output;
}

TEST(Startup, HelpListsEveryConfigurationKey) {
  auto r = run_command({cabinet_binary(), "--help"});
  EXPECT_EQ(r.status, 0);
  for (const char* key : {"http.port", "database.url", "websocket.max_message", "metrics.token"}) {
    EXPECT_NE(r.output.find(key), std::string::npos) << key;
  }
}

}  // namespace
}  // namespace cabinet::test
