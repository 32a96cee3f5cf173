#include "http/origins.hpp"

#include <gtest/gtest.h>

namespace cabinet::http {
namespace {

TEST(Origins, OnlyThePublicAndConfiguredOriginsSchemeHostAndPortIncluded) {
  Origins o("https://Cabinet.example.fr/app", {"http://rdv.example.fr:8443"}, false);
  EXPECT_TRUE(o.origin_allowed("https://cabinet.example.fr"));
  EXPECT_TRUE(o.origin_allowed("https://cabinet.example.fr:443"));
  EXPECT_TRUE(o.origin_allowed("http://rdv.example.fr:8443"));
  EXPECT_FALSE(o.origin_allowed("http://cabinet.example.fr"));  // scheme
  EXPECT_FALSE(o.origin_allowed("https://cabinet.example.fr:8443"));
  EXPECT_FALSE(o.origin_allowed("https://cabinet.example.fr.evil.example"));
  EXPECT_FALSE(o.origin_allowed("https://evil@cabinet.example.fr"));
  EXPECT_FALSE(o.origin_allowed("null"));
  EXPECT_FALSE(o.origin_allowed(""));
  EXPECT_TRUE(o.host_allowed("cabinet.example.fr"));
  EXPECT_TRUE(o.host_allowed("rdv.example.fr:8443"));
  EXPECT_FALSE(o.host_allowed("evil.example"));
  EXPECT_FALSE(o.host_allowed("cabinet.example.fr:8080"));
  EXPECT_FALSE(o.host_allowed(""));
}

TEST(Origins, LoopbackNamesOnTheBoundPortOnlyForALoopbackListener) {
  Origins local("http://localhost:8080", {}, true);
  local.set_bound_port(43210);
  EXPECT_TRUE(local.origin_allowed("http://localhost:8080"));
  EXPECT_TRUE(local.origin_allowed("http://127.0.0.1:43210"));
  EXPECT_TRUE(local.origin_allowed("http://[::1]:43210"));
  EXPECT_TRUE(local.host_allowed("localhost:43210"));
  EXPECT_FALSE(local.origin_allowed("https://127.0.0.1:43210"));
  EXPECT_FALSE(local.origin_allowed("http://127.0.0.1:43211"));
  EXPECT_FALSE(local.host_allowed("evil.example:43210"));

  Origins exposed("http://localhost:8080", {}, false);
  exposed.set_bound_port(43210);
  EXPECT_FALSE(exposed.origin_allowed("http://127.0.0.1:43210"));
}

TEST(Origins, NormalizeRefusesWhatIsNotAnOrigin) {
  EXPECT_EQ(Origins::normalize("HTTPS://Example.FR/"), "https://example.fr:443");
  EXPECT_EQ(Origins::normalize("http://example.fr:80"), "http://example.fr:80");
  EXPECT_EQ(Origins::normalize("ftp://example.fr"), "");
  EXPECT_EQ(Origins::normalize("https://example.fr/path"), "");
  EXPECT_EQ(Origins::normalize("https://example.fr:0"), "");
  EXPECT_EQ(Origins::normalize("https://example.fr:99999"), "");
  EXPECT_EQ(Origins::normalize("https://"), "");
  EXPECT_TRUE(is_loopback_host("127.0.0.2"));
  EXPECT_TRUE(is_loopback_host("::1"));
  EXPECT_FALSE(is_loopback_host("0.0.0.0"));
  EXPECT_FALSE(is_loopback_host("192.168.1.10"));
}

}  // namespace
}  // namespace cabinet::http
