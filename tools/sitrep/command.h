// Subcommand registry of the sitrep CLI. Each cmd_<name>.cc registers itself with a static
// Command object, so adding a subcommand touches no other file. A subcommand parses its flags
// (CLI11), makes one library call and renders the result; reports go to stderr.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace sitrep::cli {

// Exit codes, documented in README.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitNoUsableInput = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  // `setup` adds the subcommand's options to `sub` and returns the function that runs it.
  using Setup = std::function<std::function<int()>(CLI::App& sub)>;
  Command(std::string name, std::string description, Setup setup);
};

struct RegisteredCommand {
  std::string name;
  std::string description;
  Command::Setup setup;
};
std::vector<RegisteredCommand>& Registry();

}  // namespace sitrep::cli
