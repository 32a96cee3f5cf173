#include "storage/postgres/connection.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <charconv>
#include <cstring>

namespace cabinet::storage::postgres {
namespace asio = boost::asio;
namespace {

// Type OIDs from PostgreSQL's catalog (pg_type.dat); stable across versions.
constexpr unsigned kBoolOid = 16;
constexpr unsigned kByteaOid = 17;
constexpr unsigned kInt8Oid = 20;
constexpr unsigned kInt2Oid = 21;
constexpr unsigned kInt4Oid = 23;
constexpr unsigned kOidOid = 26;
constexpr unsigned kFloat4Oid = 700;
constexpr unsigned kFloat8Oid = 701;
constexpr unsigned kNumericOid = 1700;

// Maps SQLSTATE classes to our error codes so that both engines fail the same way.
Error error_from_result(const PGresult* res, std::string_view sql) {
  const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
  const std::string code = state != nullptr ? state : "";
  const char* constraint = PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME);
  std::string detail = PQresultErrorMessage(res);
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  if (code == "23505" || code == "23503" || code == "23P01") {
    return Error(ErrorCode::conflict, constraint != nullptr ? std::string(constraint) : detail);
  }
  if (code == "40001" || code == "40P01") return Error(ErrorCode::conflict, detail);
  if (code == "23502" || code == "23514" || code.starts_with("22")) {
    return Error(ErrorCode::invalid_request, detail);
  }
  if (code.starts_with("08") || code.starts_with("53") || code.starts_with("57")) {
    return Error(ErrorCode::unavailable, detail);
  }
  return Error(ErrorCode::internal, detail + " in: " + std::string(sql));
}

Value cell(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col) != 0) return nullptr;
  const char* text = PQgetvalue(res, row, col);
  const auto len = static_cast<std::size_t>(PQgetlength(res, row, col));
  switch (PQftype(res, col)) {
    case kBoolOid:
      return static_cast<std::int64_t>(text[0] == 't' ? 1 : 0);
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      std::int64_t v = 0;
      std::from_chars(text, text + len, v);
      return v;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      double v = 0;
      std::from_chars(text, text + len, v);
      return v;
    }
    case kByteaOid: {
      std::size_t n = 0;
      unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &n);
      Blob b{std::string(reinterpret_cast<char*>(raw), n)};
      PQfreemem(raw);
      return b;
    }
    default:
      return std::string(text, len);
  }
}

QueryResult to_query_result(const PGresult* res) {
  QueryResult out;
  const int ncols = PQnfields(res);
  const int nrows = PQntuples(res);
  out.columns.reserve(static_cast<std::size_t>(ncols));
  for (int c = 0; c < ncols; ++c) out.columns.emplace_back(PQfname(res, c));
  out.rows.reserve(static_cast<std::size_t>(nrows));
  for (int r = 0; r < nrows; ++r) {
    auto& row = out.rows.emplace_back();
    row.reserve(static_cast<std::size_t>(ncols));
    for (int c = 0; c < ncols; ++c) row.push_back(cell(res, r, c));
  }
  const char* tuples = PQcmdTuples(const_cast<PGresult*>(res));
  if (tuples != nullptr && tuples[0] != '\0') {
    std::from_chars(tuples, tuples + std::strlen(tuples), out.affected);
  }
  return out;
}

// Parameters travel as text (bytea as binary); int8/float8/bytea carry explicit types so that
// "$1 + 1" stays 64-bit, text stays "unknown" and takes the type its context gives it.
struct Encoded {
  std::vector<std::string> storage;
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  std::vector<unsigned> types;
  std::string signature;
};

Encoded encode(const Params& params) {
  Encoded e;
  e.storage.resize(params.size());
  e.values.resize(params.size());
  e.lengths.resize(params.size());
  e.formats.resize(params.size());
  e.types.resize(params.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Value& v = params[i];
    if (std::holds_alternative<std::nullptr_t>(v)) {
      e.values[i] = nullptr;
      e.signature += 'n';
      continue;
    }
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      e.storage[i] = std::to_string(*n);
      e.types[i] = kInt8Oid;
      e.signature += 'i';
    } else if (const auto* d = std::get_if<double>(&v)) {
      std::array<char, 32> buf{};
      auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), *d);
      e.storage[i].assign(buf.data(), end);
      e.types[i] = kFloat8Oid;
      e.signature += 'd';
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      e.values[i] = s->c_str();
      e.lengths[i] = static_cast<int>(s->size());
      e.signature += 't';
      continue;
    } else if (const auto* b = std::get_if<Blob>(&v)) {
      e.values[i] = b->bytes.data();
      e.lengths[i] = static_cast<int>(b->bytes.size());
      e.formats[i] = 1;
      e.types[i] = kByteaOid;
      e.signature += 'b';
      continue;
    }
    e.values[i] = e.storage[i].c_str();
    e.lengths[i] = static_cast<int>(e.storage[i].size());
  }
  return e;
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::connect(const asio::any_io_executor& executor,
                                                        const ConnectOptions& options) {
  const std::string timeout = std::to_string(options.connect_timeout_s);
  const std::string pg_options =
      "-c statement_timeout=" + std::to_string(options.statement_timeout_ms);
  // Keywords after "dbname" override what the URL says; expand_dbname parses the URL.
  const std::array<const char*, 6> keys{"dbname",  "connect_timeout", "application_name",
                                        "options", "client_encoding", nullptr};
  const std::array<const char*, 6> values{options.url.c_str(), timeout.c_str(), "cabinet",
                                          pg_options.c_str(),  "UTF8",          nullptr};
  PGconn* conn = PQconnectdbParams(keys.data(), values.data(), 1);
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string message = conn != nullptr ? PQerrorMessage(conn) : "out of memory";
    PQfinish(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Error(ErrorCode::unavailable, "cannot connect to PostgreSQL: " + message);
  }
  if (PQsetnonblocking(conn, 1) != 0) {
    PQfinish(conn);
    return Error(ErrorCode::unavailable, "cannot make the PostgreSQL connection non-blocking");
  }
  asio::posix::stream_descriptor socket(executor, PQsocket(conn));
  return std::unique_ptr<Connection>(new Connection(conn, std::move(socket)));
}

