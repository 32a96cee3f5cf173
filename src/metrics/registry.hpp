#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cabinet::metrics {

// Latency buckets in seconds, from sub-millisecond API calls to slow uploads.
inline constexpr std::array<double, 14> kLatencyBuckets{
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0};

class Histogram {
 public:
  void observe(double seconds);
  void render(std::string& out, std::string_view name, std::string_view labels) const;
  [[nodiscard]] std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }

 private:
  std::array<std::atomic<std::uint64_t>, kLatencyBuckets.size()> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<double> sum_{0};
};

// The requests of one route, split by method and status. Looked up once per request with a
// short lock over a handful of entries; the counters themselves are atomics.
class RouteSeries {
 public:
  explicit RouteSeries(std::string route) : route_(std::move(route)) {}
  void observe(std::string_view method, int status, double seconds);
  void render(std::string& requests, std::string& latency) const;

 private:
  struct Entry {
    std::string method;
    int status = 0;
    Histogram latency;
  };
  std::string route_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Entry>> entries_;
};

class Counter {
 public:
  void add(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  [[nodiscard]] std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

// Every metric of the process; rendered in Prometheus text format at /metrics.
class Registry {
 public:
  // Series for a route label ("/api/v1/x/{id}", "static", "unmatched"); stable address.
  RouteSeries& route(std::string_view label);
  Counter& counter(std::string name, std::string help);
  // A value read when /metrics is scraped (open sockets, pool use).
  void gauge(std::string name, std::string help, std::string labels, std::function<double()> read);
  [[nodiscard]] std::string render() const;

 private:
  struct NamedCounter {
    std::string name, help;
    Counter counter;
  };
  struct Gauge {
    std::string name, help, labels;
    std::function<double()> read;
  };
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<RouteSeries>> routes_;
  std::vector<std::string> route_labels_;
  std::vector<std::unique_ptr<NamedCounter>> counters_;
  std::vector<Gauge> gauges_;
};

// Escapes a Prometheus label value (backslash, quote, newline).
std::string escape_label(std::string_view value);

}  // namespace cabinet::metrics
