#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/async.hpp"
#include "http/app_routes.hpp"
#include "http/message.hpp"

namespace cabinet::http {

// The built web app (web/dist), loaded into memory at start: lookups cannot escape the
// directory, ETags are content hashes, and a file is sent without a copy.
class StaticFiles {
 public:
  // Loads every regular file under `root`; an absent directory gives an empty store (the API
  // still works, pages answer 404 with a hint in the log).
  explicit StaticFiles(const std::filesystem::path& root);

  [[nodiscard]] std::size_t size() const { return files_.size(); }
  [[nodiscard]] bool has_index() const { return files_.contains("/index.html"); }

  // GET/HEAD fallback: the file at the path; index.html for the app's routes (routes.json,
  // written by the web build) so the client-side router can answer; index.html with 404 for
  // any other path without an extension, where the app shows its "Page introuvable"; a plain
  // 404 for a missing asset. Without routes.json (an older build) every path without an
  // extension gets the app with 200.
  [[nodiscard]] Response serve(const Request& request) const;

 private:
  struct File {
    std::shared_ptr<const std::string> bytes;
    std::string content_type;
    std::string etag;
    bool immutable = false;  // hashed name under /assets/: cache for a year
  };
  [[nodiscard]] Response respond(const Request& request, const File& file) const;
  [[nodiscard]] Response not_found_page(const File& index) const;

  std::map<std::string, File, std::less<>> files_;
  std::optional<AppRoutes> routes_;
};

}  // namespace cabinet::http
