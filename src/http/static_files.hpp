#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/async.hpp"
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

  // GET/HEAD fallback: the file at the path; index.html for app routes (no extension) so the
  // client-side router can answer; 404 for a missing asset.
  [[nodiscard]] Response serve(const Request& request) const;

 private:
  struct File {
    std::shared_ptr<const std::string> bytes;
    std::string content_type;
    std::string etag;
    bool immutable = false;  // hashed name under /assets/: cache for a year
  };
  [[nodiscard]] Response respond(const Request& request, const File& file) const;

  std::map<std::string, File, std::less<>> files_;
};

}  // namespace cabinet::http
