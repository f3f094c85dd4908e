#pragma once
// Errors carry the exit code they map to (house-style habit 7) and a message that names the place and the fix.

#include <stdexcept>
#include <string>

namespace bostad {

/// The documented exit codes of every command. Only `main` turns them into a process status.
enum class ExitCode : int {
    ok = 0,
    data_problems = 1,    ///< the command ran, but found problems in the data (e.g. --strict with rejects)
    usage = 2,            ///< bad command line or config file
    unreadable_input = 3, ///< an input file or store cannot be read or is not what it claims to be
    io_failure = 4,       ///< writing failed, or an external program or server failed
    internal = 5,         ///< a bug: please report it
};

class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), m_code(code) {}
    ExitCode code() const noexcept { return m_code; }

private:
    ExitCode m_code;
};

/// A wrong option, config key or argument: exit code 2.
class UsageError : public Error {
public:
    explicit UsageError(const std::string& message) : Error(ExitCode::usage, message) {}
};

/// An input file or store that cannot be read or understood: exit code 3.
class InputError : public Error {
public:
    explicit InputError(const std::string& message) : Error(ExitCode::unreadable_input, message) {}
};

/// Writing, or a library or external program, failed: exit code 4.
class IoError : public Error {
public:
    explicit IoError(const std::string& message) : Error(ExitCode::io_failure, message) {}
};

/// Something that cannot happen happened: exit code 5.
class InternalError : public Error {
public:
    explicit InternalError(const std::string& message) : Error(ExitCode::internal, message) {}
};

} // namespace bostad
