#include "support/process.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace bostad::test {
namespace {

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

} // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
    int out_pipe[2];
    int err_pipe[2];
    int in_pipe[2];
    if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0 || ::pipe(in_pipe) != 0) throw std::runtime_error("pipe failed");

    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
        const std::string entry(*e);
        const std::string key = entry.substr(0, entry.find('='));
        if (!options.env_extra.contains(key)) env_strings.push_back(entry);
    }
    for (const auto& [k, v] : options.env_extra) env_strings.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> args = argv;
    std::vector<char*> argp;
    for (auto& a : args) argp.push_back(a.data());
    argp.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(in_pipe[0], 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) ::close(fd);
        if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(126);
        ::execve(argp[0], argp.data(), envp.data());
        ::_exit(127);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (options.stdin_text) {
        const std::string& t = *options.stdin_text;
        std::size_t done = 0;
        while (done < t.size()) {
            const ssize_t n = ::write(in_pipe[1], t.data() + done, t.size() - done);
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
    }
    ::close(in_pipe[1]);

    ProcessResult r;
    int fds[2] = {out_pipe[0], err_pipe[0]};
    std::string* sinks[2] = {&r.out, &r.err};
    while (fds[0] >= 0 || fds[1] >= 0) {
        pollfd p[2] = {{fds[0], POLLIN, 0}, {fds[1], POLLIN, 0}};
        if (::poll(p, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i] < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buf[65536];
            const ssize_t n = ::read(fds[i], buf, sizeof buf);
            if (n > 0) sinks[i]->append(buf, static_cast<std::size_t>(n));
            else close_fd(fds[i]);
        }
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    return r;
}

ProcessResult run_bostad(const std::vector<std::string>& args, const ProcessOptions& options) {
    std::vector<std::string> argv{BOSTAD_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, options);
}

ProcessOptions make_example_store(const std::string& dir, const std::vector<std::string>& months) {
    ProcessOptions o;
    o.cwd = dir;
    const auto check = [](const ProcessResult& r, const std::string& what) {
        if (r.exit_code != 0) throw std::runtime_error(what + " failed: " + r.err);
    };
    check(run_bostad({"example", "ex"}, o), "bostad example");
    o.cwd = dir + "/ex";
    check(run_bostad({"init"}, o), "bostad init");
    for (const auto& m : months) check(run_bostad({"ingest", "--month", m, "-q"}, o), "bostad ingest " + m);
    return o;
}

} // namespace bostad::test
