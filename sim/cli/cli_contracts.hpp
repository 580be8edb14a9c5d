#pragma once
// The contracts of the werkstroom command line that hold for every subcommand and option
// (README, "Exit codes"):
//  - exit code 0: success (also --help and --version); 2: any usage or input error (an unknown
//    option, a missing or malformed value, a scenario file that does not exist, a bad scenario
//    or data file, an output path that cannot take a file); 1: an internal error or a failed
//    write (a full disk); 130: interrupted (Ctrl-C);
//  - a number option takes only what it says: a whole number is decimal digits within its
//    type's range (no sign on an unsigned option, so `--seed -1` or `--seed 18446744073709551616`
//    are refused instead of wrapping, and no octal or hexadecimal surprises: `--seed 010` is ten);
//    a real number must be finite (`nan`, `inf` are refused).

#include <CLI/CLI.hpp>
#include <optional>

namespace werkstroom::cli {

/// The exit codes of the command (README, "Exit codes").
inline constexpr int kExitSuccess = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInterrupted = 130;

/// Adds the number rules above to every option of `app` and of its subcommands (recursively)
/// whose type is a number (CLI11's type names INT, UINT, FLOAT). Call once, after every option
/// has been added and before parsing.
void enforce_number_rules(CLI::App& app);

/// Parses the command line. Returns the exit code when the command must end now: 0 after
/// --help or --version (printed), 2 after a usage error (CLI11's message printed on stderr with
/// a hint to --help); nothing when the command should run.
std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv);

}  // namespace werkstroom::cli
