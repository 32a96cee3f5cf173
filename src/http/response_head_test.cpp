#include "http/response_head.hpp"

#include <gtest/gtest.h>

namespace cabinet::http {
namespace {

TEST(ResponseHead, RendersStatusHeadersLengthAndConnection) {
  Response r = Response::json(404, {{"a", 1}});
  r.headers.add("X-Request-Id", "abc");
  std::string head;
  render_head(head, r, 11, 7, true);
  EXPECT_TRUE(head.starts_with("HTTP/1.1 404 Not Found\r\n"));
  EXPECT_NE(head.find("\r\nContent-Type: application/json; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(head.find("\r\nX-Request-Id: abc\r\n"), std::string::npos);
  EXPECT_NE(head.find("\r\nContent-Length: 7\r\n"), std::string::npos);
  EXPECT_NE(head.find("\r\nDate: "), std::string::npos);
  EXPECT_EQ(head.find("Connection:"), std::string::npos);  // HTTP/1.1 keeps alive by default
  EXPECT_TRUE(head.ends_with("\r\n\r\n"));

  render_head(head, r, 11, 7, false);
  EXPECT_NE(head.find("\r\nConnection: close\r\n"), std::string::npos);
  render_head(head, r, 10, 7, true);
  EXPECT_TRUE(head.starts_with("HTTP/1.0 404"));
  EXPECT_NE(head.find("\r\nConnection: keep-alive\r\n"), std::string::npos);
}

TEST(ResponseHead, NoContentLengthWhereNoBodyMayFollow) {
  std::string head;
  render_head(head, Response::no_content(), 11, 0, true);
  EXPECT_TRUE(head.starts_with("HTTP/1.1 204 No Content\r\n"));
  EXPECT_EQ(head.find("Content-Length"), std::string::npos);
}

TEST(ResponseHead, AHeaderCarryingALineBreakIsDroppedNotInjected) {
  Response r;
  r.headers.add("Location", "/ok\r\nSet-Cookie: session=stolen");
  r.headers.add("X-Evil\nName", "v");
  r.headers.add("X-Fine", "yes");
  std::string head;
  render_head(head, r, 11, 0, true);
  EXPECT_EQ(head.find("stolen"), std::string::npos);
  EXPECT_EQ(head.find("X-Evil"), std::string::npos);
  EXPECT_NE(head.find("\r\nX-Fine: yes\r\n"), std::string::npos);
}

}  // namespace
}  // namespace cabinet::http
