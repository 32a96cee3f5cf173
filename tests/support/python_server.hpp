#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace cabinet::test {

// A stand-in server written in Python (tests/**/*.py) in a child process. The script listens
// on a free 127.0.0.1 port and prints it on its first line of output; the constructor waits
// for that line (30 s at most, never a sleep) and throws when it does not come. The child is
// killed when this object goes.
class PythonServer {
 public:
  // `script`: relative to the source tree; `args`: its arguments.
  PythonServer(const std::string& script, const std::vector<std::string>& args);
  ~PythonServer();
  PythonServer(const PythonServer&) = delete;
  PythonServer& operator=(const PythonServer&) = delete;

  [[nodiscard]] int port() const { return port_; }
  // "http://127.0.0.1:<port>"
  [[nodiscard]] std::string url() const;

 private:
  void stop();
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace cabinet::test
