#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "test_db.hpp"

namespace cabinet::http {
namespace {

class StaticFilesTest : public testing::Test {
 protected:
  StaticFilesTest() {
    write("index.html", "<!doctype html><title>Cabinet</title>");
    write("assets/index-3f2a9c.js", "console.log(1)");
    write("favicon.svg", "<svg/>");
    files_ = std::make_unique<StaticFiles>(dir_.path());
  }
  void write(const std::string& name, const std::string& content) {
    auto p = dir_.path() / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << content;
  }
  Response get(std::string path, const std::string& if_none_match = "") {
    Request r;
    r.path = std::move(path);
    if (!if_none_match.empty()) r.headers.add("If-None-Match", if_none_match);
    return files_->serve(r);
  }

  test::TempDir dir_;
  std::unique_ptr<StaticFiles> files_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypeAndCachePolicy) {
  auto index = get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body_view(), "<!doctype html><title>Cabinet</title>");
  EXPECT_EQ(index.headers.get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.headers.get("Cache-Control"), "no-cache");

  auto js = get("/assets/index-3f2a9c.js");
  EXPECT_EQ(js.headers.get("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.headers.get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(get("/favicon.svg").headers.get("Content-Type"), "image/svg+xml");
}

TEST_F(StaticFilesTest, AnswersNotModifiedForAMatchingEtag) {
  const auto etag = std::string(*get("/").headers.get("ETag"));
  EXPECT_EQ(get("/", etag).status, 304);
  EXPECT_TRUE(get("/", etag).body_view().empty());
  EXPECT_EQ(get("/", "W/" + etag).status, 304);
  EXPECT_EQ(get("/", "\"other\"").status, 200);
}

TEST_F(StaticFilesTest, AppRoutesGetTheIndexButMissingAssetsAre404) {
  EXPECT_EQ(get("/praticien/agenda").body_view(), get("/").body_view());
  EXPECT_EQ(get("/assets/missing-123.js").status, 404);
  // Only files loaded from the web root exist: a traversal attempt gets the app, never the file.
  EXPECT_EQ(get("/../../etc/passwd").body_view(), get("/").body_view());
  EXPECT_EQ(get("/../../etc/hosts.conf").status, 404);
}

TEST_F(StaticFilesTest, WithTheBuildsRouteListUnknownPagesGetTheAppAsA404) {
  write("routes.json", R"({"routes": ["/", "/recherche", "/praticien/:id"]})");
  files_ = std::make_unique<StaticFiles>(dir_.path());
  const auto app = get("/").body_view();
  EXPECT_EQ(get("/recherche").status, 200);
  EXPECT_EQ(get("/praticien/pr_1").status, 200);
  auto unknown = get("/nimporte-quoi");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body_view(), app);  // the app says "Page introuvable" itself
  EXPECT_EQ(unknown.headers.get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_FALSE(unknown.headers.get("ETag"));
  // A 404 is never turned into a 304, whatever the browser kept from the app.
  const auto etag = std::string(*get("/").headers.get("ETag"));
  EXPECT_EQ(get("/praticien/pr_1/autre", etag).status, 404);
  EXPECT_EQ(get("/assets/missing-123.js").status, 404);
  EXPECT_NE(get("/assets/missing-123.js").body_view(), app);
}

TEST(StaticFilesMissingRoot, AnAbsentDirectoryServesNothing) {
  StaticFiles files("/nonexistent/web/dist");
  Request r;
  r.path = "/";
  EXPECT_EQ(files.size(), 0U);
  EXPECT_EQ(files.serve(r).status, 404);
}

}  // namespace
}  // namespace cabinet::http
