#include "stats/figures.hpp"

#include <algorithm>
#include <cmath>

namespace cabinet::stats {
namespace {

class Writer {
 public:
  Writer(nlohmann::json& out, std::int64_t threshold) : out_(out), threshold_(threshold) {}

  // Zero is shown: it names nobody.
  void count(const std::string& name, std::int64_t v) {
    if (v > 0 && v < threshold_) {
      out_[name] = nullptr;
      suppressed_.push_back(name);
    } else {
      out_[name] = v;
    }
  }

  // A value computed on `n` items: null without items, suppressed on too few.
  [[nodiscard]] bool enough(const std::string& name, std::int64_t n) {
    if (n >= threshold_ && n > 0) return true;
    out_[name] = nullptr;
    if (n > 0) suppressed_.push_back(name);
    return false;
  }

  // "<name>_p50<unit>" and "<name>_p90<unit>".
  void percentiles(const std::string& name, const std::string& unit,
                   const std::vector<std::int64_t>& v) {
    const auto p50 = name + "_p50" + unit;
    const auto p90 = name + "_p90" + unit;
    const auto n = static_cast<std::int64_t>(v.size());
    if (n > 0 && n >= threshold_) {
      out_[p50] = percentile(v, 50);
      out_[p90] = percentile(v, 90);
      return;
    }
    out_[p50] = nullptr;
    out_[p90] = nullptr;
    if (n > 0) {
      suppressed_.push_back(p50);
      suppressed_.push_back(p90);
    }
  }

  void finish() { out_["suppressed"] = suppressed_; }

 private:
  nlohmann::json& out_;
  std::int64_t threshold_;
  std::vector<std::string> suppressed_;
};

}  // namespace

std::int64_t percentile(std::vector<std::int64_t> values, int p) {
  std::sort(values.begin(), values.end());
  const auto n = static_cast<double>(values.size());
  auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * n));
  if (rank == 0) rank = 1;
  return values[rank - 1];
}

nlohmann::json figures_json(const Figures& f, std::int64_t threshold) {
  nlohmann::json out = nlohmann::json::object();
  Writer w(out, threshold);
  w.count("bookings", f.bookings);
  w.count("held", f.held);
  w.count("no_shows", f.no_shows);
  w.count("cancelled", f.cancelled);
  w.percentiles("queue_wait", "_s", f.queue_waits_s);
  if (w.enough("relayed_share", f.calls_reported)) {
    const double share =
        static_cast<double>(f.calls_relayed) / static_cast<double>(f.calls_reported);
    out["relayed_share"] = std::round(share * 1000.0) / 1000.0;
  }
  w.count("phone_fallbacks", f.phone_fallbacks);
  w.count("queue_joined", f.queue_joined);
  w.count("queue_taken", static_cast<std::int64_t>(f.queue_waits_s.size()));
  if (w.enough("duration_p50_s", static_cast<std::int64_t>(f.durations_s.size())))
    out["duration_p50_s"] = percentile(f.durations_s, 50);
  w.count("calls_reported", f.calls_reported);
  w.count("audio_only", f.audio_only);
  w.percentiles("call_setup", "_ms", f.setups_ms);
  nlohmann::json docs = nlohmann::json::object();
  {
    Writer dw(docs, threshold);
    for (const auto* kind : kDocumentKinds) {
      const auto it = f.documents.find(kind);
      dw.count(kind, it == f.documents.end() ? 0 : it->second);
    }
    dw.finish();
  }
  out["documents"] = std::move(docs);
  w.finish();
  return out;
}

}  // namespace cabinet::stats
