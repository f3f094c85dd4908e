#include "support/process.hpp"

#include <cerrno>
#include <filesystem>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <thread>

#include "support/files.hpp"

extern char** environ;

namespace bostad::test {
namespace {

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

/// The argument and environment arrays execve wants, kept alive with their strings.
struct ExecArrays {
    std::vector<std::string> args;
    std::vector<std::string> env;
    std::vector<char*> argp;
    std::vector<char*> envp;

    ExecArrays(const std::vector<std::string>& argv, const ProcessOptions& options) : args(argv) {
        for (char** e = environ; *e; ++e) {
            const std::string entry(*e);
            const std::string key = entry.substr(0, entry.find('='));
            if (!options.env_extra.contains(key)) env.push_back(entry);
        }
        for (const auto& [k, v] : options.env_extra) env.push_back(k + "=" + v);
        for (auto& s : env) envp.push_back(s.data());
        envp.push_back(nullptr);
        for (auto& a : args) argp.push_back(a.data());
        argp.push_back(nullptr);
    }
};

/// In the child: standard streams from/to `fds`, into the working folder, then the program.
[[noreturn]] void exec_child(ExecArrays& a, const ProcessOptions& options, int in, int out, int err) {
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    for (int fd = 3; fd < 1024; ++fd) ::close(fd);
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(126);
    ::execve(a.argp[0], a.argp.data(), a.envp.data());
    ::_exit(127);
}

void fill_status(ProcessResult& r, int status) {
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
}

} // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
    int out_pipe[2];
    int err_pipe[2];
    int in_pipe[2];
    if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0 || ::pipe(in_pipe) != 0) throw std::runtime_error("pipe failed");
    ExecArrays arrays(argv, options);
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) exec_child(arrays, options, in_pipe[0], out_pipe[1], err_pipe[1]);
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
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    fill_status(r, status);
    r.max_rss_kb = usage.ru_maxrss;
    return r;
}

BackgroundBostad::BackgroundBostad(const std::vector<std::string>& args, const ProcessOptions& options, std::string log_prefix)
    : m_out(log_prefix + ".out"), m_err(log_prefix + ".err") {
    std::vector<std::string> argv{BOSTAD_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    ExecArrays arrays(argv, options);
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(m_out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(m_err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) throw std::runtime_error("cannot open the log files " + log_prefix);
    m_pid = ::fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) exec_child(arrays, options, in, out, err);
    for (int fd : {in, out, err}) ::close(fd);
}

BackgroundBostad::~BackgroundBostad() {
    if (m_done) return;
    ::kill(m_pid, SIGKILL);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
}

bool BackgroundBostad::wait_stopped(std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        int status = 0;
        const pid_t r = ::waitpid(m_pid, &status, WUNTRACED | WNOHANG);
        if (r == m_pid && WIFSTOPPED(status)) return true;
        if (r == m_pid) { // it ended instead
            m_done = true;
            fill_status(m_result, status);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

bool BackgroundBostad::running() {
    if (m_done) return false;
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) != m_pid) return true;
    m_done = true;
    fill_status(m_result, status);
    return false;
}

void BackgroundBostad::resume() { ::kill(m_pid, SIGCONT); }

std::string BackgroundBostad::err_so_far() const { return read_file(m_err); }

ProcessResult BackgroundBostad::wait() {
    if (!m_done) {
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        fill_status(m_result, status);
        m_done = true;
    }
    m_result.out = read_file(m_out);
    m_result.err = read_file(m_err);
    return m_result;
}

ProcessResult run_bostad(const std::vector<std::string>& args, const ProcessOptions& options) {
    std::vector<std::string> argv{BOSTAD_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, options);
}

ProcessOptions make_example_project(const std::string& dir) {
    ProcessOptions o;
    o.cwd = dir;
    const ProcessResult r = run_bostad({"example", "ex"}, o);
    if (r.exit_code != 0) throw std::runtime_error("bostad example failed: " + r.err);
    o.cwd = dir + "/ex";
    return o;
}

ProcessOptions make_example_store(const std::string& dir, const std::vector<std::string>& months) {
    ProcessOptions o = make_example_project(dir);
    const auto check = [](const ProcessResult& r, const std::string& what) {
        if (r.exit_code != 0) throw std::runtime_error(what + " failed: " + r.err);
    };
    check(run_bostad({"init"}, o), "bostad init");
    for (const auto& m : months) check(run_bostad({"ingest", "--month", m, "-q"}, o), "bostad ingest " + m);
    return o;
}

ExampleMonths make_example_months(const std::string& dir) {
    ExampleMonths m;
    m.opts = make_example_store(dir, {"2026-09"});
    const std::string ex = dir + "/ex/";
    m.before = ex + "before.gpkg";
    std::filesystem::copy_file(ex + "bostad.gpkg", m.before);
    const ProcessResult r = run_bostad({"ingest", "--month", "2026-10", "-q"}, m.opts);
    if (r.exit_code != 0) throw std::runtime_error("bostad ingest 2026-10 failed: " + r.err);
    m.after = ex + "after.gpkg";
    std::filesystem::copy_file(ex + "bostad.gpkg", m.after);
    return m;
}

} // namespace bostad::test
