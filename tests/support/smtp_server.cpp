#include "smtp_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cabinet::test {
namespace {

constexpr std::string_view kListening = "Server is listening on";

// A port the kernel just considered free. aiosmtpd cannot bind port 0 and report the one it
// got, so there is a small window in which someone else may take it; start() then retries.
std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof addr;
  const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                     ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) == 0;
  ::close(fd);
  if (!bound) throw std::runtime_error("cannot find a free port");
  return ntohs(addr.sin_port);
}

// Maildir names are "<seconds>.M<micros>P<pid>Q<counter>.<host>"; the counter orders the
// messages of one server process.
long delivery_counter(const std::string& name) {
  const auto q = name.find('Q');
  return q == std::string::npos ? 0 : std::strtol(name.c_str() + q + 1, nullptr, 10);
}

std::vector<std::filesystem::path> message_files(const std::filesystem::path& maildir) {
  std::vector<std::filesystem::path> files;
  for (const char* sub : {"new", "cur"}) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(maildir / sub, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return delivery_counter(a.filename().string()) < delivery_counter(b.filename().string());
  });
  return files;
}

}  // namespace

SmtpServer::SmtpServer() {
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (start(free_port())) return;
  }
  throw std::runtime_error("aiosmtpd did not start:\n" + output());
}

SmtpServer::~SmtpServer() { stop(); }

bool SmtpServer::start(std::uint16_t port) {
  stop();
  {
    std::lock_guard lock(mutex_);
    output_.clear();
    eof_ = false;
  }
  std::array<int, 2> fds{};
  if (::pipe2(fds.data(), O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> args{"/usr/bin/python3",
                                "-m",
                                "aiosmtpd",
                                "-n",  // stay root in a container rather than setuid nobody
                                "-d",  // prints the "listening" line start-up waits for
                                "-l",
                                "127.0.0.1:" + std::to_string(port),
                                "-c",
                                "aiosmtpd.handlers.Mailbox",
                                maildir().string()};
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
  const int spawned = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (spawned != 0) {
    ::close(fds[0]);
    pid_ = -1;
    throw std::runtime_error("cannot start /usr/bin/python3 -m aiosmtpd");
  }
  reader_ = std::thread([this, fd = fds[0]] { read_output(fd); });

  std::unique_lock lock(mutex_);
  const bool listening = changed_.wait_for(lock, std::chrono::seconds(30), [this] {
    return eof_ || output_.find(kListening) != std::string::npos;
  });
  if (listening && !eof_) {
    port_ = port;
    return true;
  }
  lock.unlock();
  stop();  // exited (the port was taken meanwhile) or hung
  return false;
}

void SmtpServer::stop() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  if (reader_.joinable()) reader_.join();
}

void SmtpServer::read_output(int fd) {
  std::array<char, 4096> buffer{};
  for (;;) {
    const auto n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    std::lock_guard lock(mutex_);
    output_.append(buffer.data(), static_cast<std::size_t>(n));
    changed_.notify_all();
  }
  ::close(fd);
  std::lock_guard lock(mutex_);
  eof_ = true;
  changed_.notify_all();
}

std::string SmtpServer::url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

std::string SmtpServer::output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

std::vector<std::string> SmtpServer::messages() const {
  std::vector<std::string> out;
  for (const auto& file : message_files(maildir())) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    out.push_back(content.str());
  }
  return out;
}

bool SmtpServer::wait_for_messages(std::size_t count, std::chrono::milliseconds timeout) const {
  // The watch is set before counting, so that an arrival between the two is not missed.
  const int fd = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd < 0) throw std::runtime_error("inotify_init1 failed");
  ::inotify_add_watch(fd, (maildir() / "new").c_str(), IN_CREATE | IN_MOVED_TO);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool arrived = false;
  for (;;) {
    arrived = message_files(maildir()).size() >= count;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (arrived || left.count() <= 0) break;
    pollfd pfd{fd, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(left.count())) > 0) {
      std::array<char, 4096> events{};
      while (::read(fd, events.data(), events.size()) > 0) {
      }
    }
  }
  ::close(fd);
  return arrived;
}

}  // namespace cabinet::test
