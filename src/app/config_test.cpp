#include "app/config.hpp"

#include "core/clock.hpp"
#include "directory/index.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_db.hpp"

namespace cabinet::app {
namespace {

const char* no_env(const char*) { return nullptr; }

TEST(Config, DefaultsRunOnALaptop) {
  auto c = load("", {}, no_env);
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_EQ(c->http.host, "127.0.0.1");
  EXPECT_EQ(c->http.port, 8080);
  EXPECT_EQ(c->database.url, "sqlite:var/cabinet.db");
  EXPECT_EQ(c->http.body_limit, 1024U * 1024U);
  EXPECT_EQ(c->http.read_timeout, std::chrono::seconds(30));
}

TEST(Config, FileThenEnvironmentThenSetOverride) {
  test::TempDir dir;
  const auto path = (dir.path() / "cabinet.toml").string();
  std::ofstream(path) << "mode = \"development\"\n[http]\nport = 9000\nbody_limit = \"2MiB\"\n"
                         "trust_forwarded = true\n[database]\nurl = \"postgresql://db/cabinet\"\n"
                         "statement_timeout = \"500ms\"\n";
  auto env = [](const char* name) -> const char* {
    return std::string_view(name) == "CABINET_HTTP_PORT" ? "9100" : nullptr;
  };
  auto c = load(path, {{"http.host", "::1"}, {"http.port", "9200"}}, env);
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_EQ(c->mode, "development");
  EXPECT_EQ(c->http.port, 9200);  // --set beats the environment, which beats the file
  EXPECT_EQ(c->http.host, "::1");
  EXPECT_EQ(c->http.body_limit, 2U * 1024U * 1024U);
  EXPECT_TRUE(c->http.trust_forwarded);
  EXPECT_EQ(c->database.url, "postgresql://db/cabinet");
  EXPECT_EQ(c->database.statement_timeout, std::chrono::milliseconds(500));

  auto env_only = load(path, {}, env);
  ASSERT_TRUE(env_only.ok());
  EXPECT_EQ(env_only->http.port, 9100);

  // The development mailbox holds every login code: only this machine may reach it.
  auto exposed = load(path, {{"http.host", "0.0.0.0"}}, env);
  ASSERT_FALSE(exposed.ok());
  EXPECT_NE(exposed.error().detail.find("loopback"), std::string::npos);
}

TEST(Config, AllowedOriginsAreNormalizedOrRefused) {
  auto c = load("", {{"http.allowed_origins", "https://RDV.example.fr, http://cabinet.test:8080/"}},
                [](const char*) -> const char* { return nullptr; });
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_EQ(c->http.allowed_origins,
            (std::vector<std::string>{"https://rdv.example.fr:443", "http://cabinet.test:8080"}));
  auto bad = load("", {{"http.allowed_origins", "https://rdv.example.fr/app"}},
                  [](const char*) -> const char* { return nullptr; });
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().detail.find("http.allowed_origins"), std::string::npos);
}

TEST(Config, TheQueueHoursAreAWindowOfTheDay) {
  auto c = load("", {{"queue.hours", "00:00-24:00"}, {"queue.fee_cents", "0"}}, no_env);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->queue.hours_start_min, 0);
  EXPECT_EQ(c->queue.hours_end_min, 1440);
  EXPECT_EQ(c->queue.fee_cents, 0);
}

TEST(Config, ErrorsNameTheKeyAndTheProblem) {
  auto unknown = load("", {{"http.prot", "1"}}, no_env);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().detail.find("unknown key \"http.prot\""), std::string::npos);

  auto range = load("", {{"http.port", "70000"}}, no_env);
  ASSERT_FALSE(range.ok());
  EXPECT_NE(range.error().detail.find("http.port"), std::string::npos);

  for (auto [key, value] :
       std::vector<std::pair<std::string, std::string>>{{"http.body_limit", "lots"},
                                                        {"http.read_timeout", "10 years"},
                                                        {"log.level", "loud"},
                                                        {"database.url", "mysql://x"},
                                                        {"http.public_url", "localhost"},
                                                        {"mode", "prod"},
                                                        {"http.trust_forwarded", "maybe"},
                                                        {"http.read_timeout", "0s"},
                                                        {"agenda.video_window", "07:00"},
                                                        {"queue.hours", "24:00-07:00"},
                                                        {"queue.hours", "7h-minuit"},
                                                        {"queue.fee_cents", "-5"},
                                                        {"queue.near_km", "0"},
                                                        {"queue.answer_window", "0s"}}) {
    auto r = load("", {{key, value}}, no_env);
    EXPECT_FALSE(r.ok()) << key << "=" << value;
  }
}

