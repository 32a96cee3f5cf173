#include "python_server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <stdexcept>

namespace cabinet::test {

PythonServer::PythonServer(const std::string& script, const std::vector<std::string>& args) {
  std::array<int, 2> fds{};
  if (::pipe2(fds.data(), O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> all{"/usr/bin/python3", std::string(CABINET_SOURCE_DIR) + "/" + script};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(all.size() + 1);
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  const int spawned = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  std::string line;
  pollfd pfd{fds[0], POLLIN, 0};
  std::array<char, 64> buffer{};
  while (spawned == 0 && line.find('\n') == std::string::npos && ::poll(&pfd, 1, 30'000) > 0) {
    const auto n = ::read(fds[0], buffer.data(), buffer.size());
    if (n <= 0) break;
    line.append(buffer.data(), static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (line.find('\n') == std::string::npos) {
    stop();
    throw std::runtime_error(script + " did not start");
  }
  port_ = std::stoi(line);
}

PythonServer::~PythonServer() { stop(); }

std::string PythonServer::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void PythonServer::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

}  // namespace cabinet::test
