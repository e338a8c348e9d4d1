// sitrep: the command-line shell over the library. Subcommands live in cmd_*.cc.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>

#include "command.h"

namespace sitrep::cli {

std::vector<RegisteredCommand>& Registry() {
  static std::vector<RegisteredCommand> registry;
  return registry;
}

Command::Command(std::string name, std::string description, Setup setup) {
  Registry().push_back({std::move(name), std::move(description), std::move(setup)});
}

}  // namespace sitrep::cli

int main(int argc, char** argv) {
  using namespace sitrep::cli;
  CLI::App app{"sitrep: one sourced situation report from many news reports of one event"};
  app.set_version_flag("--version", "sitrep 0.1.0");
  app.require_subcommand(1);
  auto& commands = Registry();
  std::sort(commands.begin(), commands.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  std::map<CLI::App*, std::function<int()>> runners;
  for (auto& command : commands) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    runners[sub] = command.setup(*sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}
