#pragma once

// Internal to the storage engines: an asynchronous pool of connections. Included only by
// engine sources, never by features (it pulls in Asio's channel machinery).
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <memory>
#include <vector>

#include "core/async.hpp"
#include "storage/database.hpp"

namespace cabinet::storage {

// Connections wait in a channel: acquiring is an asynchronous receive, so a caller waiting for
// a connection parks its coroutine instead of a thread.
template <class Conn>
class AsyncPool {
 public:
  AsyncPool(const boost::asio::any_io_executor& executor, std::vector<Conn*> items)
      : channel_(executor, items.size()), size_(items.size()) {
    for (Conn* c : items) channel_.try_send(boost::system::error_code{}, c);
  }

  // Returns nullptr once the pool is closed.
  Task<Conn*> acquire() {
    ++waiting_;
    auto [ec, conn] =
        co_await channel_.async_receive(boost::asio::as_tuple(boost::asio::use_awaitable));
    --waiting_;
    if (ec) co_return nullptr;
    ++in_use_;
    co_return conn;
  }

  void release(Conn* conn) {
    --in_use_;
    if (!channel_.try_send(boost::system::error_code{}, conn)) {
      // Only possible after close(): the connection is simply not lent again.
    }
  }

  void close() { channel_.close(); }

  [[nodiscard]] PoolStats stats() const {
    return PoolStats{size_, in_use_.load(), waiting_.load()};
  }

 private:
  boost::asio::experimental::concurrent_channel<void(boost::system::error_code, Conn*)> channel_;
  std::size_t size_;
  std::atomic<std::size_t> in_use_{0};
  std::atomic<std::size_t> waiting_{0};
};

// The pool lends raw pointers; the engine keeps ownership of the connections.
template <class T>
std::vector<T*> raw_pointers(const std::vector<std::unique_ptr<T>>& owned) {
  std::vector<T*> out;
  out.reserve(owned.size());
  for (const auto& p : owned) out.push_back(p.get());
  return out;
}

// Gives a connection back to its pool when the borrowing coroutine leaves the scope, also when
// it leaves by an exception.
template <class Conn>
class Lease {
 public:
  Lease(AsyncPool<Conn>* pool, Conn* conn) : pool_(pool), conn_(conn) {}
  Lease(Lease&& other) noexcept : pool_(other.pool_), conn_(std::exchange(other.conn_, nullptr)) {}
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (conn_ != nullptr) pool_->release(conn_);
  }
  Conn* operator->() const { return conn_; }
  Conn& operator*() const { return *conn_; }
  explicit operator bool() const { return conn_ != nullptr; }

 private:
  AsyncPool<Conn>* pool_;
  Conn* conn_;
};

}  // namespace cabinet::storage
