#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include "client.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

namespace cabinet::test {

// A fresh server per test, on the engine of the test's parameter, with a small web app.
class ServerTest : public testing::TestWithParam<storage::Engine> {
 protected:
  ServerTest() : database_(GetParam()) {
    write("web/index.html", "<!doctype html><html lang=\"fr\"><title>Cabinet</title></html>");
    write("web/assets/app-4f3c2a.js", "console.log('cabinet')");
    // As the web build writes it from web/src/lib/routes.ts.
    write("web/routes.json", R"({"routes": ["/", "/recherche", "/praticien/agenda"]})");
  }

  void write(const std::string& name, const std::string& content) {
    const auto path = dir_.path() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << content;
  }

  ServerProcess& server(std::vector<std::string> sets = {}) {
    if (!server_) {
      server_ = std::make_unique<ServerProcess>(ServerProcess::Options{
          database_.url(), dir_.path(), dir_.path() / "web", std::move(sets)});
    }
    return *server_;
  }
  HttpClient& http() {
    if (!http_) http_ = std::make_unique<HttpClient>(server().port());
    return *http_;
  }

  TempDir dir_;
  DatabaseUrl database_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> http_;
};

}  // namespace cabinet::test
