#include "metrics/registry.hpp"

#include <fmt/format.h>

namespace cabinet::metrics {

std::string escape_label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void Histogram::observe(double seconds) {
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) {
      buckets_[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(seconds, std::memory_order_relaxed);
}

void Histogram::render(std::string& out, std::string_view name, std::string_view labels) const {
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    out +=
        fmt::format("{}_bucket{{{},le=\"{}\"}} {}\n", name, labels, kLatencyBuckets[i], cumulative);
  }
  const auto total = count_.load(std::memory_order_relaxed);
  out += fmt::format("{}_bucket{{{},le=\"+Inf\"}} {}\n", name, labels, total);
  out += fmt::format("{}_sum{{{}}} {}\n", name, labels, sum_.load(std::memory_order_relaxed));
  out += fmt::format("{}_count{{{}}} {}\n", name, labels, total);
}

void RouteSeries::observe(std::string_view method, int status, double seconds) {
  Entry* entry = nullptr;
  {
    std::lock_guard lock(mutex_);
    for (const auto& e : entries_) {
      if (e->status == status && e->method == method) {
        entry = e.get();
        break;
      }
    }
    if (entry == nullptr) {
      auto fresh = std::make_unique<Entry>();
      fresh->method = std::string(method);
      fresh->status = status;
      entry = fresh.get();
      entries_.push_back(std::move(fresh));
    }
  }
  entry->latency.observe(seconds);
}

void RouteSeries::render(std::string& requests, std::string& latency) const {
  std::lock_guard lock(mutex_);
  for (const auto& e : entries_) {
    const auto labels = fmt::format(R"(method="{}",route="{}",status="{}")", e->method,
                                    escape_label(route_), e->status);
    requests += fmt::format("cabinet_http_requests_total{{{}}} {}\n", labels, e->latency.count());
    e->latency.render(latency, "cabinet_http_request_duration_seconds", labels);
  }
}

RouteSeries& Registry::route(std::string_view label) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < route_labels_.size(); ++i) {
    if (route_labels_[i] == label) return *routes_[i];
  }
  route_labels_.emplace_back(label);
  routes_.push_back(std::make_unique<RouteSeries>(std::string(label)));
  return *routes_.back();
}

Counter& Registry::counter(std::string name, std::string help) {
  std::lock_guard lock(mutex_);
  for (const auto& c : counters_) {
    if (c->name == name) return c->counter;
  }
  counters_.push_back(std::make_unique<NamedCounter>());
  counters_.back()->name = std::move(name);
  counters_.back()->help = std::move(help);
  return counters_.back()->counter;
}

void Registry::gauge(std::string name, std::string help, std::string labels,
                     std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(labels), std::move(read)});
}

std::string Registry::render() const {
  std::lock_guard lock(mutex_);
  std::string requests;
  std::string latency;
  for (const auto& r : routes_) r->render(requests, latency);
  std::string out;
  out += "# HELP cabinet_http_requests_total HTTP requests served, by route and status.\n";
  out += "# TYPE cabinet_http_requests_total counter\n";
  out += requests;
  out += "# HELP cabinet_http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE cabinet_http_request_duration_seconds histogram\n";
  out += latency;
  for (const auto& c : counters_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} counter\n{} {}\n", c->name, c->help, c->name,
                       c->name, c->counter.value());
  }
  std::string_view last;
  for (const auto& g : gauges_) {
    if (g.name != last) {
      out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n", g.name, g.help, g.name);
      last = g.name;
    }
    const double value = g.read();
    if (g.labels.empty()) {
      out += fmt::format("{} {}\n", g.name, value);
    } else {
      out += fmt::format("{}{{{}}} {}\n", g.name, g.labels, value);
    }
  }
  return out;
}

}  // namespace cabinet::metrics
