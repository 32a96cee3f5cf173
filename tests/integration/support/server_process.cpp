#include "server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace cabinet::test {
namespace {

extern "C" char** environ;

// The child gets our environment minus CABINET_* (they are configuration overrides) so that
// a developer's shell cannot change what a test means.
std::vector<std::string> clean_environment() {
  std::vector<std::string> out;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::strncmp(*e, "CABINET_", 8) != 0) out.emplace_back(*e);
  }
  return out;
}

pid_t spawn(const std::vector<std::string>& argv, const std::filesystem::path& work_dir,
            int& out_fd) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  auto env = clean_environment();
  std::vector<char*> cargv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  std::vector<char*> cenv;
  for (const auto& e : env) cenv.push_back(const_cast<char*>(e.c_str()));
  cenv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(fds[1], 1);
    ::dup2(fds[1], 2);
    if (!work_dir.empty() && ::chdir(work_dir.c_str()) != 0) ::_exit(126);
    ::execve(cargv[0], cargv.data(), cenv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  out_fd = fds[0];
  return pid;
}

}  // namespace

std::string cabinet_binary() { return CABINET_BINARY; }
std::string source_dir() { return CABINET_SOURCE_DIR; }

ServerProcess::ServerProcess(Options options) {
  std::vector<std::string> argv{
      cabinet_binary(),
      "serve",
      "--set",
      "http.port=0",
      "--set",
      "http.host=127.0.0.1",
      "--set",
      "database.url=" + options.database_url,
      "--set",
      "web.root=" + (options.web_root.empty() ? (options.work_dir / "no-web").string()
                                              : options.web_root.string())};
  for (const auto& s : options.sets) {
    argv.emplace_back("--set");
    argv.push_back(s);
  }
  int fd = -1;
  pid_ = spawn(argv, options.work_dir, fd);
  reader_ = std::thread([this, fd] { read_output(fd); });
  const bool up = wait_for_log(
      [this](const nlohmann::json& line) {
        if (line.value("msg", "") != "listening") return false;
        port_ = line.value("port", 0);
        return true;
      },
      std::chrono::seconds(60));
  if (!up) {
    std::string tail;
    for (const auto& l : lines()) tail += l + "\n";
    stop(SIGKILL);
    throw std::runtime_error("cabinet did not start:\n" + tail);
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(SIGKILL);
  if (reader_.joinable()) reader_.join();
}

void ServerProcess::read_output(int fd) {
  std::string pending;
  char buf[4096];
  for (;;) {
    const auto n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    pending.append(buf, static_cast<std::size_t>(n));
    std::size_t nl;
    while ((nl = pending.find('\n')) != std::string::npos) {
      std::lock_guard lock(mutex_);
      lines_.push_back(pending.substr(0, nl));
      pending.erase(0, nl + 1);
      changed_.notify_all();
    }
  }
  ::close(fd);
  std::lock_guard lock(mutex_);
  if (!pending.empty()) lines_.push_back(pending);
  eof_ = true;
  changed_.notify_all();
}

bool ServerProcess::wait_for_log(const std::function<bool(const nlohmann::json&)>& match,
                                 std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  std::size_t seen = 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    for (; seen < lines_.size(); ++seen) {
      auto j = nlohmann::json::parse(lines_[seen], nullptr, false);
      if (!j.is_discarded() && j.is_object() && match(j)) return true;
    }
    if (eof_) return false;
    if (changed_.wait_until(lock, deadline) == std::cv_status::timeout && seen == lines_.size()) {
      return false;
    }
  }
}

std::vector<std::string> ServerProcess::lines() const {
  std::lock_guard lock(mutex_);
  return lines_;
}

void ServerProcess::signal(int signal) {
  if (pid_ > 0) ::kill(pid_, signal);
}

int ServerProcess::stop(int signal, std::chrono::seconds timeout) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  // The child's exit closes the pipe: wait on that event, then reap.
  {
    std::unique_lock lock(mutex_);
    changed_.wait_until(lock, deadline, [this] { return eof_; });
  }
  if (::waitpid(pid_, &status, WNOHANG) == 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
  }
  pid_ = -1;
  if (reader_.joinable()) reader_.join();
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

CommandResult run_command(const std::vector<std::string>& argv,
                          const std::filesystem::path& work_dir, std::chrono::seconds timeout) {
  int fd = -1;
  const pid_t pid = spawn(argv, work_dir, fd);
  CommandResult result;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  char buf[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd pfd{fd, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) {
      ::kill(pid, SIGKILL);
      break;
    }
    const auto n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    result.output.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace cabinet::test
