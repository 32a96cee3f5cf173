// The keys of the server itself (docs/configuration.md): its HTTP listener and the origins it is
// served as, the web app's directory, the database, and the WebSocket limits.
#include "app/config.hpp"
#include "app/config_values.hpp"
#include "http/origins.hpp"
#include "storage/open.hpp"

namespace cabinet::app::config_values {

void add_server_keys(std::vector<KeyInfo>& k) {
  using C = Config;
  k.push_back({"http.host", "127.0.0.1", "address to listen on (0.0.0.0 for every interface)",
               text(&C::http, &C::Http::host)});
  k.push_back({"http.port", "8080",
               "TCP port to listen on; 0 picks a free port (printed in the log)",
               [](C& c, const std::string& v) -> Result<void> {
                 auto n = parse_uint(v);
                 if (!n || *n > 65535) return bad("must be between 0 and 65535");
                 c.http.port = static_cast<std::uint16_t>(*n);
                 return ok();
               }});
  k.push_back({"http.threads", "0", "I/O threads; 0 = one per core",
               count(&C::http, &C::Http::threads, 0, 256)});
  k.push_back(
      {"http.public_url", "http://localhost:8080",
       "the address users reach Cabinet at; used in links in emails, and https:// turns on HSTS",
       [](C& c, const std::string& v) -> Result<void> {
         if (!v.starts_with("http://") && !v.starts_with("https://"))
           return bad("must start with http:// or https://");
         c.http.public_url = v;
         while (c.http.public_url.ends_with('/')) c.http.public_url.pop_back();
         return ok();
       }});
  k.push_back({"http.allowed_origins", "",
               "other origins the site is also served as (comma-separated, e.g. "
               "https://rdv.example.fr); with http.public_url, the only origins accepted for "
               "forms, WebSockets and development tools",
               [](C& c, const std::string& v) -> Result<void> {
                 c.http.allowed_origins.clear();
                 for (const auto& item : parse_list(v)) {
                   auto origin = http::Origins::normalize(item);
                   if (origin.empty())
                     return bad("\"" + item + "\" is not an origin like https://host[:port]");
                   c.http.allowed_origins.push_back(std::move(origin));
                 }
                 return ok();
               }});
  k.push_back({"http.body_limit", "1MiB",
               "largest request body accepted (routes for uploads set their own)",
               size(&C::http, &C::Http::body_limit)});
  k.push_back({"http.header_limit", "16KiB", "largest request header block accepted",
               size(&C::http, &C::Http::header_limit)});
  k.push_back({"http.read_timeout", "30s",
               "time allowed to receive a whole request once it has started",
               duration(&C::http, &C::Http::read_timeout)});
  k.push_back({"http.idle_timeout", "75s", "how long an idle keep-alive connection stays open",
               duration(&C::http, &C::Http::idle_timeout)});
  k.push_back({"http.header_timeout", "10s",
               "time allowed to receive a request's header once its first byte arrived (a client "
               "sending it byte by byte is cut off)",
               duration(&C::http, &C::Http::header_timeout)});
  k.push_back({"http.shutdown_grace", "10s",
               "on SIGINT/SIGTERM, how long requests in flight may take to finish",
               duration(&C::http, &C::Http::shutdown_grace)});
  k.push_back({"http.trust_forwarded", "false",
               "take the client address from X-Forwarded-For; only behind a proxy that sets it",
               flag(&C::http, &C::Http::trust_forwarded)});
  k.push_back(
      {"web.root", "web/dist", "directory of the built web app", text(&C::web, &C::Web::root)});
  k.push_back({"database.url", "sqlite:var/cabinet.db",
               "sqlite:PATH for a local file, or postgresql://user:password@host:port/dbname",
               [](C& c, const std::string& v) -> Result<void> {
                 if (!storage::is_supported_url(v))
                   return bad("use sqlite:PATH or postgresql://...");
                 c.database.url = v;
                 return ok();
               }});
  k.push_back({"database.pool_size", "8", "PostgreSQL connections per node",
               count(&C::database, &C::Database::pool_size, 1, 1000)});
  k.push_back({"database.sqlite_readers", "4", "SQLite read-only connections (writes use one more)",
               count(&C::database, &C::Database::sqlite_readers, 1, 64)});
  k.push_back({"database.busy_timeout", "5s", "SQLite: how long to wait for another process's lock",
               duration(&C::database, &C::Database::busy_timeout)});
  k.push_back({"database.connect_timeout", "3s", "PostgreSQL: time allowed to open a connection",
               duration(&C::database, &C::Database::connect_timeout)});
  k.push_back({"database.statement_timeout", "30s", "PostgreSQL: longest a statement may run",
               duration(&C::database, &C::Database::statement_timeout)});
  k.push_back({"websocket.max_message", "64KiB",
               "largest WebSocket message; a bigger one closes that socket (1009)",
               size(&C::websocket, &C::WebSocket::max_message)});
  k.push_back({"websocket.idle_timeout", "30s",
               "a silent socket is pinged, and closed if the ping goes unanswered",
               duration(&C::websocket, &C::WebSocket::idle_timeout)});
  k.push_back({"websocket.max_queue", "256",
               "outgoing messages queued for one socket before it is cut as too slow",
               count(&C::websocket, &C::WebSocket::max_queue, 1, 100000)});
  k.push_back({"websocket.max_connections", "10000", "open WebSockets per node",
               count(&C::websocket, &C::WebSocket::max_connections, 1, 1000000)});
}

}  // namespace cabinet::app::config_values