Connection::~Connection() {
  // libpq owns the descriptor: take it back from Asio before PQfinish closes it.
  boost::system::error_code ignored;
  socket_.cancel(ignored);
  (void)socket_.release();
  PQfinish(conn_);
}

bool Connection::healthy() {
  if (PQstatus(conn_) != CONNECTION_OK) return false;
  pollfd pfd{PQsocket(conn_), POLLIN, 0};
  if (::poll(&pfd, 1, 0) > 0) {
    // An idle connection has nothing to read unless the server is closing it.
    if (PQconsumeInput(conn_) == 0) return false;
    while (PGnotify* n = PQnotifies(conn_)) PQfreemem(n);
  }
  return PQstatus(conn_) == CONNECTION_OK;
}

Error Connection::connection_error(std::string_view what) {
  std::string message = PQerrorMessage(conn_);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return Error(ErrorCode::unavailable, std::string(what) + ": " + message);
}

Task<Result<void>> Connection::flush() {
  for (;;) {
    const int r = PQflush(conn_);
    if (r == 0) co_return ok();
    if (r < 0) co_return connection_error("send failed");
    auto [ec] = co_await socket_.async_wait(asio::posix::descriptor_base::wait_write,
                                            asio::as_tuple(asio::use_awaitable));
    if (ec) co_return Error(ErrorCode::unavailable, "socket: " + ec.message());
  }
}

Task<Result<std::shared_ptr<PGresult>>> Connection::collect(std::string_view sql) {
  if (auto r = co_await flush(); !r) co_return std::move(r).error();
  std::shared_ptr<PGresult> last;
  std::optional<Error> failure;
  for (;;) {
    while (PQisBusy(conn_) != 0) {
      auto [ec] = co_await socket_.async_wait(asio::posix::descriptor_base::wait_read,
                                              asio::as_tuple(asio::use_awaitable));
      if (ec) co_return Error(ErrorCode::unavailable, "socket: " + ec.message());
      if (PQconsumeInput(conn_) == 0) co_return connection_error("connection lost");
    }
    PGresult* res = PQgetResult(conn_);
    if (res == nullptr) break;
    std::shared_ptr<PGresult> owned(res, PQclear);
    const auto status = PQresultStatus(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && !failure) {
      failure = error_from_result(res, sql);
    }
    last = std::move(owned);
  }
  if (failure) co_return *failure;
  if (PQstatus(conn_) != CONNECTION_OK) co_return connection_error("connection lost");
  co_return last;
}

Task<Result<QueryResult>> Connection::query(std::string_view sql, const Params& params) {
  Encoded e = encode(params);
  std::string key = e.signature;
  key += ':';
  key += sql;
  auto it = prepared_.find(key);
  if (it == prepared_.end()) {
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    std::string text(sql);
    if (PQsendPrepare(conn_, name.c_str(), text.c_str(), static_cast<int>(params.size()),
                      e.types.data()) == 0) {
      co_return connection_error("prepare failed");
    }
    auto prepared = co_await collect(sql);
    if (!prepared) co_return std::move(prepared).error();
    it = prepared_.emplace(std::move(key), std::move(name)).first;
  }
  if (PQsendQueryPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                          e.values.data(), e.lengths.data(), e.formats.data(), 0) == 0) {
    co_return connection_error("send failed");
  }
  auto res = co_await collect(sql);
  if (!res) co_return std::move(res).error();
  co_return to_query_result(res->get());
}

Task<Result<void>> Connection::execute_script(std::string_view sql) {
  std::string text(sql);
  if (PQsendQuery(conn_, text.c_str()) == 0) co_return connection_error("send failed");
  auto res = co_await collect(sql);
  if (!res) co_return std::move(res).error();
  co_return ok();
}

}  // namespace cabinet::storage::postgres
