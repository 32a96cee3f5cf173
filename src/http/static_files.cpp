#include "http/static_files.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/log.hpp"

namespace cabinet::http {
namespace {

struct Mime {
  std::string_view extension;
  std::string_view type;
};

constexpr std::array kMimeTypes{
    Mime{".html", "text/html; charset=utf-8"},
    Mime{".js", "text/javascript; charset=utf-8"},
    Mime{".mjs", "text/javascript; charset=utf-8"},
    Mime{".css", "text/css; charset=utf-8"},
    Mime{".json", "application/json"},
    Mime{".webmanifest", "application/manifest+json"},
    Mime{".svg", "image/svg+xml"},
    Mime{".png", "image/png"},
    Mime{".jpg", "image/jpeg"},
    Mime{".jpeg", "image/jpeg"},
    Mime{".webp", "image/webp"},
    Mime{".ico", "image/x-icon"},
    Mime{".woff2", "font/woff2"},
    Mime{".woff", "font/woff"},
    Mime{".txt", "text/plain; charset=utf-8"},
    Mime{".map", "application/json"},
    Mime{".wav", "audio/wav"},
    Mime{".mp3", "audio/mpeg"},
};

std::string content_type_for(const std::string& path) {
  const auto dot = path.find_last_of('.');
  if (dot != std::string::npos) {
    const std::string_view ext(path.c_str() + dot);
    for (const auto& m : kMimeTypes) {
      if (m.extension == ext) return std::string(m.type);
    }
  }
  return "application/octet-stream";
}

std::string etag_of(const std::string& bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a: a change detector, not a security hash
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  std::array<char, 24> buf{};
  std::snprintf(buf.data(), buf.size(), "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf.data();
}

bool etag_matches(std::string_view header, std::string_view etag) {
  if (header == "*") return true;
  while (!header.empty()) {
    const auto comma = header.find(',');
    auto item = header.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == etag) return true;
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
  }
  return false;
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    log::warn("web app not found; pages will answer 404", {{"web_root", root.string()}});
    return;
  }
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    // Appended rather than "/" + ...: GCC 12 warns falsely on that form (-Wrestrict, bug 105329).
    std::string url = "/";
    url += std::filesystem::relative(it->path(), root).generic_string();
    File file;
    file.bytes = std::make_shared<const std::string>(buffer.str());
    file.content_type = content_type_for(url);
    file.etag = etag_of(*file.bytes);
    file.immutable = url.starts_with("/assets/");
    files_.emplace(url, std::move(file));
  }
  if (auto it = files_.find("/routes.json"); it != files_.end()) {
    routes_ = AppRoutes::parse(*it->second.bytes);
    if (!routes_) log::warn("routes.json unreadable: every page path answers 200");
  } else if (files_.contains("/index.html")) {
    log::warn("web app without routes.json: every page path answers 200",
              {{"web_root", root.string()}});
  }
  log::info("web app loaded", {{"web_root", root.string()},
                               {"files", files_.size()},
                               {"routes", routes_ ? routes_->size() : 0}});
}

Response StaticFiles::respond(const Request& request, const File& file) const {
  Response response;
  response.headers.add("ETag", file.etag);
  response.headers.add("Cache-Control",
                       file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (auto inm = request.headers.get("If-None-Match"); inm && etag_matches(*inm, file.etag)) {
    response.status = 304;
    return response;
  }
  response.headers.add("Content-Type", file.content_type);
  response.shared_body = file.bytes;
  return response;
}

// The app itself, so that it can say "Page introuvable" in the visitor's language with its
// links, but with the status a crawler or a link checker needs. Never cached, never 304: the
// same address may become a page with the next version.
Response StaticFiles::not_found_page(const File& index) const {
  Response response;
  response.status = 404;
  response.headers.add("Cache-Control", "no-cache");
  response.headers.add("Content-Type", index.content_type);
  response.shared_body = index.bytes;
  return response;
}

Response StaticFiles::serve(const Request& request) const {
  const std::string& path = request.path;
  if (path == "/" || path == "/index.html") {
    if (auto it = files_.find("/index.html"); it != files_.end())
      return respond(request, it->second);
  } else if (auto it = files_.find(path); it != files_.end()) {
    return respond(request, it->second);
  }
  const auto last_slash = path.find_last_of('/');
  const bool looks_like_file = path.find('.', last_slash) != std::string::npos;
  if (!looks_like_file) {
    // A client-side route ("/patient/rendez-vous", "/praticien/<id>"): the app's router
    // answers. Any other path gets the app too, which shows its "Page introuvable", as a 404.
    if (auto it = files_.find("/index.html"); it != files_.end()) {
      if (routes_ && !routes_->matches(path)) return not_found_page(it->second);
      return respond(request, it->second);
    }
  }
  // A missing file (a stale script name, a probe for /.env): the same JSON error as the API, so
  // every 404 the server writes has one shape and carries no reflected text.
  return Response::error(ErrorCode::not_found, request.locale);
}

}  // namespace cabinet::http
