#include "partners/hosts.hpp"

#include "core/log.hpp"
#include "partners/rules.hpp"
#include "partners/store.hpp"

namespace cabinet::partners {

std::shared_ptr<const Hosts::Table> Hosts::table() const {
  const std::lock_guard lock(mutex_);
  return table_;
}

std::optional<HostEntry> Hosts::find(std::string_view host) const {
  const auto name = host_of_header(host);
  if (name.empty()) return std::nullopt;
  const auto t = table();
  const auto it = t->find(name);
  if (it == t->end()) return std::nullopt;
  return it->second;
}

std::optional<std::int64_t> Hosts::partner_of(std::string_view host) const {
  const auto e = find(host);
  if (!e) return std::nullopt;
  return e->partner_id;
}

bool Hosts::served(std::string_view host_name) const {
  const auto t = table();
  return t->find(host_name) != t->end();
}

Task<Result<void>> Hosts::reload() {
  auto rows = co_await store::active_hosts(db_);
  if (!rows) co_return std::move(rows).error();
  auto fresh = std::make_shared<Table>();
  for (auto& r : *rows) fresh->emplace(std::move(r.host), std::move(r.entry));
  const std::lock_guard lock(mutex_);
  table_ = std::move(fresh);
  co_return ok();
}

void Hosts::start(boost::asio::io_context& io) {
  loop_.start(io, kRefresh, "partner hosts", [this]() -> Task<bool> {
    if (auto r = co_await reload(); !r)
      log::warn("partner hosts not reloaded", {{"error", r.error().detail}});
    co_return false;
  });
}

void Hosts::stop(std::function<void()> done) { loop_.stop(std::move(done)); }

}  // namespace cabinet::partners