// The e2e suite runs the server at simulated instants; a production server never runs on a
// shifted clock.
TEST(Config, ClockOffsetOnlyInDevelopment) {
  auto refused = load("", {{"dev.clock_offset", "3600"}}, no_env);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().detail.find("dev.clock_offset"), std::string::npos);

  auto dev = load("", {{"dev.clock_offset", "-86400"}, {"mode", "development"}}, no_env);
  ASSERT_TRUE(dev.ok()) << dev.error().detail;
  EXPECT_EQ(dev->dev.clock_offset, std::chrono::seconds(-86400));
  EXPECT_FALSE(load("", {{"dev.clock_offset", "1h"}, {"mode", "development"}}, no_env).ok());

  const OffsetClock shifted(std::chrono::hours(48));
  const auto ahead = shifted.now() - std::chrono::system_clock::now();
  EXPECT_GT(ahead, std::chrono::hours(47));
  EXPECT_LT(ahead, std::chrono::hours(49));
}

TEST(Config, TomlSyntaxErrorsSayWhere) {
  test::TempDir dir;
  const auto path = (dir.path() / "bad.toml").string();
  std::ofstream(path) << "[http\nport = 1\n";
  auto r = load(path, {}, no_env);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().detail.find("bad.toml"), std::string::npos);
  EXPECT_NE(r.error().detail.find("line 1"), std::string::npos);
}

TEST(Config, TomlTextIsCheckedLikeAFile) {
  auto r = load_text("[http]\nbody_limit = \"2MiB\"\n", "inline.toml");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->http.body_limit, 2UL * 1024 * 1024);
  auto syntax = load_text("[http\n", "inline.toml");
  ASSERT_FALSE(syntax.ok());
  EXPECT_NE(syntax.error().detail.find("inline.toml"), std::string::npos);
  auto unknown = load_text("[http]\nbodylimit = 1\n", "inline.toml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().detail.find("unknown key \"http.bodylimit\""), std::string::npos);
}

// Found by fuzz/config.cpp: a float too large for an integer was undefined behaviour in toml++.
TEST(Config, NumbersAreWholeAndInRange) {
  auto whole = load_text("[http]\nport = 8081.0\n", "inline.toml");
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->http.port, 8081);
  auto huge = load_text("zz009=6E95", "inline.toml");
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.error().detail.find("unsupported value type"), std::string::npos);
  EXPECT_FALSE(load_text("[http]\nport = 8081.5\n", "inline.toml").ok());
  EXPECT_FALSE(load_text("[http]\nport = -1\n", "inline.toml").ok());
}

// The config fuzzer's finding (fuzz/README.md): a duration whose milliseconds do not fit was
// undefined behaviour; a size whose bytes do not fit wrapped around to a small limit.
TEST(Config, DurationsAndSizesTooLargeAreRefusedNotWrapped) {
  auto duration = load_text("[http]\nidle_timeout = \"18375061779640571298s\"\n", "inline.toml");
  ASSERT_FALSE(duration.ok());
  EXPECT_NE(duration.error().detail.find("http.idle_timeout"), std::string::npos);
  EXPECT_NE(duration.error().detail.find("too large"), std::string::npos);
  auto size = load_text("[http]\nbody_limit = \"17179869184GiB\"\n", "inline.toml");
  ASSERT_FALSE(size.ok());
  EXPECT_NE(size.error().detail.find("too large"), std::string::npos);
  auto fine = load_text("[http]\nidle_timeout = \"2m\"\n", "inline.toml");
  ASSERT_TRUE(fine.ok());
  EXPECT_EQ(fine->http.idle_timeout, std::chrono::minutes(2));
}

TEST(Config, EnvironmentNamesFollowTheKeys) {
  EXPECT_EQ(env_name("http.body_limit"), "CABINET_HTTP_BODY_LIMIT");
  EXPECT_EQ(env_name("mode"), "CABINET_MODE");
}

TEST(Config, EveryDefaultParses) {
  for (const auto& key : keys()) {
    Config c;
    if (key.default_value.empty()) continue;
    EXPECT_TRUE(key.set(c, key.default_value).ok()) << key.name;
  }
}

// docs/configuration.md carries the generated table; regenerate with
// `build/dev/cabinet config --markdown` when a key changes.
TEST(Config, TheDocumentationListsEveryKeyWithItsDefault) {
  std::ifstream in(std::string(CABINET_SOURCE_DIR) + "/docs/configuration.md");
  ASSERT_TRUE(in) << "docs/configuration.md is missing";
  std::stringstream doc;
  doc << in.rdbuf();
  EXPECT_NE(doc.str().find(keys_markdown()), std::string::npos)
      << "docs/configuration.md is out of date; paste in the output of `cabinet config --markdown`";
}

// The ICE settings (ice.stun_urls, ice.turn_urls) are comma-separated lists, split by app.cpp.
TEST(Ice, SettingListsAreSplitOnCommasWithTheSpacesAroundDropped) {
  EXPECT_EQ(directory::split_list("stun:a:3478, turn:b:3478?transport=udp ,,turns:c:5349"),
            (std::vector<std::string>{"stun:a:3478", "turn:b:3478?transport=udp", "turns:c:5349"}));
  EXPECT_TRUE(directory::split_list(" , ").empty());
}

}  // namespace
}  // namespace cabinet::app
