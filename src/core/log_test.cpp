#include "core/log.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "test_db.hpp"

namespace cabinet::log {
namespace {

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

TEST(LogEscaping, ProducesValidJsonForAnyInput) {
  EXPECT_EQ(json_string("plain"), R"("plain")");
  EXPECT_EQ(json_string("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json_string("line\nbreak\x01"), R"("line\u000abreak\u0001")");
  EXPECT_EQ(json_string("Zoé"), "\"Zoé\"");                       // valid UTF-8 kept
  EXPECT_EQ(json_string("bad\xff\xfe"), R"("bad\ufffd\ufffd")");  // invalid bytes replaced
  for (const std::string s : {"x\xc3", "\"\\\n\t", "é\xff"}) {
    EXPECT_FALSE(nlohmann::json::parse(json_string(s), nullptr, false).is_discarded()) << s;
  }
}

// Many threads logging at once: every line reaches the file whole and none is lost.
TEST(LogSink, LinesFromManyThreadsArriveWholeAndComplete) {
  test::TempDir dir;
  const auto path = (dir.path() / "cabinet.log").string();
  init({Level::info, path});
  constexpr int kThreads = 4;
  constexpr int kLines = 5000;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < kLines; ++i) {
        Line("request")
            .add("thread", std::int64_t{t})
            .add("i", std::int64_t{i})
            .add("path", "/x\"y")
            .write(Level::info);
      }
    });
  }
  for (auto& t : threads) t.join();
  warn("done");  // a warning flushes every thread's buffer
  std::ifstream in(path);
  std::string line;
  int requests = 0;
  std::vector<int> next(kThreads, 0);
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    ASSERT_TRUE(j.contains("time"));
    if (j["msg"] != "request") continue;
    ++requests;
    EXPECT_EQ(j["path"], "/x\"y");
    // Within one thread, lines keep their order.
    const int t = j["thread"];
    EXPECT_EQ(j["i"], next[static_cast<std::size_t>(t)]++);
  }
  EXPECT_EQ(requests, kThreads * kLines);
  init({Level::info, ""});
}

}  // namespace
}  // namespace cabinet::log
