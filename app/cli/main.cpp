// kith-cli: Kith for scripts, cron and headless use.
#include <iostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"

int main(int argc, char** argv) {
    kith::app::CliContext ctx(std::cout, std::cerr);
    return kith::app::run_cli(argc, argv, ctx);
}
