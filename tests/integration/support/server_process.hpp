#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace cabinet::test {

// The real `cabinet` binary in a child process, on a free port (http.port=0), its output
// collected line by line. Start-up waits for the "listening" log line, never a sleep.
class ServerProcess {
 public:
  struct Options {
    std::string database_url;
    std::filesystem::path work_dir;  // cwd of the child (a temp dir)
    std::filesystem::path web_root;  // empty: a directory without a web app
    std::vector<std::string> sets;   // extra "key=value" overrides
  };

  explicit ServerProcess(Options options);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }
  // Sends `signal` without waiting.
  void signal(int signal);
  // Sends `signal` and waits for the exit; returns the exit status (or 128 + signal).
  int stop(int signal = 15, std::chrono::seconds timeout = std::chrono::seconds(30));
  // Waits until a JSON log line satisfies `match`; false on timeout or exit.
  bool wait_for_log(const std::function<bool(const nlohmann::json&)>& match,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10));
  [[nodiscard]] std::vector<std::string> lines() const;
  [[nodiscard]] bool running() const { return pid_ > 0; }

 private:
  void read_output(int fd);

  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> lines_;
  bool eof_ = false;
};

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr, interleaved
};

// Runs the binary (or any program) to completion with the given arguments.
CommandResult run_command(const std::vector<std::string>& argv,
                          const std::filesystem::path& work_dir = {},
                          std::chrono::seconds timeout = std::chrono::seconds(120));

std::string cabinet_binary();
std::string source_dir();

}  // namespace cabinet::test
